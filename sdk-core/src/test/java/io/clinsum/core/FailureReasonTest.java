package io.clinsum.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.dataset.DatasetFormatException;
import io.clinsum.core.dataset.DatasetIssue;
import org.junit.jupiter.api.Test;

/** Every ClinSum exception says what kind of failure it is, and retriability follows from it. */
class FailureReasonTest {

  @Test
  void exceptionTypes_carryTheirReason() {
    assertThat(new InvalidRequestException("text", "is empty").reason())
        .isEqualTo(FailureReason.BAD_INPUT);
    assertThat(new ConfigurationException("no backend").reason())
        .isEqualTo(FailureReason.CONFIGURATION);
    assertThat(new SummarizerClosedException("onnx").reason()).isEqualTo(FailureReason.CLOSED);
    assertThat(new io.clinsum.core.embedding.EmbedderClosedException("minilm").reason())
        .isEqualTo(FailureReason.CLOSED);
    assertThat(new BackendException("onnx", "bug").reason()).isEqualTo(FailureReason.INTERNAL);
    assertThat(new ClinSumException("bug").reason()).isEqualTo(FailureReason.INTERNAL);
    assertThat(
            new DatasetFormatException(
                    "a.csv",
                    new DatasetIssue(
                        DatasetIssue.Kind.EMPTY_SUMMARY, 3, 4, 120, "summary", "is empty"))
                .reason())
        .isEqualTo(FailureReason.BAD_INPUT);
  }

  @Test
  void isRetriable_followsTheReason() {
    for (FailureReason reason : FailureReason.values()) {
      BackendException e = new BackendException("b", reason, "m", null);
      assertThat(e.isRetriable()).as(reason.name()).isEqualTo(reason.isRetriable());
    }
    assertThat(FailureReason.THROTTLED.isRetriable()).isTrue();
    assertThat(FailureReason.TIMEOUT.isRetriable()).isTrue();
    assertThat(FailureReason.UNAVAILABLE.isRetriable()).isTrue();
    assertThat(FailureReason.BAD_INPUT.isRetriable()).isFalse();
    assertThat(FailureReason.ACCESS_DENIED.isRetriable()).isFalse();
  }

  @Test
  void serviceResponse_isExposedThroughTheException() {
    BackendException e =
        new BackendException(
            "sagemaker",
            FailureReason.THROTTLED,
            "slow down",
            new ServiceResponse(429, 4, "req-1"),
            null);

    assertThat(e.httpStatus()).hasValue(429);
    assertThat(e.attempts()).hasValue(4);
    assertThat(e.requestId()).contains("req-1");
    assertThat(e.getMessage()).isEqualTo("sagemaker: slow down");
  }

  @Test
  void noServiceResponse_leavesItsPartsEmpty() {
    BackendException e = new BackendException("onnx", FailureReason.MODEL_ERROR, "m", null);

    assertThat(e.httpStatus()).isEmpty();
    assertThat(e.attempts()).isEmpty();
    assertThat(e.requestId()).isEmpty();
    assertThat(e.serviceResponse()).isEmpty();
  }

  @Test
  void serviceResponse_unknownPartsAreEmpty_negativeIsRefused() {
    ServiceResponse none = new ServiceResponse(0, 0, " ");
    assertThat(none.status()).isEmpty();
    assertThat(none.requestIdIfAny()).isEmpty();
    assertThatThrownBy(() -> new ServiceResponse(-1, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
