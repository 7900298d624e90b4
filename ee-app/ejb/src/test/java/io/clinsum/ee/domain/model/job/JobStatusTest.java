package io.clinsum.ee.domain.model.job;

import static io.clinsum.ee.domain.model.job.JobStatus.FAILED;
import static io.clinsum.ee.domain.model.job.JobStatus.QUEUED;
import static io.clinsum.ee.domain.model.job.JobStatus.RUNNING;
import static io.clinsum.ee.domain.model.job.JobStatus.STOPPED;
import static io.clinsum.ee.domain.model.job.JobStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The job lifecycle, pair by pair: every legal and every illegal change. */
class JobStatusTest {
  /** The lifecycle as the supervisor, the batch runtime, imports and admins use it. */
  private static final Map<JobStatus, Set<JobStatus>> LEGAL =
      Map.of(
          QUEUED, EnumSet.of(RUNNING, STOPPED, FAILED),
          RUNNING, EnumSet.of(SUCCEEDED, FAILED, STOPPED, QUEUED),
          FAILED, EnumSet.of(QUEUED),
          STOPPED, EnumSet.of(QUEUED),
          SUCCEEDED, EnumSet.noneOf(JobStatus.class));

  @Test
  void canBecome_everyPair_matchesTheLifecycle() {
    for (JobStatus from : JobStatus.values()) {
      for (JobStatus to : JobStatus.values()) {
        assertThat(from.canBecome(to))
            .as(from + " → " + to)
            .isEqualTo(LEGAL.get(from).contains(to));
      }
    }
  }

  @Test
  void requireCanBecome_everyIllegalPair_throwsNamingBothStates() {
    int illegal = 0;
    for (JobStatus from : JobStatus.values()) {
      for (JobStatus to : JobStatus.values()) {
        if (LEGAL.get(from).contains(to)) {
          from.requireCanBecome(to); // does not throw
          continue;
        }
        illegal++;
        assertThatThrownBy(() -> from.requireCanBecome(to))
            .as(from + " → " + to)
            .isInstanceOfSatisfying(
                IllegalJobTransitionException.class,
                e -> {
                  assertThat(e.from()).isEqualTo(from);
                  assertThat(e.to()).isEqualTo(to);
                })
            .hasMessageContaining("A " + from + " job cannot become " + to);
      }
    }
    assertThat(illegal).isEqualTo(25 - 9);
  }

  @Test
  void requireCanBecome_succeededJob_saysItHasEndedForGood() {
    assertThatThrownBy(() -> SUCCEEDED.requireCanBecome(QUEUED))
        .hasMessageContaining("it has ended for good");
  }

  @Test
  void requireCanBecome_failedJobToRunning_listsWhatIsAllowed() {
    assertThatThrownBy(() -> FAILED.requireCanBecome(RUNNING))
        .hasMessageContaining("it can become only [QUEUED]");
  }

  @Test
  void isFinal_onlyEndedStatuses() {
    assertThat(EnumSet.allOf(JobStatus.class).stream().filter(JobStatus::isFinal))
        .containsExactlyInAnyOrder(SUCCEEDED, FAILED, STOPPED);
  }

  @Test
  void isInitial_onlyQueuedAndRunning() {
    assertThat(EnumSet.allOf(JobStatus.class).stream().filter(JobStatus::isInitial))
        .containsExactlyInAnyOrder(QUEUED, RUNNING);
  }

  @Test
  void next_isACopy_changingItChangesNothing() {
    QUEUED.next().clear();
    assertThat(QUEUED.canBecome(RUNNING)).isTrue();
  }
}
