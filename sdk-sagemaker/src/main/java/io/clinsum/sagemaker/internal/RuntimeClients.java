package io.clinsum.sagemaker.internal;

import io.clinsum.core.ConfigurationException;
import io.clinsum.sagemaker.EndpointConfig;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClientBuilder;

/** Builds the runtime client an {@link EndpointConfig} describes. */
public final class RuntimeClients {
  private RuntimeClients() {}

  /** The standard AWS retry strategy (throttling, 5xx, I/O) with the configured bounds. */
  public static RetryStrategy retryStrategy(int maxAttempts, Duration base, Duration max) {
    BackoffStrategy backoff = BackoffStrategy.exponentialDelay(base, max);
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        // The retry quota would silently stop retrying after a burst of failures; the bounds
        // above are the contract.
        .circuitBreakerEnabled(false)
        .build();
  }

  /**
   * @throws ConfigurationException when no region is configured anywhere
   */
  public static SageMakerRuntimeClient create(EndpointConfig config) {
    SageMakerRuntimeClientBuilder b =
        SageMakerRuntimeClient.builder()
            .credentialsProvider(config.credentials())
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    // Above the attempt timeout, so the SDK's timeout is the one that fires.
                    .socketTimeout(config.attemptTimeout().plusSeconds(5)))
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .apiCallTimeout(config.callTimeout())
                    .apiCallAttemptTimeout(config.attemptTimeout())
                    .retryStrategy(
                        retryStrategy(
                            config.maxAttempts(), config.baseDelay(), config.maxBackoff()))
                    .build());
    config.region().ifPresent(b::region);
    config.endpointOverride().ifPresent(b::endpointOverride);
    try {
      return b.build();
    } catch (SdkClientException e) {
      throw new ConfigurationException(
          "Cannot create the SageMaker client: "
              + e.getMessage()
              + " (set the region with the 'region' setting or AWS_REGION)",
          e);
    }
  }
}
