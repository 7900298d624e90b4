package io.clinsum.ee.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.note.PendingNote;
import io.clinsum.ee.domain.model.summary.Summary;
import io.clinsum.ee.testing.InMemoryJobStore.Row;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A chunk of the batch job: summaries, their first history entry and the job's counters. */
class SummaryProducerTest {
  private final TestApp app = new TestApp();

  @AfterEach
  void close() {
    app.close();
  }

  private PendingNote pending(String patient, String text) {
    var n = app.notes.add(patient, text);
    return new PendingNote(n.getId(), n.getText());
  }

  @Test
  void produce_forAJob_storedWithJobIdAndCounted() {
    long jobId =
        app.jobs.add(
            JobKind.SUMMARIZE,
            JobStatus.RUNNING,
            r -> {
              r.runner = "x";
              r.attempts = 3;
            });
    List<PendingNote> chunk =
        List.of(
            pending("P-1", "Chest pain since morning. ECG normal."),
            pending("P-2", "Cough for three days. No fever."));

    SummaryProducer.Produced p = app.producer.produce(chunk, jobId, "job-" + jobId);

    assertThat(p.stored()).isEqualTo(2);
    assertThat(p.failed()).isZero();
    assertThat(app.summaries.all()).extracting(Summary::getJobId).containsOnly(jobId);
    assertThat(app.summaries.history(app.summaries.all().get(0).getId()).get(0).getActor())
        .isEqualTo("job-" + jobId);
    Row row = app.jobs.row(jobId);
    assertThat(row.processed).isEqualTo(2);
    assertThat(row.succeeded).isEqualTo(2);
    assertThat(row.attempts).as("stored something: failures in a row start over").isEqualTo(1);
  }

  @Test
  void produce_chunkAlreadySummarized_nothingStoredTwiceButCountedAsProcessed() {
    long jobId = app.jobs.add(JobKind.SUMMARIZE, JobStatus.RUNNING, r -> r.runner = "x");
    List<PendingNote> chunk = List.of(pending("P-1", "Chest pain. ECG normal."));
    app.producer.produce(chunk, jobId, "job");

    SummaryProducer.Produced again = app.producer.produce(chunk, jobId, "job");

    assertThat(again.stored()).isZero();
    assertThat(app.summaries.all()).hasSize(1);
    assertThat(app.jobs.row(jobId).processed).isEqualTo(2);
    assertThat(app.jobs.row(jobId).succeeded).isEqualTo(1);
  }

  @Test
  void produce_onDemand_noJobCounters() {
    app.producer.produce(List.of(pending("P-1", "Chest pain. ECG normal.")), null, "carl");
    assertThat(app.summaries.all())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getJobId()).isNull();
              assertThat(s.getOptions()).isNotBlank();
              assertThat(s.getModelId()).isNotBlank();
            });
  }
}
