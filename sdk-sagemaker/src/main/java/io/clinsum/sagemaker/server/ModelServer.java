package io.clinsum.sagemaker.server;

import io.clinsum.core.Summarizer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Serves a ClinSum {@link Summarizer} behind the SageMaker inference container contract: {@code GET
 * /ping} and {@code POST /invocations} with the Hugging Face inference toolkit's JSON, on port 8080
 * by default. The same model then runs as a custom container on SageMaker (where the {@code
 * huggingface} codec of the {@code sagemaker} backend talks to it) or on a hospital's own servers.
 *
 * <pre>{@code
 * try (Summarizer model = Summarizers.open("onnx");
 *     ModelServer server = ModelServer.start(model, new InetSocketAddress(8080))) {
 *   server.awaitStop();
 * }
 * }</pre>
 *
 * <p>Requests: {@code {"inputs": "note" | ["note", ...], "parameters": {"max_length": 60, ...}}}
 * (also {@code min_length}, {@code num_beams}, {@code length_penalty}, {@code
 * no_repeat_ngram_size}, {@code repetition_penalty}, {@code early_stopping}, and ClinSum's {@code
 * instruction}); answers {@code [{"summary_text": "..."}]}, one per input. Bad requests get 400 (or
 * 413, 415) with {@code {"error": "..."}} saying what is wrong; a failing model 500.
 */
public final class ModelServer implements AutoCloseable {
  private final com.sun.net.httpserver.HttpServer server;
  private final ExecutorService executor;
  private final AtomicBoolean stopping;

  private ModelServer(
      com.sun.net.httpserver.HttpServer server, ExecutorService executor, AtomicBoolean stopping) {
    this.server = server;
    this.executor = executor;
    this.stopping = stopping;
  }

  /** Starts serving {@code summarizer} on {@code address}; the caller still owns the summarizer. */
  public static ModelServer start(Summarizer summarizer, InetSocketAddress address) {
    Objects.requireNonNull(summarizer, "summarizer");
    String host = address.getAddress() == null ? "0.0.0.0" : address.getAddress().getHostAddress();
    URI uri = URI.create("http://" + host + ":" + address.getPort() + "/");
    AtomicBoolean stopping = new AtomicBoolean();
    ResourceConfig config =
        new ResourceConfig()
            .register(new InvocationsResource(summarizer, stopping::get))
            .property("jersey.config.server.wadl.disableWadl", true);
    com.sun.net.httpserver.HttpServer server =
        JdkHttpServerFactory.createHttpServer(uri, config, false);
    AtomicInteger n = new AtomicInteger();
    // SageMaker sends requests concurrently; the summarizer batches and bounds its own work.
    ExecutorService executor =
        Executors.newFixedThreadPool(
            Math.max(4, Runtime.getRuntime().availableProcessors() * 2),
            r -> {
              Thread t = new Thread(r, "clinsum-model-server-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new ModelServer(server, executor, stopping);
  }

  /** Where it listens, e.g. {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
  }

  /** Blocks until the JVM is asked to stop (SIGTERM from the container runtime), then stops. */
  public void awaitStop() throws InterruptedException {
    Thread main = Thread.currentThread();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  close();
                  main.interrupt();
                }));
    try {
      Thread.currentThread().join();
    } catch (InterruptedException stopped) {
      // the shutdown hook closed the server
    }
  }

  /** Stops accepting requests, lets those in flight finish for up to 5 s, and stops. */
  @Override
  public void close() {
    stopping.set(true);
    server.stop(5);
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
