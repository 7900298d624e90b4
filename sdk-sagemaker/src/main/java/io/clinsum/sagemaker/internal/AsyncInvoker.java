package io.clinsum.sagemaker.internal;

import io.clinsum.core.BackendException;
import io.clinsum.core.FailureReason;
import io.clinsum.sagemaker.EndpointConfig;
import io.clinsum.sagemaker.S3Location;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointAsyncResponse;

/**
 * One call to an asynchronous endpoint: the body goes to S3, {@code InvokeEndpointAsync} names it,
 * and the answer (or the failure) appears at the locations SageMaker returns; they are polled until
 * one exists or the timeout passes. The request object is deleted afterwards.
 */
public final class AsyncInvoker implements AutoCloseable {
  private static final int MAX_FAILURE_CHARS = 500;
  private final EndpointConfig config;
  private final SageMakerRuntimeClient runtime;
  private final S3Client s3;
  private final S3Store store;

  public AsyncInvoker(EndpointConfig config, SageMakerRuntimeClient runtime) {
    this.config = config;
    this.runtime = runtime;
    S3ClientBuilder b =
        S3Client.builder()
            .credentialsProvider(config.credentials())
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    config.region().ifPresent(b::region);
    config.endpointOverride().ifPresent(uri -> b.endpointOverride(uri).forcePathStyle(true));
    this.s3 = b.build();
    this.store = new S3Store(s3, null);
  }

  /** The answer's bytes. */
  public byte[] invoke(byte[] body) {
    S3Location input =
        config.asyncInput().orElseThrow().resolve("requests/" + UUID.randomUUID() + ".json");
    store.put(body, input);
    try {
      InvokeEndpointAsyncResponse r =
          runtime.invokeEndpointAsync(
              b ->
                  b.endpointName(config.endpointName())
                      .inputLocation(input.toString())
                      .contentType(config.codec().contentType())
                      .accept(config.codec().accept())
                      .invocationTimeoutSeconds((int) config.asyncTimeout().toSeconds()));
      S3Location output = S3Location.parse(r.outputLocation());
      S3Location failure =
          r.failureLocation() == null ? null : S3Location.parse(r.failureLocation());
      Instant end = Instant.now().plus(config.asyncTimeout());
      while (true) {
        byte[] answer = store.read(output);
        if (answer != null) {
          return answer;
        }
        byte[] failed = failure == null ? null : store.read(failure);
        if (failed != null) {
          String text = new String(failed, StandardCharsets.UTF_8);
          throw new BackendException(
              "sagemaker",
              FailureReason.MODEL_ERROR,
              "The model behind asynchronous endpoint "
                  + config.endpointName()
                  + " failed ("
                  + r.inferenceId()
                  + "): "
                  + (text.length() > MAX_FAILURE_CHARS
                      ? text.substring(0, MAX_FAILURE_CHARS) + "…"
                      : text),
              null);
        }
        if (Instant.now().isAfter(end)) {
          throw new BackendException(
              "sagemaker",
              FailureReason.TIMEOUT,
              "Asynchronous endpoint "
                  + config.endpointName()
                  + " wrote no answer to "
                  + output
                  + " within "
                  + config.asyncTimeout(),
              null);
        }
        try {
          Thread.sleep(config.asyncPoll().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BackendException("sagemaker", FailureReason.UNAVAILABLE, "interrupted", e);
        }
      }
    } finally {
      try {
        s3.deleteObject(b -> b.bucket(input.bucket()).key(input.key()));
      } catch (RuntimeException ignored) {
        // the request object is only a copy of the note; a lifecycle rule catches leftovers
      }
    }
  }

  @Override
  public void close() {
    s3.close();
  }
}
