package io.clinsum.ee.infrastructure.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.ee.application.port.JobExecutionEvents.Outcome;
import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.Test;

/** The batch runtime's end states, as the supervisor hears them. */
class SummarizeJobListenerTest {
  @Test
  void outcome_everyBatchStatus_mapped() {
    assertThat(SummarizeJobListener.outcome(BatchStatus.COMPLETED)).isEqualTo(Outcome.COMPLETED);
    assertThat(SummarizeJobListener.outcome(BatchStatus.STOPPED)).isEqualTo(Outcome.STOPPED);
    assertThat(SummarizeJobListener.outcome(BatchStatus.STOPPING)).isEqualTo(Outcome.STOPPED);
    assertThat(SummarizeJobListener.outcome(BatchStatus.FAILED)).isEqualTo(Outcome.FAILED);
    assertThat(SummarizeJobListener.outcome(BatchStatus.ABANDONED)).isEqualTo(Outcome.FAILED);
  }
}
