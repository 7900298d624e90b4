package io.clinsum.sagemaker.testkit;

import io.clinsum.sagemaker.AwsSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * For tests of programs built on this module (a test-jar class): moto in server mode on loopback:
 * S3 and SageMaker (control plane and runtime) over real HTTP, from the project's Python
 * environment ({@code clinsum.python}, made by scripts/python-env.sh).
 */
public final class MotoServer implements AutoCloseable {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final Process process;
  private final URI uri;

  private MotoServer(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  /** Starts moto; fails with what to do when the Python environment lacks it. */
  public static MotoServer start() throws Exception {
    String python = System.getProperty("clinsum.python");
    if (python == null || !Files.isExecutable(Path.of(python))) {
      throw new IllegalStateException(
          "System property clinsum.python must name the project's Python with moto[server]"
              + " (scripts/python-env.sh makes .venv from python/requirements-test.txt); was "
              + python);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("moto", ".log");
    Process p =
        new ProcessBuilder(
                python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    URI uri = URI.create("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newHttpClient();
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      if (!p.isAlive()) {
        throw new IllegalStateException("moto exited: " + Files.readString(log));
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(uri.resolve("/moto-api/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return new MotoServer(p, uri);
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(200);
    }
    p.destroyForcibly();
    throw new IllegalStateException("moto did not start in 60 s: " + Files.readString(log));
  }

  public URI uri() {
    return uri;
  }

  /** Settings that point every client at this moto, with test credentials, in eu-west-1. */
  public AwsSettings aws() {
    return new AwsSettings(
        Region.EU_WEST_1,
        uri,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
  }

  /** Queues answers for the runtime's InvokeEndpoint (moto returns them in order). */
  public void queueEndpointResults(String... bodies) throws Exception {
    var results = new java.util.ArrayList<java.util.Map<String, String>>();
    for (String body : bodies) {
      results.add(
          java.util.Map.of(
              "Body", body,
              "ContentType", "application/json",
              "InvokedProductionVariant", "AllTraffic",
              "CustomAttributes", ""));
    }
    post(
        "/moto-api/static/sagemaker/endpoint-results",
        JSON.writeValueAsString(java.util.Map.of("results", results, "region", "eu-west-1")));
  }

  /**
   * Queues answers for InvokeEndpointAsync: each is written to S3 as the output (or, when its text
   * starts with {@code FAIL:}, as the failure) of the next call.
   */
  public void queueAsyncResults(String... results) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    var list = new java.util.ArrayList<java.util.Map<String, Object>>();
    for (String r : results) {
      list.add(
          r.startsWith("FAIL:")
              ? java.util.Map.of("is_failure", true, "data", r.substring(5))
              : java.util.Map.of("data", r));
    }
    post(
        "/moto-api/static/sagemaker/async-endpoint-results",
        JSON.writeValueAsString(java.util.Map.of("region", "eu-west-1", "results", list)));
  }

  private void post(String path, String body) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw new IllegalStateException("moto refused " + path + ": " + r.body());
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
