package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A summarization job survives the server being killed (SIGKILL) and the database being stopped
 * mid-run: after restarts it finishes on its own, with no note lost and none summarized twice.
 */
@ExtendWith(ClinSumServerExtension.class)
class CrashRecoveryIT {
  private static final int NOTES = 3000;

  private static void importNotes(Api api, String patient) {
    StringBuilder csv = new StringBuilder("patient_id,note_type,note\n");
    for (int i = 0; i < NOTES; i++) {
      csv.append(
          Api.csvLine(
              patient,
              "progress",
              "Day "
                  + i
                  + ". Patient reports less pain. Vitals stable, afebrile. Wound clean and dry."
                  + " Continue antibiotics; mobilise with physiotherapy. Plan discharge tomorrow."));
    }
    Api.Reply r = api.postCsv("clinician", "/notes/import", csv.toString());
    assertThat(r.json().get("inserted").asLong()).isEqualTo(NOTES);
  }

  @Test
  void serverKilledMidJob_jobResumesAfterRestart_noLostNoDuplicate(LocalServer server)
      throws Exception {
    Api api = new Api(server);
    importNotes(api, Api.unique("P"));
    long jobId = Jobs.start(api, 2);
    Jobs.await(api, jobId, j -> j.get("processed").asLong() > 0, Duration.ofMinutes(2));

    server.killServer();
    long doneAtKill = Jobs.scalar(server, "SELECT processed FROM job WHERE id = " + jobId);
    server.startServer();

    JsonNode job = Jobs.awaitStatus(api, jobId, "SUCCEEDED");
    assertThat(doneAtKill).as("killed mid-run").isLessThan(job.get("processed").asLong());
    assertThat(job.get("launches").asInt())
        .as("the API shows the interruption")
        .isGreaterThanOrEqualTo(2);
    assertThat(Jobs.notesWithoutExactlyOneSummary(server)).isZero();
    assertThat(job.get("succeeded").asLong()).isEqualTo(job.get("processed").asLong());
  }

  @Test
  void serverKilledMidImport_nothingHalfStored_jobSaysSo_resendStoresEachNoteOnce(
      LocalServer server) throws Exception {
    Api api = new Api(server);
    String prefix = Api.unique("K");
    int rows = 150_000;
    StringBuilder csv = new StringBuilder(rows * 200).append("patient_id,note_type,note\n");
    for (int i = 0; i < rows; i++) {
      csv.append(
          Api.csvLine(
              prefix + "-" + (i / 10),
              "progress",
              "Visit " + i + ". Chest pain settled overnight; observations stable; plan review."));
    }
    String file = csv.toString();
    java.util.concurrent.CompletableFuture<Void> upload =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              try {
                api.postCsv("clinician", "/notes/import", file);
              } catch (RuntimeException cutOff) {
                // the server dies under it
              }
            });
    long[] jobId = new long[1];
    Jobs.awaitTrue(
        () -> {
          JsonNode running =
              api.get("admin", "/jobs?kind=IMPORT&status=RUNNING").json().get("items");
          for (JsonNode j : running) {
            if (j.get("processed").asLong() > 0) {
              jobId[0] = j.get("id").asLong();
              return true;
            }
          }
          return false;
        },
        Duration.ofMinutes(2),
        "the import to be under way");
    server.killServer();
    upload.get(2, java.util.concurrent.TimeUnit.MINUTES);
    server.startServer();

    JsonNode job = Jobs.awaitStatus(api, jobId[0], "FAILED");
    assertThat(job.get("error").asText())
        .contains(
            "Interrupted: the server stopped during this import, so nothing from it was stored")
        .contains("Send the file again");
    String count =
        "SELECT count(*) FROM note n JOIN patient p ON p.id = n.patient_id WHERE p.external_id LIKE '"
            + prefix
            + "-%'";
    assertThat(Jobs.scalar(server, count)).as("nothing half-written").isZero();

    Api.Reply again = api.postCsv("clinician", "/notes/import", file);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().get("inserted").asLong()).isEqualTo(rows);
    assertThat(Jobs.scalar(server, count)).isEqualTo(rows);
    assertThat(
            Jobs.scalar(
                server,
                "SELECT count(*) FROM (SELECT n.patient_id, md5(n.text) FROM note n JOIN patient p ON"
                    + " p.id = n.patient_id WHERE p.external_id LIKE '"
                    + prefix
                    + "-%' GROUP BY 1, 2 HAVING count(*) > 1) d"))
        .as("no duplicates")
        .isZero();
  }

  @Test
  void databaseStoppedMidJob_jobResumesWhenItReturns_noLostNoDuplicate(LocalServer server)
      throws Exception {
    Api api = new Api(server);
    importNotes(api, Api.unique("P"));
    long jobId = Jobs.start(api, 2);
    Jobs.await(api, jobId, j -> j.get("processed").asLong() > 0, Duration.ofMinutes(2));

    server.stopDatabase();
    Jobs.sleep(3000);
    server.startDatabase();

    JsonNode job = Jobs.awaitStatus(api, jobId, "SUCCEEDED");
    assertThat(Jobs.notesWithoutExactlyOneSummary(server)).isZero();
    assertThat(job.get("succeeded").asLong()).isEqualTo(job.get("processed").asLong());
  }
}
