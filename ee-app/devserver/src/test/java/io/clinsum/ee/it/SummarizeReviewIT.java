package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Notes → summaries (batch job and on demand) → review → export, through the REST API. */
@ExtendWith(ClinSumServerExtension.class)
class SummarizeReviewIT {
  private static final String NOTE =
      "CHIEF COMPLAINT: Chest pain for two hours. HISTORY: 58-year-old man with hypertension."
          + " ECG showed ST elevation in V2-V4. ASSESSMENT: Anterior STEMI. PLAN: Emergent"
          + " catheterization; aspirin and heparin given.";

  private static long importNotes(Api api, String patient, int n) {
    StringBuilder csv = new StringBuilder("patient_id,note_type,note\n");
    for (int i = 0; i < n; i++) {
      csv.append(Api.csvLine(patient, "discharge", NOTE + " Visit " + i + "."));
    }
    Api.Reply r = api.postCsv("clinician", "/notes/import", csv.toString());
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().get("inserted").asLong();
  }

  @Test
  void onDemandWithWait_returnsTheSummaryInTheResponse_onceOnly(LocalServer server) {
    Api api = new Api(server);
    String patient = Api.unique("W");
    assertThat(importNotes(api, patient, 1)).isEqualTo(1);
    long noteId =
        api.get("clinician", "/notes?patientId=" + patient)
            .json()
            .get("items")
            .get(0)
            .get("id")
            .asLong();
    Api.Reply made =
        api.post(
            "clinician",
            "/notes/" + noteId + "/summary?wait=true",
            "application/json",
            new byte[0]);
    assertThat(made.status()).as(made.toString()).isEqualTo(200);
    assertThat(made.json().get("text").asText()).containsIgnoringCase("chest pain");
    assertThat(made.json().get("backend").asText()).isEqualTo("extractive");
    assertThat(made.json().has("noteText")).isFalse();
    Api.Reply again =
        api.post(
            "clinician",
            "/notes/" + noteId + "/summary?wait=true",
            "application/json",
            new byte[0]);
    assertThat(again.json().get("id").asLong()).isEqualTo(made.json().get("id").asLong());
    assertThat(
            api.post(
                    "clinician",
                    "/notes/987654321/summary?wait=true",
                    "application/json",
                    new byte[0])
                .status())
        .isEqualTo(404);
  }

  @Test
  void batchJob_summarizesEveryPendingNoteOnce_thenReviewAndExport(LocalServer server)
      throws Exception {
    Api api = new Api(server);
    String patient = Api.unique("P");
    assertThat(importNotes(api, patient, 40)).isEqualTo(40);

    long jobId = Jobs.start(api, 8);
    JsonNode job = Jobs.awaitStatus(api, jobId, "SUCCEEDED");

    assertThat(job.get("progress").asDouble()).isEqualTo(1.0);
    assertThat(job.get("failed").asLong()).isZero();
    assertThat(Jobs.notesWithoutExactlyOneSummary(server)).isZero();

    JsonNode queue =
        api.get("reviewer", "/summaries?state=GENERATED&patientId=" + patient + "&size=100").json();
    assertThat(queue.get("total").asLong()).isEqualTo(40);
    JsonNode first = queue.get("items").get(0);
    assertThat(first.get("backend").asText()).isEqualTo("extractive");
    assertThat(first.has("noteText")).isFalse();
    List<Long> ids = queue.get("items").findValues("id").stream().map(JsonNode::asLong).toList();

    // Approve: read (ETag), then approve with If-Match.
    Api.Reply read = api.get("reviewer", "/summaries/" + ids.get(0));
    assertThat(read.json().get("noteText").asText()).startsWith("CHIEF COMPLAINT");
    assertThat(read.header("ETag")).isEqualTo("\"0\"");
    Api.Reply approved =
        api.postJson(
            "reviewer",
            "/summaries/" + ids.get(0) + "/approve",
            Map.of("comment", "ok"),
            "If-Match",
            read.header("ETag"));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().get("state").asText()).isEqualTo("APPROVED");
    assertThat(approved.json().get("reviewer").asText()).isEqualTo("reviewer");

