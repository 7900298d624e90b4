package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input against the REST API and the import: every case is refused with a 4xx problem, or
 * stored and read back verbatim. Never a 500, never a half-written import.
 */
@ExtendWith(ClinSumServerExtension.class)
class HostileInputIT {
  private static Api api;

  /** What a case must get: refused (4xx, problem details) or stored verbatim. */
  enum Outcome {
    REFUSED,
    STORED
  }

  record Case(
      String name,
      String user,
      String method,
      String path,
      String type,
      byte[] body,
      Outcome outcome,
      String storedText) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeAll
  static void client(LocalServer server) {
    api = new Api(server);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String json(Object o) {
    try {
      return Api.JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Case refusedNote(String name, String body) {
    return new Case(
        name, "clinician", "POST", "/notes", "application/json", utf8(body), Outcome.REFUSED, null);
  }

  private static Case storedNote(String name, String text) {
    String body = json(Map.of("patientId", Api.unique("H"), "noteType", "progress", "text", text));
    return new Case(
        name, "clinician", "POST", "/notes", "application/json", utf8(body), Outcome.STORED, text);
  }

  private static Case refusedGet(String name, String user, String path) {
    return new Case(
        name, user, "GET", path, "application/json", new byte[0], Outcome.REFUSED, null);
  }

  private static Case refusedPost(String name, String user, String path, String type, byte[] body) {
    return new Case(name, user, "POST", path, type, body, Outcome.REFUSED, null);
  }

  private static Case importCsv(String name, byte[] body, Outcome outcome) {
    return new Case(
        name, "clinician", "POST", "/notes/import?mode=all", "text/csv", body, outcome, null);
  }

  static Stream<Case> cases() {
    List<Case> c = new ArrayList<>();
    String tenMb = "x".repeat(10 * 1024 * 1024);
    // Malformed and wrong JSON.
    c.add(refusedNote("empty body", ""));
    c.add(refusedNote("JSON null", "null"));
    c.add(refusedNote("JSON array", "[]"));
    c.add(refusedNote("truncated JSON", "{\"patientId\": \"P"));
    c.add(refusedNote("empty object", "{}"));
    c.add(
        refusedNote(
            "text is an object", "{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":{\"a\":1}}"));
    c.add(
        refusedNote(
            "text is an array", "{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":[\"a\"]}"));
    c.add(refusedNote("text is a number", "{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":12}"));
    c.add(
        refusedNote(
            "unknown field",
            "{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":\"t\",\"admin\":true}"));
    c.add(
        refusedNote(
            "bad date",
            "{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":\"t\",\"recordedAt\":\"yesterday\"}"));
    c.add(
        refusedNote(
            "huge number as date",
            "{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":\"t\",\"recordedAt\":1e400}"));
    c.add(
        refusedNote("10 MB note", json(Map.of("patientId", "P", "noteType", "x", "text", tenMb))));
    c.add(refusedNote("nested 20,000 deep", "[".repeat(20_000) + "]".repeat(20_000)));
    c.add(
        refusedNote(
            "NUL in text", "{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":\"a\\u0000b\"}"));
    c.add(
        refusedNote(
            "lone surrogate in text",
            "{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":\"a\\ud800b\"}"));
    c.add(
        refusedNote(
            "lone surrogate in patient",
            "{\"patientId\":\"P\\udc00\",\"noteType\":\"x\",\"text\":\"t\"}"));
    c.add(
        refusedNote(
            "HTML in note type", "{\"patientId\":\"P\",\"noteType\":\"<script>\",\"text\":\"t\"}"));
    c.add(
        refusedNote(
            "129-character patient id",
            json(Map.of("patientId", "p".repeat(129), "noteType", "x", "text", "t"))));
    c.add(
        refusedNote(
            "control character in patient id",
            "{\"patientId\":\"P\\n1\",\"noteType\":\"x\",\"text\":\"t\"}"));
    ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
    latin1.writeBytes(utf8("{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":\"caf"));
    latin1.write(0xE9);
    latin1.writeBytes(utf8("\"}"));
    c.add(
        refusedPost(
            "non-UTF-8 JSON", "clinician", "/notes", "application/json", latin1.toByteArray()));
    c.add(
        refusedPost(
            "plain text to a JSON endpoint", "clinician", "/notes", "text/plain", utf8("hello")));
    c.add(
        refusedPost(
            "XML to a JSON endpoint", "clinician", "/notes", "application/xml", utf8("<note/>")));
    // Hostile text that is still text: stored verbatim.
    c.add(
        storedNote(
            "SQL fragments",
            "'; DROP TABLE note; -- \" OR 1=1; /* */ UNION SELECT * FROM app_user"));
    c.add(
        storedNote(
            "HTML and script",
            "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:x\">"));
    c.add(storedNote("CSV injection", "=cmd|' /C calc'!A0 +SUM(1) -2 @x"));
    c.add(storedNote("RTL and ZWJ marks", "\u202eevil\u202c \u200f\u200e \u200d\u200c zero-width"));
    c.add(storedNote("emoji and astral", "😀👩‍⚕️ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 漢字 عربي"));
    c.add(storedNote("path traversal as text", "../../../../etc/passwd ..\\..\\windows\\system32"));
    c.add(storedNote("format strings", "%s%s%s%n %x ${jndi:ldap://x/a} #{7*7} {{7*7}}"));
    c.add(storedNote("just under the limit", "y".repeat(1_000_000)));
    // Parameters.
    c.add(refusedGet("negative page size", "clinician", "/notes?size=-1"));
    c.add(refusedGet("page beyond any offset", "clinician", "/notes?page=5000000&size=500"));
    c.add(
        refusedNote(
            "date beyond PostgreSQL's range",
            "{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":\"t\",\"recordedAt\":\"+300000-01-01T00:00:00Z\"}"));
    c.add(
        importCsv(
            "year 0000 in one row (mode all)",
            utf8("patient_id,note_type,recorded_at,note\nP,x,0000-01-01,t\n"),
            Outcome.REFUSED));
    c.add(refusedGet("page size over the limit", "clinician", "/notes?size=100000"));
    c.add(refusedGet("page is not a number", "clinician", "/notes?page=abc"));
    c.add(refusedGet("from is not a date", "clinician", "/notes?from=garbage"));
    c.add(refusedGet("unknown state", "reviewer", "/summaries?state=NOPE"));
    c.add(refusedGet("note id is not a number", "clinician", "/notes/abc"));
    c.add(refusedGet("note id overflows a long", "clinician", "/notes/99999999999999999999"));
    c.add(refusedGet("unknown kind", "admin", "/jobs?kind=../../etc"));
    c.add(
        refusedPost(
            "chunk size zero",
            "admin",
            "/jobs/summarize?chunkSize=0",
            "application/json",
            new byte[0]));
    c.add(
        refusedPost(
            "If-Match not a version",
            "reviewer",
            "/summaries/1/approve",
            "application/json",
            utf8("{}")));
    c.add(
        refusedPost(
            "user name with path traversal",
            "admin",
            "/users",
            "application/json",
            utf8(
                json(
                    Map.of(
                        "username",
                        "../admin",
                        "password",
                        "secret-pw",
                        "roles",
                        List.of("admin"))))));
    c.add(
        refusedPost(
            "unknown role",
            "admin",
            "/users",
            "application/json",
            utf8(
                json(
                    Map.of(
                        "username",
                        "mallory",
                        "password",
                        "secret-pw",
                        "roles",
                        List.of("root"))))));
    c.add(
        refusedPost(
            "SQL injection as user name",
            null,
            "/session",
            "application/x-www-form-urlencoded",
            utf8("username=%27+OR+1%3D1+--&password=x")));
    // Import.
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    c.add(importCsv("empty file", new byte[0], Outcome.REFUSED));
    c.add(importCsv("random bytes", random, Outcome.REFUSED));
    c.add(importCsv("no note column", utf8("patient_id,note_type\nP,x\n"), Outcome.REFUSED));
    c.add(
        importCsv(
            "10 MB cell",
            utf8("patient_id,note_type,note\nP,x,\"" + tenMb + "\"\n"),
            Outcome.REFUSED));
    c.add(
        importCsv(
            "unclosed quote", utf8("patient_id,note_type,note\nP,x,\"open\n"), Outcome.REFUSED));
    c.add(
        importCsv(
            "one bad row of two (mode all)",
            utf8("patient_id,note_type,note\nP,x,fine\n,x,no patient\n"),
            Outcome.REFUSED));
    c.add(
        new Case(
            "CSV as JSON Lines",
            "clinician",
            "POST",
            "/notes/import?format=jsonl&mode=all",
            "application/x-ndjson",
            utf8("patient_id,note_type,note\nP,x,t\n"),
            Outcome.REFUSED,
            null));
    c.add(
        new Case(
            "JSON Lines line that is an array",
            "clinician",
            "POST",
            "/notes/import?format=jsonl&mode=all",
            "application/x-ndjson",
            utf8("[\"P\",\"x\",\"t\"]\n"),
            Outcome.REFUSED,
            null));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileInput_refusedWithProblemOrStoredVerbatim(Case c) {
    Api.Reply r =
        api.call(c.user(), c.method(), c.path(), c.type(), c.body(), "If-Match", "not-a-version");
    assertThat(r.status()).as(c.name() + ": " + abbreviate(r.body())).isLessThan(500);
    if (c.outcome() == Outcome.REFUSED) {
      assertThat(r.status()).as(c.name() + ": " + abbreviate(r.body())).isBetween(400, 499);
      if (r.status() != 401 || r.body() != null && !r.body().isEmpty()) {
        assertThat(r.header("Content-Type")).as(c.name()).contains("json");
      }
      if (c.path().startsWith("/notes/import")) {
        assertThat(r.json().get("inserted").asLong()).as("nothing stored").isZero();
        assertThat(r.json().get("committed").asBoolean()).isFalse();
      }
    } else {
      assertThat(r.status()).as(c.name() + ": " + abbreviate(r.body())).isEqualTo(201);
      long id = r.json().get("id").asLong();
      JsonNode read = api.get("reviewer", "/notes/" + id).json();
      assertThat(read.get("text").asText()).isEqualTo(c.storedText());
    }
  }

  private static String abbreviate(String s) {
    return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }
}
