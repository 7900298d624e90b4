package io.clinsum.local.finetune;

import io.clinsum.core.ConfigurationException;
import io.clinsum.local.EmbeddedModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A Python virtual environment made from pinned requirements, created once and reused: the
 * interpreter that runs the training recipe on this machine. The folder is stamped with the hash of
 * its requirements; a different list (a new ClinSum version) makes a fresh environment, and a
 * half-made one (an interrupted install) is never reused.
 *
 * <pre>{@code
 * Path python = PythonEnvironment.forRecipe(line -> System.err.println(line));
 * FineTuningRequest request = FineTuningRequest.builder().python(python)...build();
 * }</pre>
 */
public final class PythonEnvironment {
  /** System property naming the interpreter that creates environments (default {@code python3}). */
  public static final String BASE_PYTHON_PROPERTY = "clinsum.python.base";

  private static final String STAMP = ".clinsum-requirements.sha256";
  private static final String RECIPE_REQUIREMENTS = "/io/clinsum/local/recipe/requirements.txt";

  private PythonEnvironment() {}

  /**
   * The environment of the shipped training recipe (PyTorch, transformers, Optimum; several GB the
   * first time), in the ClinSum cache folder.
   *
   * @param log receives pip's output line by line
   * @return the environment's interpreter
   */
  public static Path forRecipe(Consumer<String> log) {
    String requirements;
    try (InputStream in = PythonEnvironment.class.getResourceAsStream(RECIPE_REQUIREMENTS)) {
      if (in == null) {
        throw new ConfigurationException("The recipe's requirements.txt is missing from the jar");
      }
      requirements = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path dir =
        EmbeddedModel.cacheDir()
            .resolve("python")
            .resolve("recipe-" + hash(requirements).substring(0, 12));
    return ensure(dir, requirements, basePython(), List.of(), Duration.ofHours(2), log);
  }

  /**
   * Makes sure {@code dir} holds a virtual environment with {@code requirements} installed.
   *
   * @param basePython the interpreter that creates the environment ({@code python3})
   * @param pipOptions extra options for {@code pip install} (such as {@code --no-index})
   * @param timeout for the whole installation
   * @return the environment's interpreter
   * @throws ConfigurationException when Python or pip fails; the message has pip's last lines
   */
  public static Path ensure(
      Path dir,
      String requirements,
      String basePython,
      List<String> pipOptions,
      Duration timeout,
      Consumer<String> log) {
    Path python = dir.resolve("bin").resolve("python");
    String want = hash(requirements);
    Path stamp = dir.resolve(STAMP);
    try {
      if (Files.isExecutable(python)
          && Files.exists(stamp)
          && Files.readString(stamp).trim().equals(want)) {
        return python;
      }
      deleteTree(dir);
      Files.createDirectories(dir.getParent());
      log.accept("Creating the Python environment " + dir + " (once)");
      run(List.of(basePython, "-m", "venv", dir.toString()), timeout, log);
      Path file = dir.resolve("requirements.txt");
      Files.writeString(file, requirements);
      List<String> pip =
          new ArrayList<>(
              List.of(
                  python.toString(),
                  "-m",
                  "pip",
                  "install",
                  "--disable-pip-version-check",
                  "--progress-bar",
                  "off"));
      pip.addAll(pipOptions);
      pip.addAll(List.of("-r", file.toString()));
      run(pip, timeout, log);
      Files.writeString(stamp, want + "\n"); // last: only a finished environment is stamped
      return python;
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot create the Python environment " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void run(List<String> command, Duration timeout, Consumer<String> log)
      throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    Deque<String> tail = new ArrayDeque<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  log.accept(line);
                  synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 20) {
                      tail.removeFirst();
                    }
                  }
                }
              } catch (IOException e) {
                log.accept("(output lost: " + e.getMessage() + ")");
              }
            },
            "python-env-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new ConfigurationException(
            "'" + String.join(" ", command.subList(0, 3)) + "' ran past " + timeout);
      }
      reader.join(5000);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ConfigurationException("Interrupted while creating the Python environment", e);
    }
    if (p.exitValue() != 0) {
      String last;
      synchronized (tail) {
        last = String.join("\n", tail);
      }
      throw new ConfigurationException(
          "'"
              + String.join(" ", command.subList(0, Math.min(4, command.size())))
              + "' failed (exit "
              + p.exitValue()
              + "):\n"
              + last);
    }
  }

  static String basePython() {
    String configured = System.getProperty(BASE_PYTHON_PROPERTY);
    return configured == null || configured.isBlank() ? "python3" : configured;
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
