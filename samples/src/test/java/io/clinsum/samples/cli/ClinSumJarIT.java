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
}
