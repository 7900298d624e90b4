package io.clinsum.sagemaker.internal;

import io.clinsum.core.BackendException;
import io.clinsum.core.ClinSumException;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.ServiceResponse;
import io.clinsum.sagemaker.PayloadCodec.MalformedResponseException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;

/**
 * What went wrong calling an endpoint, as ClinSum's exception types: one table from the AWS SDK's
 * failures to a {@link FailureReason} and a message that says what to do. The first row that
 * matches wins; every exception carries the HTTP status, attempts and request id the SDK reported.
 */
public final class InvocationFailures {
  /** The backend name every mapped failure carries. */
  public static final String BACKEND = "sagemaker";

  /** One row of the table: which failures, what kind, and how to say it. */
  private record Row(
      Predicate<RuntimeException> matches,
      FailureReason reason,
      boolean configuration,
      Function<Failure, String> message) {}

  /** A failure being mapped, with the endpoint and retry bound it happened under. */
  private record Failure(RuntimeException error, String endpoint, int maxAttempts) {
    int status() {
      return error instanceof SdkServiceException s ? s.statusCode() : 0;
    }

    String detail() {
      return error instanceof AwsServiceException a
              && a.awsErrorDetails() != null
              && a.awsErrorDetails().errorMessage() != null
          ? a.awsErrorDetails().errorMessage()
          : String.valueOf(error.getMessage());
    }

    String code() {
      return error instanceof AwsServiceException a && a.awsErrorDetails() != null
          ? a.awsErrorDetails().errorCode()
          : null;
    }
  }

  private static final List<Row> TABLE =
      List.of(
          new Row(
              e -> e instanceof MalformedResponseException,
              FailureReason.MODEL_ERROR,
              false,
              f -> "Endpoint " + f.endpoint() + ": " + f.error().getMessage()),
          new Row(
              e -> e instanceof ModelErrorException,
              FailureReason.MODEL_ERROR,
              false,
              InvocationFailures::modelError),
          new Row(
              e -> e instanceof ModelNotReadyException,
              FailureReason.UNAVAILABLE,
              false,
              f -> "Endpoint " + f.endpoint() + "'s model is not ready yet: " + f.detail()),
          new Row(
              e -> e instanceof ApiCallTimeoutException,
              FailureReason.TIMEOUT,
              false,
              f ->
                  "Endpoint "
                      + f.endpoint()
                      + " did not answer within the call timeout ("
                      + f.error().getMessage()
                      + ")"),
          new Row(
              e -> e instanceof ApiCallAttemptTimeoutException,
              FailureReason.TIMEOUT,
              false,
              f ->
                  "Endpoint "
                      + f.endpoint()
                      + " did not answer within the attempt timeout in "
                      + f.maxAttempts()
                      + " attempts"),
          new Row(
              e ->
                  e instanceof SdkServiceException s
                      && (s.statusCode() == 404
                          || (s.statusCode() == 400
                              && new Failure(e, "", 0).detail().contains("not found"))),
              FailureReason.NOT_FOUND,
              true,
              f ->
                  "Endpoint "
                      + f.endpoint()
                      + " was not found: "
                      + f.detail()
                      + " (check its name and region)"),
          new Row(
              e -> e instanceof SdkServiceException s && s.statusCode() == 413,
              FailureReason.PAYLOAD_TOO_LARGE,
              false,
              f ->
                  "Endpoint "
                      + f.endpoint()
                      + " refused the request as too large (413): "
                      + f.detail()
                      + "; lower max-input-tokens so that notes are chunked into smaller parts"),
          new Row(
              e ->
                  e instanceof SdkServiceException s
                      && (s.isThrottlingException() || s.statusCode() == 429),
              FailureReason.THROTTLED,
              false,
              f ->
                  "Endpoint "
                      + f.endpoint()
                      + " is throttling requests; gave up after "
                      + f.maxAttempts()
                      + " attempts ("
                      + (f.code() == null ? "HTTP " + f.status() : f.code())
                      + ")"),
          new Row(
              e -> e instanceof SdkServiceException s && s.statusCode() >= 500,
              FailureReason.UNAVAILABLE,
              false,
              f ->
                  "Endpoint "
                      + f.endpoint()
                      + " failed with HTTP "
                      + f.status()
                      + (f.code() == null ? "" : " " + f.code())
                      + " in "
                      + f.maxAttempts()
                      + " attempts: "
                      + f.detail()),
          new Row(
              e ->
                  e instanceof SdkServiceException s
                      && (s.statusCode() == 401 || s.statusCode() == 403),
              FailureReason.ACCESS_DENIED,
              true,
              f ->
                  "Not allowed to invoke endpoint "
                      + f.endpoint()
                      + ": "
                      + f.detail()
                      + " (the credentials need sagemaker:InvokeEndpoint on it)"),
          new Row(
              e -> e instanceof SdkServiceException,
              FailureReason.BAD_INPUT,
              false,
              f -> "Endpoint " + f.endpoint() + " refused the request: " + f.detail()),
          new Row(
              e ->
                  e instanceof SdkClientException
                      && e.getMessage() != null
                      && e.getMessage().contains("credentials"),
              FailureReason.ACCESS_DENIED,
              true,
              f -> "No AWS credentials for the sagemaker backend: " + f.error().getMessage()),
          new Row(
              e -> e instanceof SdkException,
              FailureReason.UNAVAILABLE,
              false,
              f -> "Cannot reach endpoint " + f.endpoint() + ": " + f.error().getMessage()),
          new Row(
              e -> true,
              FailureReason.INTERNAL,
              false,
              f -> f.error().getClass().getSimpleName() + ": " + f.error().getMessage()));

  private InvocationFailures() {}

  /**
   * The ClinSum exception for a failed call to {@code endpoint}; a {@link ClinSumException} is
   * returned as it is.
   */
  public static ClinSumException map(RuntimeException e, String endpoint, int maxAttempts) {
    if (e instanceof ClinSumException c) {
      return c;
    }
    Failure f = new Failure(e, endpoint, maxAttempts);
    Row row = TABLE.stream().filter(r -> r.matches().test(e)).findFirst().orElseThrow();
    ServiceResponse response = response(e);
    String message = row.message().apply(f);
    return row.configuration()
        ? new ConfigurationException(row.reason(), message, response, e)
        : new BackendException(BACKEND, row.reason(), message, response, e);
  }

  private static String modelError(Failure f) {
    ModelErrorException m = (ModelErrorException) f.error();
    StringBuilder sb =
        new StringBuilder("The model behind endpoint ").append(f.endpoint()).append(" failed");
    if (m.originalStatusCode() != null) {
      sb.append(" (container status ").append(m.originalStatusCode()).append(')');
    }
    sb.append(": ").append(m.originalMessage() != null ? m.originalMessage() : m.getMessage());
    if (m.logStreamArn() != null) {
      sb.append("; its CloudWatch log stream: ").append(m.logStreamArn());
    }
    return sb.toString();
  }

  private static ServiceResponse response(RuntimeException e) {
    if (!(e instanceof SdkException s)) {
      return null;
    }
    int status = e instanceof SdkServiceException service ? service.statusCode() : 0;
    String requestId = e instanceof SdkServiceException service ? service.requestId() : null;
    Integer attempts = s.numAttempts();
    return new ServiceResponse(
        Math.max(0, status), attempts == null ? 0 : Math.max(0, attempts), requestId);
  }
}
