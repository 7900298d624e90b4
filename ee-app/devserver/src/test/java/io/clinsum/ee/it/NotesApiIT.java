package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Notes one at a time through the REST API, against WildFly and PostgreSQL. */
@ExtendWith(ClinSumServerExtension.class)
class NotesApiIT {
  @Test
  void create_thenRead_storedVerbatimAndReadAudited(LocalServer server) throws Exception {
    Api api = new Api(server);
    String patient = Api.unique("P");
    String hostile =
        "<script>alert('x')</script><img src=x onerror=alert(1)> '; DROP TABLE note; --"
            + " =cmd|' /C calc'!A0 \u202eRTL \u200d ZWJ 😀 Chest pain.";

    Api.Reply created =
        api.postJson(
            "clinician",
            "/notes",
            Map.of(
                "patientId", patient,
                "noteType", "progress",
                "authorRole", "physician",
                "recordedAt", "2024-03-01T14:30:00Z",
                "text", hostile));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.header("Location")).endsWith("/api/notes/" + created.json().get("id"));
    assertThat(created.json().has("text")).isFalse();
    long id = created.json().get("id").asLong();

    Api.Reply read = api.get("reviewer", "/notes/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("text").asText()).isEqualTo(hostile);
    assertThat(read.json().get("patientId").asText()).isEqualTo(patient);
    assertThat(read.json().get("recordedAt").asText()).startsWith("2024-03-01T14:30");

    try (Connection c = server.openJdbcConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT actor FROM audit_event WHERE action = 'NOTE_READ' AND entity_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("audit event for the read").isTrue();
        assertThat(rs.getString(1)).isEqualTo("reviewer");
      }
    }
  }

  @Test
  void create_sameTextTwice_conflict(LocalServer server) {
    Api api = new Api(server);
    Map<String, String> note =
        Map.of("patientId", Api.unique("P"), "noteType", "nursing", "text", "Afebrile.");
    assertThat(api.postJson("clinician", "/notes", note).status()).isEqualTo(201);

    Api.Reply again = api.postJson("clinician", "/notes", note);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.json().get("detail").asText()).contains("already has this note");
  }

  @Test
  void create_invalidFields_problemNamesEachField(LocalServer server) {
    Api api = new Api(server);

    Api.Reply r =
        api.postJson(
            "clinician", "/notes", Map.of("patientId", "", "noteType", "<b>", "text", " "));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    JsonNode errors = r.json().get("errors");
    assertThat(errors.findValuesAsText("field")).contains("patientId");
  }

  @Test
  void create_malformedJsonOrWrongType_badRequest(LocalServer server) {
    Api api = new Api(server);

    Api.Reply broken = api.postJson("clinician", "/notes", "{\"patientId\": ");
    Api.Reply wrongType =
        api.postJson(
            "clinician", "/notes", "{\"patientId\":\"P\",\"noteType\":\"x\",\"text\":[1]}");

    assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
    assertThat(broken.json().get("status").asInt()).isEqualTo(400);
    assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
  }

  @Test
  void read_unknownNote_notFoundProblem(LocalServer server) {
    Api.Reply r = new Api(server).get("clinician", "/notes/987654321");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().get("detail").asText()).isEqualTo("Note 987654321 does not exist");
  }

  @Test
  void list_filteredByPatient_pagedWithoutText(LocalServer server) {
    Api api = new Api(server);
    String patient = Api.unique("P");
    for (int i = 0; i < 3; i++) {
      api.postJson(
          "clinician",
          "/notes",
          Map.of("patientId", patient, "noteType", "nursing", "text", "Note number " + i));
    }

    Api.Reply page = api.get("clinician", "/notes?patientId=" + patient + "&size=2&page=0");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().get("total").asLong()).isEqualTo(3);
    assertThat(page.json().get("items")).hasSize(2);
    assertThat(page.json().get("items").get(0).has("text")).isFalse();
    assertThat(api.get("clinician", "/notes?size=501").status()).isEqualTo(400);
    JsonNode byId = api.get("clinician", "/patients/" + patient).json();
    assertThat(byId.get("notes").asLong()).isEqualTo(3);
    assertThat(api.get("clinician", "/patients/by-number/" + byId.get("id").asLong()).json())
        .isEqualTo(byId);
    assertThat(api.get("clinician", "/patients/by-number/0").status()).isEqualTo(404);
  }
}
