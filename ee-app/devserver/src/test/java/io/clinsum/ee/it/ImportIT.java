package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bulk import of CSV and JSON Lines through the REST API. */
@ExtendWith(ClinSumServerExtension.class)
class ImportIT {
  private static final String HEADER =
      "patient_id,note_id,note_type,author_role,recorded_at,note\n";

  @Test
  void importCsv_modeValid_storesGoodRowsAndReportsBadOnesByRowAndField(LocalServer server)
      throws Exception {
    Api api = new Api(server);
    String p = Api.unique("P");
    String csv =
        HEADER
            + Api.csvLine(p, "n1", "discharge", "physician", "2024-01-02", "Good note one.")
            + Api.csvLine("", "n2", "discharge", "physician", "", "No patient.")
            + Api.csvLine(p, "n3", "discharge", "physician", "yesterday", "Bad date.")
            + Api.csvLine(p, "n4", "progress", "nurse", "", "=cmd|' /C calc'!A0 kept verbatim");

    Api.Reply r = api.postCsv("clinician", "/notes/import?format=csv&mode=valid", csv);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    JsonNode report = r.json();
    assertThat(report.get("rows").asLong()).isEqualTo(4);
    assertThat(report.get("inserted").asLong()).isEqualTo(2);
    assertThat(report.get("rejected").asLong()).isEqualTo(2);
    assertThat(report.get("committed").asBoolean()).isTrue();
    assertThat(report.get("errors").findValuesAsText("field"))
        .containsExactly("patient_id", "recorded_at");
    assertThat(report.get("errors").findValuesAsText("row")).containsExactly("2", "3");
    assertThat(notesOf(server, p)).isEqualTo(2);

    long jobId = report.get("jobId").asLong();
    Api.Reply job = api.get("clinician", "/jobs/" + jobId);
    assertThat(job.json().get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(job.json().get("progress").asDouble()).isEqualTo(1.0);
    assertThat(api.get("clinician", "/jobs/" + jobId + "/errors").json().get("total").asLong())
        .isEqualTo(2);
  }

  @Test
  void importCsv_bundledSampleFile_everyRowAccepted(LocalServer server) throws Exception {
    byte[] sample =
        java.nio.file.Files.readAllBytes(
            java.nio.file.Path.of("../../samples/data/ward-notes.csv"));

    Api.Reply r = new Api(server).post("clinician", "/notes/import", "text/csv", sample);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("rejected").asLong()).as(r.toString()).isZero();
    assertThat(r.json().get("inserted").asLong() + r.json().get("duplicates").asLong())
        .isEqualTo(25);
  }

  @Test
  void importCsv_modeAll_oneBadRowStoresNothing(LocalServer server) throws Exception {
    Api api = new Api(server);
    String p = Api.unique("P");
    String csv =
        HEADER
            + Api.csvLine(p, "a", "discharge", "", "", "Fine.")
            + Api.csvLine(p, "b", "", "", "", "No type.");

    Api.Reply r = api.postCsv("clinician", "/notes/import?format=csv&mode=all", csv);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("committed").asBoolean()).isFalse();
    assertThat(r.json().get("inserted").asLong()).isZero();
    assertThat(notesOf(server, p)).isZero();
  }

  @Test
  void importCsv_twice_secondTimeAllDuplicates(LocalServer server) throws Exception {
    Api api = new Api(server);
    String p = Api.unique("P");
    String csv =
        HEADER
            + Api.csvLine(p, "", "nursing", "", "", "Ambulating.")
            + Api.csvLine(p, "", "nursing", "", "", "Tolerating diet.");

    api.postCsv("clinician", "/notes/import", csv);
    Api.Reply again = api.postCsv("clinician", "/notes/import", csv);

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("inserted").asLong()).isZero();
    assertThat(again.json().get("duplicates").asLong()).isEqualTo(2);
    assertThat(notesOf(server, p)).isEqualTo(2);
  }

  @Test
  void importCsv_invalidUtf8_reportsByteOffsetAndKeepsOtherRows(LocalServer server)
      throws Exception {
    Api api = new Api(server);
    String p = Api.unique("P");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        (HEADER + Api.csvLine(p, "", "x", "", "", "First.")).getBytes(StandardCharsets.UTF_8));
    int offset = body.size() + ("\"" + p + "\",\"\",\"x\",\"\",\"\",\"").length();
    body.writeBytes(("\"" + p + "\",\"\",\"x\",\"\",\"\",\"").getBytes(StandardCharsets.UTF_8));
    body.write(0xC3);
    body.write(0x28); // not a continuation byte
    body.writeBytes("\"\n".getBytes(StandardCharsets.UTF_8));
    body.writeBytes(Api.csvLine(p, "", "x", "", "", "Third.").getBytes(StandardCharsets.UTF_8));

    Api.Reply r = api.post("clinician", "/notes/import", "text/csv", body.toByteArray());

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("inserted").asLong()).isEqualTo(2);
    assertThat(r.json().get("errors").get(0).get("location").asText())
        .contains("row 2")
        .contains("byte " + offset);
  }

  @Test
  void importCsv_unclosedQuote_nothingStoredAndLinePointed(LocalServer server) throws Exception {
    Api api = new Api(server);
    String p = Api.unique("P");
    String csv = HEADER + Api.csvLine(p, "", "x", "", "", "Fine.") + p + ",,x,,,\"never closed\n";

    Api.Reply r = api.postCsv("clinician", "/notes/import", csv);

    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("errors").get(0).get("location").asText()).contains("line 3");
    assertThat(notesOf(server, p)).isZero();
  }

  @Test
  void importJsonLines_brokenLine_othersStored(LocalServer server) throws Exception {
    Api api = new Api(server);
    String p = Api.unique("P");
    String jsonl =
        "{\"patient_id\":\""
            + p
            + "\",\"note_type\":\"x\",\"note\":\"One.\"}\n"
            + "{\"patient_id\": \n"
            + "{\"patient_id\":\""
            + p
            + "\",\"note_type\":\"x\",\"note\":\"Three.\"}\n";

    Api.Reply r =
        api.post(
            "clinician",
            "/notes/import?format=jsonl",
            "application/x-ndjson",
            jsonl.getBytes(StandardCharsets.UTF_8));

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().get("inserted").asLong()).isEqualTo(2);
    assertThat(r.json().get("rejected").asLong()).isEqualTo(1);
    assertThat(notesOf(server, p)).isEqualTo(2);
  }

  @Test
  void importCsv_badParameters_problemNamesParameter(LocalServer server) {
    Api api = new Api(server);

    Api.Reply format = api.postCsv("clinician", "/notes/import?format=xml", HEADER);
    Api.Reply mode = api.postCsv("clinician", "/notes/import?mode=some", HEADER);

    assertThat(format.status()).isEqualTo(400);
    assertThat(format.json().get("errors").get(0).get("field").asText()).isEqualTo("format");
    assertThat(mode.json().get("errors").get(0).get("field").asText()).isEqualTo("mode");
  }

  static long notesOf(LocalServer server, String patient) throws Exception {
    try (Connection c = server.openJdbcConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM note n JOIN patient p ON p.id = n.patient_id"
                    + " WHERE p.external_id = ?")) {
      ps.setString(1, patient);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
