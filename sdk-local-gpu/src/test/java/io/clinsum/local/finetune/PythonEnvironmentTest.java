package io.clinsum.local.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real virtual environments from the machine's python3; pip never reaches a registry here. */
class PythonEnvironmentTest {
  private static final List<String> OFFLINE = List.of("--no-index");
  private static final Duration LIMIT = Duration.ofMinutes(3);

  @Test
  void ensure_emptyRequirements_createsOnceThenReuses(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("env");
    List<String> log = new ArrayList<>();

    Path python = PythonEnvironment.ensure(dir, "# nothing\n", "python3", OFFLINE, LIMIT, log::add);

    assertThat(python).isExecutable();
    assertThat(log).anyMatch(l -> l.startsWith("Creating the Python environment"));
    FileTime made = Files.getLastModifiedTime(python.getParent());
    log.clear();

    Path again = PythonEnvironment.ensure(dir, "# nothing\n", "python3", OFFLINE, LIMIT, log::add);

    assertThat(again).isEqualTo(python);
    assertThat(log).isEmpty();
    assertThat(Files.getLastModifiedTime(python.getParent())).isEqualTo(made);
  }

  @Test
  void ensure_requirementsChanged_recreates(@TempDir Path tmp) {
    Path dir = tmp.resolve("env");
    PythonEnvironment.ensure(dir, "# v1\n", "python3", OFFLINE, LIMIT, l -> {});
    List<String> log = new ArrayList<>();

    PythonEnvironment.ensure(dir, "# v2\n", "python3", OFFLINE, LIMIT, log::add);

    assertThat(log).anyMatch(l -> l.startsWith("Creating the Python environment"));
  }

  @Test
  void ensure_unavailablePackage_failsWithPipsOwnWordsAndLeavesNoStamp(@TempDir Path tmp) {
    Path dir = tmp.resolve("env");

    assertThatThrownBy(
            () ->
                PythonEnvironment.ensure(
                    dir, "no-such-package-clinsum==0.0.1\n", "python3", OFFLINE, LIMIT, l -> {}))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("pip install")
        .hasMessageContaining("no-such-package-clinsum");
    assertThat(dir.resolve(".clinsum-requirements.sha256")).doesNotExist();
  }

  @Test
  void ensure_missingBaseInterpreter_saysWhich(@TempDir Path tmp) {
    assertThatThrownBy(
            () ->
                PythonEnvironment.ensure(
                    tmp.resolve("env"), "", "/nonexistent/python9", OFFLINE, LIMIT, l -> {}))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("/nonexistent/python9");
  }
}
