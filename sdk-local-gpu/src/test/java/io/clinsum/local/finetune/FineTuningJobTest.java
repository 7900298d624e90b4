package io.clinsum.local.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.BackendException;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.dataset.DatasetRecord;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job runner with a stand-in recipe that honours the same contract (no PyTorch needed). */
class FineTuningJobTest {
  private static final Path FAKE = Path.of("src/test/resources/finetune").toAbsolutePath();
  @TempDir Path work;

  private static Path python() {
    for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
      Path p = Path.of(dir, "python3");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException("python3 is not on the PATH");
  }

  private FineTuningRequest.Builder request(String mode) {
    return FineTuningRequest.builder()
        .train(
            List.of(
                DatasetRecord.of("1", "Chest pain, ST elevation.", "Chest pain, STEMI, PCI."),
                DatasetRecord.of("2", "Fell at home, hip pain.", "Fall, hip fracture.")))
        .hyperparameter("mode", mode)
        .hyperparameter("epochs", "2")
        .python(python())
        .workDir(work)
        .entryPoint(FAKE, "fake_recipe.py");
  }

  @Test
  void start_recipeSucceeds_writesChannelsParsesMetricsAndReturnsTheModel() {
    List<FineTuningJob.Event> events = new CopyOnWriteArrayList<>();
    try (FineTuningJob job = FineTuningJob.start(request("ok").build(), events::add)) {
      FineTuningJob.Result result = job.await();

      assertThat(job.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
      assertThat(result.modelDir().resolve("config.json")).exists();
      assertThat(result.metrics())
          .containsEntry("rows", 2.0)
          .containsEntry("eval_rougeL", 0.61)
          .containsEntry("epochs", 2.0)
          .containsEntry("first_summary_words", 4.0);
      assertThat(job.history())
          .filteredOn(p -> p.name().equals("train_loss"))
          .extracting(FineTuningJob.MetricPoint::value)
          .containsExactly(2.5, 1.5, 0.75);
      assertThat(job.progress()).isEqualTo(1.0);
      assertThat(events)
          .anyMatch(e -> e.status() == FineTuningJob.Status.SUCCEEDED && e.line() == null);
    }
  }

  @Test
  void start_relativeInterpreterPath_isResolvedAgainstTheCallersFolder() {
    Path relative = Path.of("").toAbsolutePath().relativize(python());
    try (FineTuningJob job = FineTuningJob.start(request("ok").python(relative).build(), e -> {})) {
      assertThat(job.await().metrics()).containsEntry("eval_rougeL", 0.61);
    }
  }

  @Test
  void await_recipeFails_throwsWithTheExitCodeAndTheLogTail() {
    try (FineTuningJob job = FineTuningJob.start(request("fail").build(), e -> {})) {
      assertThatThrownBy(job::await)
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("failed")
          .hasMessageContaining("exit code 3")
          .hasMessageContaining("CUDA out of memory");
      assertThat(job.status()).isEqualTo(FineTuningJob.Status.FAILED);
    }
  }

  @Test
  void cancel_runningJob_stopsTheProcess() throws Exception {
    try (FineTuningJob job = FineTuningJob.start(request("sleep").build(), e -> {})) {
      while (job.progress() == 0) {
        Thread.sleep(20);
      }
      job.cancel();

      assertThatThrownBy(job::await)
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("cancelled");
      assertThat(job.status()).isEqualTo(FineTuningJob.Status.CANCELLED);
    }
  }

  @Test
  void timeout_jobRunsTooLong_isStoppedAndReportsIt() {
    FineTuningRequest r = request("sleep").timeout(Duration.ofMillis(1500)).build();
    try (FineTuningJob job = FineTuningJob.start(r, e -> {})) {
      assertThatThrownBy(job::await)
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("timed_out");
      assertThat(job.status()).isEqualTo(FineTuningJob.Status.TIMED_OUT);
    }
  }

  @Test
  void start_missingInterpreter_saysHowToCreateIt() {
    FineTuningRequest r = request("ok").python(work.resolve("no-python")).build();

    assertThatThrownBy(() -> FineTuningJob.start(r, e -> {}))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("requirements-recipe.txt");
  }

  @Test
  void request_recordWithoutSummary_isRejected() {
    assertThatThrownBy(
            () -> request("ok").train(List.of(DatasetRecord.of("x", "note", null))).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no summary");
  }
}
