package io.clinsum.sagemaker;

import io.clinsum.core.spi.BackendOption;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.core.spi.SummarizationBackend;
import io.clinsum.core.spi.SummarizerProvider;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.regions.Region;

/**
 * Provider of the {@code sagemaker} backend. Needs {@code endpoint}; AWS credentials and region
 * come from the SDK's default chains (environment, profile, instance role) unless set here.
 */
public final class SageMakerSummarizerProvider implements SummarizerProvider {
  public static final BackendOption<String> ENDPOINT =
      new BackendOption<>("endpoint", String.class, null, "Name of the SageMaker endpoint.");
  public static final BackendOption<String> REGION =
      new BackendOption<>(
          "region", String.class, null, "AWS region, e.g. eu-west-1 (default: AWS_REGION).");
  public static final BackendOption<String> CODEC =
      new BackendOption<>(
          "codec",
          String.class,
          "huggingface",
          "Payload format: huggingface, jumpstart-flan-t5, ai21, cohere, or a custom codec.");
  public static final BackendOption<String> ENDPOINT_URL =
      new BackendOption<>(
          "endpoint-url",
          String.class,
          null,
          "Another runtime URL (a VPC endpoint; a local emulator in tests).");
  public static final BackendOption<String> TARGET_MODEL =
      new BackendOption<>(
          "target-model", String.class, null, "Model of a multi-model endpoint to invoke.");
  public static final BackendOption<Integer> MAX_INPUT_TOKENS =
      new BackendOption<>(
          "max-input-tokens",
          Integer.class,
          0,
          "The model's input budget; longer notes are chunked (0: the codec's default).");
  public static final BackendOption<Integer> MAX_CONCURRENCY =
      new BackendOption<>("max-concurrency", Integer.class, 4, "Calls in flight at once.");
  public static final BackendOption<Integer> MAX_ATTEMPTS =
      new BackendOption<>(
          "max-attempts",
          Integer.class,
          4,
          "Attempts per call on throttling, 5xx and timeouts, the first included.");
  public static final BackendOption<Duration> ATTEMPT_TIMEOUT =
      new BackendOption<>(
          "attempt-timeout",
          Duration.class,
          Duration.ofSeconds(65),
          "Time for one attempt (SageMaker gives a model 60 s).");
  public static final BackendOption<Duration> CALL_TIMEOUT =
      new BackendOption<>(
          "call-timeout",
          Duration.class,
          Duration.ofMinutes(4),
          "Time for a call, retries included.");
  public static final BackendOption<Duration> BASE_DELAY =
      new BackendOption<>(
          "base-delay",
          Duration.class,
          Duration.ofMillis(200),
          "First backoff; doubles per attempt, with full jitter.");
  public static final BackendOption<String> ASYNC_INPUT =
      new BackendOption<>(
          "async-input",
          String.class,
          null,
          "s3://bucket/prefix/ for request bodies: calls an asynchronous endpoint (InvokeEndpointAsync).");
  public static final BackendOption<Duration> ASYNC_TIMEOUT =
      new BackendOption<>(
          "async-timeout",
          Duration.class,
          Duration.ofMinutes(15),
          "How long an asynchronous endpoint may take per note (at most 1 h).");
  public static final BackendOption<Duration> MAX_BACKOFF =
      new BackendOption<>(
          "max-backoff", Duration.class, Duration.ofSeconds(20), "Longest wait between attempts.");

  @Override
  public String name() {
    return "sagemaker";
  }

  @Override
  public String description() {
    return "A model on an Amazon SageMaker real-time endpoint (InvokeEndpoint).";
  }

  @Override
  public List<BackendOption<?>> options() {
    return List.of(
        ENDPOINT,
        REGION,
        CODEC,
        ENDPOINT_URL,
        TARGET_MODEL,
        MAX_INPUT_TOKENS,
        MAX_CONCURRENCY,
        MAX_ATTEMPTS,
        ATTEMPT_TIMEOUT,
        CALL_TIMEOUT,
        BASE_DELAY,
        MAX_BACKOFF,
        ASYNC_INPUT,
        ASYNC_TIMEOUT);
  }

  @Override
  public Availability availability(BackendSettings settings) {
    String endpoint = settings.get(ENDPOINT);
    if (endpoint == null || endpoint.isBlank()) {
      return Availability.no("no endpoint: set 'endpoint' to the SageMaker endpoint's name");
    }
    return Availability.yes("endpoint " + endpoint + " (" + settings.get(CODEC) + ")");
  }

  /** Ranks below local backends: it costs money and sends notes to the cloud. */
  @Override
  public int priority() {
    return 1;
  }

  @Override
  public SummarizationBackend create(BackendSettings settings) {
    return new SageMakerBackend(config(settings));
  }

  /** The endpoint configuration {@code settings} describe. */
  public static EndpointConfig config(BackendSettings settings) {
    String endpoint = settings.get(ENDPOINT);
    if (endpoint == null || endpoint.isBlank()) {
      throw new io.clinsum.core.ConfigurationException(
          "The sagemaker backend needs 'endpoint', the name of a SageMaker endpoint");
    }
    EndpointConfig.Builder b =
        EndpointConfig.builder(endpoint.trim())
            .codec(PayloadCodecs.named(settings.get(CODEC)))
            .maxConcurrency(settings.get(MAX_CONCURRENCY))
            .maxAttempts(settings.get(MAX_ATTEMPTS))
            .attemptTimeout(settings.get(ATTEMPT_TIMEOUT))
            .callTimeout(settings.get(CALL_TIMEOUT))
            .backoff(settings.get(BASE_DELAY), settings.get(MAX_BACKOFF));
    if (settings.get(REGION) != null) {
      b.region(Region.of(settings.get(REGION)));
    }
    if (settings.get(ENDPOINT_URL) != null) {
      b.endpointOverride(URI.create(settings.get(ENDPOINT_URL)));
    }
    if (settings.get(TARGET_MODEL) != null) {
      b.targetModel(settings.get(TARGET_MODEL));
    }
    if (settings.get(ASYNC_INPUT) != null) {
      b.async(
          S3Location.parse(settings.get(ASYNC_INPUT)),
          settings.get(ASYNC_TIMEOUT),
          java.time.Duration.ofSeconds(2));
    }
    if (settings.get(MAX_INPUT_TOKENS) > 0) {
      b.maxInputTokens(settings.get(MAX_INPUT_TOKENS));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new io.clinsum.core.ConfigurationException("sagemaker settings: " + e.getMessage(), e);
    }
  }
}
