package io.clinsum.ee.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@code bin/jboss-cli.sh} of one installation and returns its output. */
final class Cli {
  private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

  private final Path wildflyHome;
  private final Path scratchDirectory;

  /**
   * @param scratchDirectory where the output and command files go while the CLI runs
   */
  Cli(Path wildflyHome, Path scratchDirectory) {
    this.wildflyHome = wildflyHome;
    this.scratchDirectory = scratchDirectory;
  }

  /**
   * Runs the CLI with {@code arguments}; kills it (the process it started) after {@code timeout}.
   *
   * @throws LocalServerException on a non-zero exit status or the timeout
   */
  String run(List<String> arguments, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(wildflyHome.resolve("bin/jboss-cli.sh").toString());
    command.addAll(arguments);
    Path output = null;
    try {
      Files.createDirectories(scratchDirectory);
      output = Files.createTempFile(scratchDirectory, "cli-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(wildflyHome.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().remove("JAVA");
      builder.environment().put("JBOSS_HOME", wildflyHome.toString());
      builder.redirectErrorStream(true).redirectOutput(output.toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        ProcessTree.of(process).kill();
        throw new LocalServerException(
            "Timed out after "
                + timeout.toSeconds()
                + " s: "
                + command
                + "\n"
                + Io.tail(output, 40));
      }
      String text = Files.readString(output);
      if (process.exitValue() != 0) {
        throw new LocalServerException(
            "Exit status " + process.exitValue() + " from " + command + "\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalServerException("Interrupted while running " + command, e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          LOG.debug("Could not delete {}", output, e);
        }
      }
    }
  }

  /** Runs {@code commands} against the server on {@code managementPort} (local authentication). */
  String connect(int managementPort, List<String> commands, Duration timeout) {
    try {
      Files.createDirectories(scratchDirectory);
      Path script = Files.createTempFile(scratchDirectory, "commands-", ".cli");
      try {
        Files.write(script, commands);
        return run(
            List.of(
                "--connect",
                "--controller=remote+http://localhost:" + managementPort,
                "--file=" + script),
            timeout);
      } finally {
        Files.deleteIfExists(script);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
