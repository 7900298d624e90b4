package io.clinsum.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged, shaded {@code clinsum.jar} runs on its own, as the README's first command. */
class ClinSumJarIT {

  private static String run(List<String> args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("clinsum.jar", "target/clinsum.jar"));
    assertThat(jar).as("the shaded jar is built in the package phase").exists();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void jar_summarizeSamples_printsTheTable() throws Exception {
    String output = run(List.of("summarize", "../samples/data", "-q"));

    assertThat(output).contains("chest-pain").contains("chest pain").contains("0 failed");
  }

  @Test
  void jar_backends_listsTheServiceLoadedBackends() throws Exception {
    String output = run(List.of("backends"));

    assertThat(output).contains("extractive (default)").contains("lead").contains("max-words");
    assertThat(Files.exists(Path.of("clinsum-errors.jsonl"))).isFalse();
  }

  @Test
  void jar_serve_answersTheSageMakerContainerContractOverHttp() throws Exception {
    Path jar = Path.of(System.getProperty("clinsum.jar", "target/clinsum.jar"));
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "serve",
                "-b",
                "extractive",
                "--host",
                "127.0.0.1",
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    try {
      java.io.BufferedReader out =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();
        assertThat(line).as("the server's banner").isNotNull();
      } while (!line.startsWith("Serving"));
      assertThat(line).contains("extractive").contains("GET /ping, POST /invocations");
      java.net.URI base =
          java.net.URI.create(line.substring(line.indexOf("http://")).split(":\\s|: ")[0]);
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      assertThat(
              http.send(
                      java.net.http.HttpRequest.newBuilder(base.resolve("ping")).build(),
                      java.net.http.HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
      java.net.http.HttpResponse<String> answer =
          http.send(
              java.net.http.HttpRequest.newBuilder(base.resolve("invocations"))
                  .header("Content-Type", "application/json")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"inputs\": \"Chest pain radiating to the left arm. ECG: ST elevation."
                              + " Troponin raised. Taken for primary PCI.\"}"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body())
          .startsWith("[{\"summary_text\":")
          .containsIgnoringCase("chest pain");
    } finally {
      p.destroy();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
  }
}
