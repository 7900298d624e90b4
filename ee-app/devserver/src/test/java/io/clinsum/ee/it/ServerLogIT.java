package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.ee.devserver.LocalServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Note text never reaches the server's logs, whatever happens to the note. */
@ExtendWith(ClinSumServerExtension.class)
class ServerLogIT {
  @Test
  void noteTextThroughEveryPath_neverInServerLog(LocalServer server) throws Exception {
    Api api = new Api(server);
    String marker = "PHIMARKER" + Long.toString(System.nanoTime(), 36);
    String text = "Patient " + marker + " reports chest pain. ECG normal. Discharged home.";
    String patient = Api.unique("P");

    long id =
        api.postJson(
                "clinician", "/notes", Map.of("patientId", patient, "noteType", "x", "text", text))
            .json()
            .get("id")
            .asLong();
    api.get("reviewer", "/notes/" + id);
    Jobs.summarizeNow(api, id);
    // Failures that carry the text: duplicate, malformed JSON, wrong types, bad import rows.
    api.postJson(
        "clinician", "/notes", Map.of("patientId", patient, "noteType", "x", "text", text));
    api.postJson("clinician", "/notes", "{\"patientId\":\"" + marker + "\",\"text\":");
    api.postJson(
        "clinician",
        "/notes",
        "{\"patientId\":1,\"noteType\":\"x\",\"text\":{\"a\":\"" + marker + "\"}}");
    api.post(
        "clinician",
        "/notes/import",
        "text/csv",
        ("patient_id,note_type,note\n,x,\"" + text + "\"\n" + patient + ",x,\"" + marker + "\n")
            .getBytes(StandardCharsets.UTF_8));
    api.postJson("reviewer", "/summaries/999999/edit", Map.of("text", marker), "If-Match", "\"0\"");

    String log = Files.readString(server.serverLogFile(), StandardCharsets.UTF_8);
    String console = Files.readString(server.consoleLogFile(), StandardCharsets.UTF_8);
    assertThat(log).contains("Deployed \"clinsum.ear\"").doesNotContain(marker);
    assertThat(console).doesNotContain(marker);
  }
}
