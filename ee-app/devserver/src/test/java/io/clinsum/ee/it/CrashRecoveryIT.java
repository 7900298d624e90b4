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
