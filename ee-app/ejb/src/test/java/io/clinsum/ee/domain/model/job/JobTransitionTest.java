package io.clinsum.ee.domain.model.job;

import static io.clinsum.ee.domain.model.job.JobStatus.FAILED;
import static io.clinsum.ee.domain.model.job.JobStatus.QUEUED;
import static io.clinsum.ee.domain.model.job.JobStatus.RUNNING;
import static io.clinsum.ee.domain.model.job.JobStatus.STOPPED;
import static io.clinsum.ee.domain.model.job.JobStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobTransitionTest {
  @Test
  void stop_fromQueuedOrRunning_toStopped() {
    JobTransition t = JobTransition.stop();
    assertThat(t.from()).containsExactlyInAnyOrder(QUEUED, RUNNING);
    assertThat(t.to()).isEqualTo(STOPPED);
    assertThat(t.finishes()).isTrue();
  }

  @Test
  void restart_fromFailedOrStopped_toQueuedWithFreshAttempts() {
    JobTransition t = JobTransition.restart();
    assertThat(t.from()).containsExactlyInAnyOrder(FAILED, STOPPED);
    assertThat(t.to()).isEqualTo(QUEUED);
    assertThat(t.finishes()).isFalse();
    assertThat(t.resetsAttemptsFrom(FAILED)).isTrue();
    assertThat(t.resetsAttemptsFrom(STOPPED)).isTrue();
  }

  @Test
  void requeue_runningJob_keepsItsAttempts() {
    JobTransition t = JobTransition.requeue("Execution 7 failed; it will be resumed");
    assertThat(t.from()).containsExactly(RUNNING);
    assertThat(t.to()).isEqualTo(QUEUED);
    assertThat(t.error()).contains("Execution 7");
    assertThat(t.resetsAttemptsFrom(RUNNING)).isFalse();
  }

  @Test
  void giveUp_queuedJob_failsWithTheReason() {
    JobTransition t = JobTransition.giveUp("Gave up after 5 failed attempts");
    assertThat(t.from()).containsExactly(QUEUED);
    assertThat(t.to()).isEqualTo(FAILED);
    assertThat(t.finishes()).isTrue();
  }

  @Test
  void finish_everyFinalStatus_fromRunning() {
    for (JobStatus end : EnumSet.of(SUCCEEDED, FAILED, STOPPED)) {
      JobTransition t = JobTransition.finish(end, null);
      assertThat(t.from()).containsExactly(RUNNING);
      assertThat(t.to()).isEqualTo(end);
    }
    assertThat(JobTransition.succeed().to()).isEqualTo(SUCCEEDED);
    assertThat(JobTransition.fail("x").error()).isEqualTo("x");
  }

  @Test
  void finish_openStatus_refused() {
    assertThatThrownBy(() -> JobTransition.finish(QUEUED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SUCCEEDED, FAILED or STOPPED");
  }

  @Test
  void new_anyIllegalSourceState_refusedBeforeReachingAStore() {
    assertThatThrownBy(() -> JobTransition.of(EnumSet.of(RUNNING, SUCCEEDED), QUEUED, null))
        .isInstanceOf(IllegalJobTransitionException.class)
        .hasMessageContaining("A SUCCEEDED job cannot become QUEUED");
    assertThatThrownBy(() -> JobTransition.of(EnumSet.of(QUEUED), QUEUED, null))
        .isInstanceOf(IllegalJobTransitionException.class);
    assertThatThrownBy(() -> JobTransition.of(EnumSet.of(QUEUED), SUCCEEDED, null))
        .isInstanceOf(IllegalJobTransitionException.class);
  }

  @Test
  void new_noSourceState_refused() {
    assertThatThrownBy(() -> JobTransition.of(Set.of(), QUEUED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("from:");
  }

  @Test
  void appliesTo_statusInFrom_andAnyExecutionWhenNoneNamed() {
    JobTransition t = JobTransition.stop();
    assertThat(t.appliesTo(RUNNING, 7L)).isTrue();
    assertThat(t.appliesTo(QUEUED, null)).isTrue();
    assertThat(t.appliesTo(SUCCEEDED, 7L)).isFalse();
  }

  @Test
  void appliesTo_ofExecution_onlyThatExecution() {
    JobTransition t = JobTransition.succeed().ofExecution(7);
    assertThat(t.executionId()).isEqualTo(7L);
    assertThat(t.appliesTo(RUNNING, 7L)).isTrue();
    assertThat(t.appliesTo(RUNNING, 8L)).as("a later execution").isFalse();
    assertThat(t.appliesTo(RUNNING, null)).as("not launched yet").isFalse();
  }

  @Test
  void from_isCopied_callerCannotChangeIt() {
    Set<JobStatus> from = EnumSet.of(RUNNING);
    JobTransition t = JobTransition.of(from, SUCCEEDED, null);
    from.add(QUEUED);
    assertThat(t.from()).containsExactly(RUNNING);
  }
}
