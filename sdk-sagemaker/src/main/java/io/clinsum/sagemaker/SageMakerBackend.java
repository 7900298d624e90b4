package io.clinsum.sagemaker;

import io.clinsum.core.BackendException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.SummarizerInfo;
import io.clinsum.core.spi.Generation;
import io.clinsum.core.spi.Prompt;
import io.clinsum.core.spi.SummarizationBackend;
import io.clinsum.core.text.TokenCounter;
import io.clinsum.sagemaker.internal.AsyncInvoker;
import io.clinsum.sagemaker.internal.InvocationFailures;
import io.clinsum.sagemaker.internal.RuntimeClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;

/**
 * Summarizes through a SageMaker real-time endpoint ({@code InvokeEndpoint}), with the {@link
 * PayloadCodec} of the endpoint's container. Notes longer than the endpoint model's input budget
 * are chunked by sdk-core; the calls of one batch run {@link EndpointConfig#maxConcurrency()} at a
 * time; throttling, server errors and timeouts are retried within the configured bounds, then fail
 * with a {@link io.clinsum.core.BackendException} that says what happened (the container's message
 * and CloudWatch log stream when the model itself failed). With {@link
 * EndpointConfig#asyncInput()}, it calls an asynchronous endpoint instead ({@code
 * InvokeEndpointAsync}, bodies and answers in S3), for models that need more than 60 s a note.
 *
 * <pre>{@code
 * EndpointConfig endpoint = EndpointConfig.builder("clinsum-pegasus").build();
 * try (Summarizer s = Summarizers.of(new SageMakerBackend(endpoint))) {
 *   System.out.println(s.summarize(SummarizationRequest.of(note)).text());
 * }
 * }</pre>
 */
public final class SageMakerBackend implements SummarizationBackend {
  private static final TokenCounter COUNTER = TokenCounter.approximate();
  private static final GenerationOptions DEFAULTS =
      GenerationOptions.builder().maxLength(128).minLength(8).numBeams(4).build();
  private final EndpointConfig config;
  private final SummarizerInfo info;
  private final SageMakerRuntimeClient client;
  private final ExecutorService calls;
  private final AsyncInvoker async;

  /** A backend with its own runtime client, closed with it. */
  public SageMakerBackend(EndpointConfig config) {
    this(config, RuntimeClients.create(config));
  }

  private SageMakerBackend(EndpointConfig config, SageMakerRuntimeClient client) {
    this.info =
        new SummarizerInfo(
            "sagemaker",
            config.endpointName(),
            config.targetModel().orElse(config.codec().name()),
            config.maxInputTokens());
    this.config = config;
    this.client = client;
    this.async = config.asyncInput().isPresent() ? new AsyncInvoker(config, client) : null;
    AtomicInteger n = new AtomicInteger();
    this.calls =
        Executors.newFixedThreadPool(
            config.maxConcurrency(),
            r -> {
              Thread t = new Thread(r, "clinsum-sagemaker-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The configuration this backend calls its endpoint with. */
  public EndpointConfig config() {
    return config;
  }

  @Override
  public SummarizerInfo info() {
    return info;
  }

  @Override
  public GenerationOptions defaultOptions() {
    return DEFAULTS;
  }

  @Override
  public TokenCounter tokenCounter() {
    return COUNTER;
  }

  @Override
  public List<Generation> generate(List<Prompt> prompts) {
    if (prompts.size() == 1) {
      return List.of(invoke(prompts.get(0)));
    }
    List<Future<Generation>> futures = new ArrayList<>(prompts.size());
    for (Prompt p : prompts) {
      futures.add(calls.submit(() -> invoke(p)));
    }
    List<Generation> out = new ArrayList<>(prompts.size());
    try {
      for (Future<Generation> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures.forEach(f -> f.cancel(true));
      throw new BackendException("sagemaker", FailureReason.UNAVAILABLE, "interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new BackendException(
          "sagemaker", FailureReason.INTERNAL, String.valueOf(e.getCause()), e.getCause());
    }
  }

  private Generation invoke(Prompt prompt) {
    byte[] body = config.codec().encode(prompt);
    if (async == null && body.length > config.maxRequestBytes()) {
      throw new BackendException(
          InvocationFailures.BACKEND,
          FailureReason.PAYLOAD_TOO_LARGE,
          "the note makes a request of "
              + body.length
              + " bytes, over the endpoint's limit of "
              + config.maxRequestBytes()
              + "; lower max-input-tokens so that notes are chunked into smaller parts",
          null);
    }
    try {
      String text = config.codec().decode(async != null ? async.invoke(body) : invokeNow(body));
      return new Generation(text, COUNTER.count(prompt.text()), COUNTER.count(text));
    } catch (RuntimeException e) {
      throw InvocationFailures.map(e, config.endpointName(), config.maxAttempts());
    }
  }

  /** The answer of a real-time {@code InvokeEndpoint}. */
  private byte[] invokeNow(byte[] body) {
    InvokeEndpointRequest.Builder request =
        InvokeEndpointRequest.builder()
            .endpointName(config.endpointName())
            .contentType(config.codec().contentType())
            .accept(config.codec().accept())
            .body(SdkBytes.fromByteArrayUnsafe(body));
    config.targetModel().ifPresent(request::targetModel);
    return client.invokeEndpoint(request.build()).body().asByteArrayUnsafe();
  }

  @Override
  public void close() {
    calls.shutdownNow();
    client.close();
    if (async != null) {
      async.close();
    }
  }
}
