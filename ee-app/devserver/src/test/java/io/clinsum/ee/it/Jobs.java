package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Helpers for tests that run summarization jobs. */
final class Jobs {
  private Jobs() {}

  /** Starts a summarization job, first waiting for any other one to end. */
  static long start(Api api, int chunkSize) {
    awaitNoOpenJob(api);
    Api.Reply r =
        api.post(
            "admin", "/jobs/summarize?chunkSize=" + chunkSize, "application/json", new byte[0]);
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    return r.json().get("id").asLong();
  }

  static void awaitNoOpenJob(Api api) {
    awaitTrue(
        () ->
            api.get("admin", "/jobs?kind=SUMMARIZE&status=RUNNING").json().get("total").asLong()
                    == 0
                && api.get("admin", "/jobs?kind=SUMMARIZE&status=QUEUED")
                        .json()
                        .get("total")
                        .asLong()
                    == 0,
        Duration.ofMinutes(3),
        "no summarization job running");
  }

  /** Polls the job until {@code done} holds; fails with the last state after {@code limit}. */
  static JsonNode await(Api api, long jobId, Predicate<JsonNode> done, Duration limit) {
    Instant end = Instant.now().plus(limit);
    JsonNode last = null;
    while (Instant.now().isBefore(end)) {
      try {
        Api.Reply r = api.get("admin", "/jobs/" + jobId);
        if (r.status() == 200) {
          last = r.json();
          if (done.test(last)) {
            return last;
          }
        }
      } catch (RuntimeException serverAway) {
        // the server is restarting; keep polling
      }
      sleep(100);
    }
    throw new AssertionError("Job " + jobId + " did not reach the state in " + limit + ": " + last);
  }

  static JsonNode awaitStatus(Api api, long jobId, String status) {
    return await(api, jobId, j -> j.get("status").asText().equals(status), Duration.ofMinutes(3));
  }

  static void awaitTrue(java.util.function.BooleanSupplier condition, Duration limit, String what) {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException retry) {
        // not yet reachable
      }
      sleep(200);
    }
    throw new AssertionError("Timed out waiting for: " + what);
  }

  /** Asks for note {@code noteId}'s summary (made in the background) and waits for it. */
  static JsonNode summarizeNow(Api api, long noteId) {
    Api.Reply asked =
        api.post("clinician", "/notes/" + noteId + "/summary", "application/json", new byte[0]);
    assertThat(asked.status()).as(asked.toString()).isIn(200, 202);
    awaitTrue(
        () -> api.get("clinician", "/notes/" + noteId + "/summary").status() == 200,
        Duration.ofSeconds(60),
        "the summary of note " + noteId);
    return api.get("clinician", "/notes/" + noteId + "/summary").json();
  }

  /** Notes without exactly one summary: must be zero after a finished job. */
  static long notesWithoutExactlyOneSummary(LocalServer server) throws Exception {
    return scalar(
        server,
        "SELECT count(*) FROM note n WHERE (SELECT count(*) FROM summary s WHERE s.note_id = n.id) <> 1");
  }

  static long scalar(LocalServer server, String sql) throws Exception {
    try (Connection c = server.openJdbcConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
