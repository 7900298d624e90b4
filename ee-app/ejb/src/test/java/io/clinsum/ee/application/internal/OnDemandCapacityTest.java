package io.clinsum.ee.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.UnavailableException;
import org.junit.jupiter.api.Test;

/** The on-demand work queue stays bounded and never holds a note twice. */
class OnDemandCapacityTest {
  @Test
  void queue_dedupesByNote_refusesBeyondCapacity_andFreesOnDone() {
    JobSupervisor supervisor = new JobSupervisor();
    assertThat(supervisor.queueOnDemand(1)).isTrue();
    assertThat(supervisor.queueOnDemand(1)).as("already being made").isFalse();
    for (long id = 2; id <= JobSupervisor.ON_DEMAND_CAPACITY; id++) {
      assertThat(supervisor.queueOnDemand(id)).isTrue();
    }
    assertThatThrownBy(() -> supervisor.queueOnDemand(100_000))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("256 summaries are already being made on demand")
        .hasMessageContaining("?wait=true");
    supervisor.onDemandDone(7);
    assertThat(supervisor.queueOnDemand(100_000)).isTrue();
  }
}
