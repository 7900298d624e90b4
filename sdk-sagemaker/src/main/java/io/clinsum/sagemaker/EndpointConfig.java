package io.clinsum.sagemaker;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * How to call one SageMaker real-time endpoint: which, with which codec, and within which limits.
 * The defaults honour the service's limits: a model has 60 s to answer, so an attempt times out a
 * little after that; throttling and server errors are retried with exponential backoff and full
 * jitter; a request body stays under the 6 MB cap.
 *
 * <pre>{@code
 * EndpointConfig config = EndpointConfig.builder("clinsum-pegasus")
 *     .region(Region.EU_WEST_1)
 *     .codec(PayloadCodecs.named("huggingface"))
 *     .maxConcurrency(8)
 *     .build();
 * }</pre>
 */
public final class EndpointConfig {
  /** The service's cap on an InvokeEndpoint body is 6 MB; a little is kept for headers. */
  public static final int MAX_REQUEST_BYTES = 6_000_000;

  private final String endpointName;
  private final Region region;
  private final URI endpointOverride;
  private final PayloadCodec codec;
  private final String targetModel;
  private final Duration callTimeout;
  private final Duration attemptTimeout;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxBackoff;
  private final int maxConcurrency;
  private final int maxInputTokens;
  private final int maxRequestBytes;
  private final AwsCredentialsProvider credentials;
  private final S3Location asyncInput;
  private final Duration asyncTimeout;
  private final Duration asyncPoll;

  private EndpointConfig(Builder b) {
    endpointName = b.endpointName;
    region = b.region;
    endpointOverride = b.endpointOverride;
    codec = b.codec;
    targetModel = b.targetModel;
    callTimeout = b.callTimeout;
    attemptTimeout = b.attemptTimeout;
    maxAttempts = b.maxAttempts;
    baseDelay = b.baseDelay;
    maxBackoff = b.maxBackoff;
    maxConcurrency = b.maxConcurrency;
    maxInputTokens = b.maxInputTokens > 0 ? b.maxInputTokens : codec.defaultMaxInputTokens();
    maxRequestBytes = b.maxRequestBytes;
    credentials = b.credentials;
    asyncInput = b.asyncInput;
    asyncTimeout = b.asyncTimeout;
    asyncPoll = b.asyncPoll;
  }

  /** A builder for the endpoint called {@code endpointName}. */
  public static Builder builder(String endpointName) {
    return new Builder(endpointName);
  }

  public String endpointName() {
    return endpointName;
  }

  /** The region, when set; otherwise the SDK's default chain (AWS_REGION, profile, ...). */
  public Optional<Region> region() {
    return Optional.ofNullable(region);
  }

  /** Another endpoint URL (a VPC endpoint, or a local emulator in tests). */
  public Optional<URI> endpointOverride() {
    return Optional.ofNullable(endpointOverride);
  }

  public PayloadCodec codec() {
    return codec;
  }

  /** The model of a multi-model endpoint to invoke, if any. */
  public Optional<String> targetModel() {
    return Optional.ofNullable(targetModel);
  }

  /** The whole call, retries included. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** One attempt. */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /** Attempts per call, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration baseDelay() {
    return baseDelay;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** Calls in flight at once from one summarizer. */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /** The endpoint model's input budget in tokens; longer notes are chunked by sdk-core. */
  public int maxInputTokens() {
    return maxInputTokens;
  }

  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  /**
   * Where request bodies go for an asynchronous endpoint ({@code InvokeEndpointAsync}), if this is
   * one: the model may then take up to {@link #asyncTimeout()} (an hour at most) per note, and a
   * body may be up to 1 GB.
   */
  public Optional<S3Location> asyncInput() {
    return Optional.ofNullable(asyncInput);
  }

  public Duration asyncTimeout() {
    return asyncTimeout;
  }

  /** How often the answer's S3 location is checked. */
  public Duration asyncPoll() {
    return asyncPoll;
  }

  /** Builds an {@link EndpointConfig}; every setter checks its value. */
  public static final class Builder {
    private final String endpointName;
    private Region region;
    private URI endpointOverride;
    private PayloadCodec codec;
    private String targetModel;
    private Duration callTimeout = Duration.ofMinutes(4);
    private Duration attemptTimeout = Duration.ofSeconds(65);
    private int maxAttempts = 4;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(20);
    private int maxConcurrency = 4;
    private int maxInputTokens;
    private int maxRequestBytes = MAX_REQUEST_BYTES;
    private AwsCredentialsProvider credentials;
    private S3Location asyncInput;
    private Duration asyncTimeout = Duration.ofMinutes(15);
    private Duration asyncPoll = Duration.ofSeconds(2);

    private Builder(String endpointName) {
      this.endpointName = Names.check("endpoint", endpointName);
    }

    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    public Builder endpointOverride(URI uri) {
      this.endpointOverride = uri;
      return this;
    }

    public Builder codec(PayloadCodec codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
      return this;
    }

    public Builder targetModel(String targetModel) {
      this.targetModel = targetModel;
      return this;
    }

    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive("call timeout", timeout);
      return this;
    }

    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = positive("attempt timeout", timeout);
      return this;
    }

    public Builder maxAttempts(int attempts) {
      this.maxAttempts = atLeast("max attempts", attempts, 1);
      return this;
    }

    /** Backoff: full jitter over {@code base × 2^attempt}, capped at {@code max}. */
    public Builder backoff(Duration base, Duration max) {
      this.baseDelay = positive("base delay", base);
      this.maxBackoff = positive("max backoff", max);
      return this;
    }

    public Builder maxConcurrency(int calls) {
      this.maxConcurrency = atLeast("max concurrency", calls, 1);
      return this;
    }

    public Builder maxInputTokens(int tokens) {
      this.maxInputTokens = atLeast("max input tokens", tokens, 16);
      return this;
    }

    public Builder maxRequestBytes(int bytes) {
      if (bytes < 1024 || bytes > MAX_REQUEST_BYTES) {
        throw new IllegalArgumentException(
            "max request bytes must be 1024 to " + MAX_REQUEST_BYTES + ", was " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Calls an asynchronous endpoint: bodies go to {@code input} in S3, answers are awaited for up
     * to {@code timeout} (1 s to 1 h), checking every {@code poll}.
     */
    public Builder async(S3Location input, Duration timeout, Duration poll) {
      this.asyncInput = Objects.requireNonNull(input, "input");
      if (timeout.compareTo(Duration.ofSeconds(1)) < 0
          || timeout.compareTo(Duration.ofHours(1)) > 0) {
        throw new IllegalArgumentException(
            "async timeout must be 1 s to 1 h (SageMaker's limit), was " + timeout);
      }
      this.asyncTimeout = timeout;
      this.asyncPoll = positive("async poll", poll);
      return this;
    }

    public EndpointConfig build() {
      if (codec == null) {
        codec = PayloadCodecs.named("huggingface");
      }
      if (credentials == null) {
        credentials = DefaultCredentialsProvider.builder().build();
      }
      return new EndpointConfig(this);
    }

    private static Duration positive(String what, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
      return d;
    }

    private static int atLeast(String what, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(what + " must be at least " + min + ", was " + value);
      }
      return value;
    }
  }
}