    // Edit, then a second reviewer with the stale version is refused and nothing is lost.
    String second = Api.unique("rev2").toLowerCase();
    api.postJson(
        "admin",
        "/users",
        Map.of("username", second, "password", "second-pass", "roles", List.of("reviewer")));
    Api.knowUser(second, "second-pass");
    long editedId = ids.get(1);
    Api.Reply edited =
        api.postJson(
            "reviewer",
            "/summaries/" + editedId + "/edit",
            Map.of("text", "Anterior STEMI; emergent cath.", "comment", "shorter"),
            "If-Match",
            "\"0\"");
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    Api.Reply stale =
        api.postJson(
            second,
            "/summaries/" + editedId + "/reject",
            Map.of("reason", "wrong"),
            "If-Match",
            "\"0\"");
    assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
    assertThat(stale.header("ETag")).isEqualTo("\"1\"");
    assertThat(api.get(second, "/summaries/" + editedId).json().get("text").asText())
        .isEqualTo("Anterior STEMI; emergent cath.");

    // Reject needs a reason and If-Match.
    assertThat(
            api.postJson(
                    "reviewer",
                    "/summaries/" + ids.get(2) + "/reject",
                    Map.of("reason", " "),
                    "If-Match",
                    "\"0\"")
                .status())
        .isEqualTo(400);
    assertThat(
            api.postJson("reviewer", "/summaries/" + ids.get(2) + "/reject", Map.of("reason", "x"))
                .status())
        .isEqualTo(428);
    assertThat(
            api.postJson(
                    "reviewer",
                    "/summaries/" + ids.get(2) + "/reject",
                    Map.of("reason", "misses the PCI"),
                    "If-Match",
                    "\"0\"")
                .json()
                .get("state")
                .asText())
        .isEqualTo("REJECTED");

    // Two reviewers approving the same version at the same moment: one wins, one gets 412.
    long raced = ids.get(3);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<Integer> statuses = new java.util.ArrayList<>();
      java.util.concurrent.Callable<Api.Reply> mine =
          () ->
              api.postJson(
                  "reviewer", "/summaries/" + raced + "/approve", Map.of(), "If-Match", "\"0\"");
      java.util.concurrent.Callable<Api.Reply> other =
          () ->
              api.postJson(
                  second, "/summaries/" + raced + "/approve", Map.of(), "If-Match", "\"0\"");
      for (java.util.concurrent.Future<Api.Reply> f : pool.invokeAll(List.of(mine, other))) {
        statuses.add(f.get().status());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 412);
    } finally {
      pool.shutdown();
    }
    assertThat(api.get("reviewer", "/summaries/" + raced + "/history").json()).hasSize(2);

    JsonNode history = api.get("reviewer", "/summaries/" + editedId + "/history").json();
    assertThat(history.findValuesAsText("state")).containsExactly("GENERATED", "EDITED");
    assertThat(history.get(1).get("actor").asText()).isEqualTo("reviewer");

    Api.Reply export = api.get("admin", "/exports/fine-tuning.csv");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith("text/csv");
    assertThat(export.body())
        .startsWith("note,summary\n")
        .contains("Anterior STEMI; emergent cath.");
    assertThat(export.body().lines().filter(l -> l.contains("misses the PCI"))).isEmpty();
  }

  @Test
  void export_formulaInNote_neutralisedInTheCsv(LocalServer server) {
    Api api = new Api(server);
    String formula = "=HYPERLINK(\"http://evil.example/\",\"x\") Chest pain, ECG normal.";
    long noteId =
        api.postJson(
                "clinician",
                "/notes",
                Map.of("patientId", Api.unique("F"), "noteType", "progress", "text", formula))
            .json()
            .get("id")
            .asLong();
    long summaryId = Jobs.summarizeNow(api, noteId).get("id").asLong();
    assertThat(
            api.postJson(
                    "reviewer",
                    "/summaries/" + summaryId + "/approve",
                    Map.of(),
                    "If-Match",
                    "\"0\"")
                .status())
        .isEqualTo(200);

    String csv = api.get("admin", "/exports/fine-tuning.csv").body();

    assertThat(csv)
        .contains("\"'=HYPERLINK(")
        .doesNotContain(",\"=HYPERLINK(")
        .doesNotContain("\n=HYPERLINK(");
  }

  @Test
  void onDemand_oneNote_summaryAppears(LocalServer server) {
    Api api = new Api(server);
    Api.Reply note =
        api.postJson(
            "clinician",
            "/notes",
            Map.of("patientId", Api.unique("P"), "noteType", "discharge", "text", NOTE));
    long id = note.json().get("id").asLong();

    JsonNode summary = Jobs.summarizeNow(api, id);
    assertThat(summary.get("state").asText()).isEqualTo("GENERATED");
    assertThat(summary.get("text").asText()).isNotBlank();
    Api.Reply again =
        api.post("clinician", "/notes/" + id + "/summary", "application/json", new byte[0]);
    assertThat(again.status()).isEqualTo(200);
  }
}
