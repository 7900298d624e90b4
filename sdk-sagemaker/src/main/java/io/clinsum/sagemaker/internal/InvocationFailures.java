package io.clinsum.sagemaker.internal;

import io.clinsum.core.BackendException;
import io.clinsum.core.ClinSumException;
import io.clinsum.core.ConfigurationException;
import io.clinsum.sagemaker.PayloadCodec.MalformedResponseException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelErrorException;
import software.amazon.awssdk.services.sagemakerruntime.model.ModelNotReadyException;

/** What went wrong calling an endpoint, as ClinSum's exception types with a useful message. */
public final class InvocationFailures {
  static final String BACKEND = "sagemaker";

  private InvocationFailures() {}

  public static ClinSumException map(RuntimeException e, String endpoint, int maxAttempts) {
    if (e instanceof ClinSumException c) {
      return c;
    }
    if (e instanceof MalformedResponseException m) {
      return new BackendException(
          BACKEND, "Endpoint " + endpoint + ": " + m.getMessage(), false, m);
    }
    if (e instanceof ModelErrorException m) {
      StringBuilder sb =
          new StringBuilder("The model behind endpoint ").append(endpoint).append(" failed");
      if (m.originalStatusCode() != null) {
        sb.append(" (container status ").append(m.originalStatusCode()).append(')');
      }
      sb.append(": ").append(m.originalMessage() != null ? m.originalMessage() : m.getMessage());
      if (m.logStreamArn() != null) {
        sb.append("; its CloudWatch log stream: ").append(m.logStreamArn());
      }
      return new BackendException(BACKEND, sb.toString(), false, m);
    }
    if (e instanceof ModelNotReadyException m) {
      return new BackendException(
          BACKEND, "Endpoint " + endpoint + "'s model is not ready yet: " + detail(m), true, m);
    }
    if (e instanceof ApiCallTimeoutException) {
      return new BackendException(
          BACKEND,
          "Endpoint "
              + endpoint
              + " did not answer within the call timeout ("
              + e.getMessage()
              + ")",
          true,
          e);
    }
    if (e instanceof ApiCallAttemptTimeoutException) {
      return new BackendException(
          BACKEND,
          "Endpoint "
              + endpoint
              + " did not answer within the attempt timeout in "
              + maxAttempts
              + " attempts",
          true,
          e);
    }
    if (e instanceof SdkServiceException s) {
      int status = s.statusCode();
      String code =
          s instanceof AwsServiceException a && a.awsErrorDetails() != null
              ? a.awsErrorDetails().errorCode()
              : null;
      if (status == 404 || (status == 400 && detail(s).contains("not found"))) {
        return new ConfigurationException(
            "Endpoint "
                + endpoint
                + " was not found: "
                + detail(s)
                + " (check its name and region)",
            s);
      }
      if (status == 413) {
        return new BackendException(
            BACKEND,
            "Endpoint " + endpoint + " refused the request as too large (413): " + detail(s),
            false,
            s);
      }
      if (s.isThrottlingException() || status == 429) {
        return new BackendException(
            BACKEND,
            "Endpoint "
                + endpoint
                + " is throttling requests; gave up after "
                + maxAttempts
                + " attempts ("
                + (code == null ? "HTTP " + status : code)
                + ")",
            true,
            s);
      }
      if (status >= 500) {
        return new BackendException(
            BACKEND,
            "Endpoint "
                + endpoint
                + " failed with HTTP "
                + status
                + (code == null ? "" : " " + code)
                + " in "
                + maxAttempts
                + " attempts: "
                + detail(s),
            true,
            s);
      }
      if (status == 401 || status == 403) {
        return new ConfigurationException(
            "Not allowed to invoke endpoint "
                + endpoint
                + ": "
                + detail(s)
                + " (the credentials need sagemaker:InvokeEndpoint on it)",
            s);
      }
      return new BackendException(
          BACKEND, "Endpoint " + endpoint + " refused the request: " + detail(s), false, s);
    }
    if (e instanceof SdkClientException c
        && c.getMessage() != null
        && c.getMessage().contains("credentials")) {
      return new ConfigurationException(
          "No AWS credentials for the sagemaker backend: " + c.getMessage(), c);
    }
    if (e instanceof SdkException s) {
      return new BackendException(
          BACKEND, "Cannot reach endpoint " + endpoint + ": " + s.getMessage(), true, s);
    }
    return new BackendException(
        BACKEND, e.getClass().getSimpleName() + ": " + e.getMessage(), false, e);
  }

  private static String detail(SdkServiceException s) {
    return s instanceof AwsServiceException a
            && a.awsErrorDetails() != null
            && a.awsErrorDetails().errorMessage() != null
        ? a.awsErrorDetails().errorMessage()
        : String.valueOf(s.getMessage());
  }
}
