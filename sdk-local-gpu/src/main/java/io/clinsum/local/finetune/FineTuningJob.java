package io.clinsum.local.finetune;

import io.clinsum.core.BackendException;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.dataset.DatasetWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fine-tuning job running as a local process: the training recipe under the SageMaker {@code
 * SM_*} contract. Its output is followed line by line; lines of the form {@code name=number} become
 * metrics ({@code progress=} the progress), everything is kept in a bounded log tail.
 *
 * <pre>{@code
 * try (FineTuningJob job = FineTuningJob.start(request, event -> System.out.println(event))) {
 *   FineTuningJob.Result result = job.await();
 *   System.out.println(result.modelDir() + " " + result.metrics());
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} cancels a job that is still running.
 */
public final class FineTuningJob implements AutoCloseable {
  /** Where a job stands. */
  public enum Status {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    TIMED_OUT
  }

  /**
   * Something that happened in a job, for progress bars and live views.
   *
   * @param line the output line, or {@code null} for a status change
   * @param metric the metric it carried, or {@code null}
   * @param value the metric's value (NaN without a metric)
   * @param status the job's status after the event
   */
  public record Event(String line, String metric, double value, Status status) {}

  /**
   * A finished job.
   *
   * @param modelDir the trained model ({@code SM_MODEL_DIR})
   * @param outputDir the recipe's output folder ({@code SM_OUTPUT_DATA_DIR}), with metrics.json
   * @param metrics the last value of every metric
   */
  public record Result(Path modelDir, Path outputDir, Map<String, Double> metrics) {}

  /** One metric value in order of arrival. */
  public record MetricPoint(String name, double value) {}

  private static final Pattern METRIC =
      Pattern.compile("^([A-Za-z_][A-Za-z0-9_./-]*)=(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)$");
  private static final int TAIL_LINES = 200;
  private static final String[] RECIPE = {"train.py", "export_onnx.py", "requirements.txt"};

  private final Process process;
  private final Path modelDir;
  private final Path outputDir;
  private final Consumer<Event> listener;
  private final Deque<String> tail = new ArrayDeque<>();
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private final List<MetricPoint> history = new ArrayList<>();
  private final CompletableFuture<Result> done = new CompletableFuture<>();
  private volatile Status status = Status.RUNNING;
  private volatile double progress;

  private FineTuningJob(Process process, Path modelDir, Path outputDir, Consumer<Event> listener) {
    this.process = process;
    this.modelDir = modelDir;
    this.outputDir = outputDir;
    this.listener = listener;
  }

  /**
   * Writes the channels, starts the recipe and returns at once.
   *
   * @param listener receives every output line and status change, on the job's reader thread
   * @throws ConfigurationException when the interpreter is missing or the folder is unwritable
   */
  public static FineTuningJob start(FineTuningRequest request, Consumer<Event> listener) {
    if (!Files.isExecutable(request.python())) {
      throw new ConfigurationException(
          "Python interpreter "
              + request.python()
              + " not found;"
              + " create it with: python3 -m venv .venv-ml && .venv-ml/bin/pip install -r"
              + " python/requirements-recipe.txt");
    }
    Path work = request.workDir().toAbsolutePath();
    Path train = work.resolve("channels/train");
    Path validation = work.resolve("channels/validation");
    Path model = work.resolve("model");
    Path output = work.resolve("output");
    Path code;
    try {
      Files.createDirectories(train);
      Files.createDirectories(model);
      Files.createDirectories(output);
      writeChannel(train.resolve("train.csv"), request.train());
      if (!request.validation().isEmpty()) {
        Files.createDirectories(validation);
        writeChannel(validation.resolve("validation.csv"), request.validation());
      }
      code =
          request.codeDir() != null
              ? request.codeDir().toAbsolutePath()
              : copyRecipe(work.resolve("code"));
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot prepare the job folder " + work + ": " + e.getMessage(), e);
    }
    // The process runs in the job folder: a relative interpreter path means the caller's folder.
    List<String> command =
        new ArrayList<>(
            List.of(
                request.python().toAbsolutePath().toString(),
                code.resolve(request.entryPoint()).toString()));
    request
        .hyperparameters()
        .forEach(
            (k, v) -> {
              command.add("--" + k);
              command.add(v);
            });
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("SM_CHANNEL_TRAIN", train.toString());
    if (!request.validation().isEmpty()) {
      env.put("SM_CHANNEL_VALIDATION", validation.toString());
    }
    env.put("SM_MODEL_DIR", model.toString());
    env.put("SM_OUTPUT_DATA_DIR", output.toString());
    env.putIfAbsent("SM_NUM_GPUS", "0");
    env.put("PYTHONUNBUFFERED", "1");
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new ConfigurationException("Cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    FineTuningJob job = new FineTuningJob(process, model, output, listener);
    Thread reader = new Thread(() -> job.follow(process.getInputStream()), "clinsum-finetune-log");
    reader.setDaemon(true);
    reader.start();
    job.done
        .orTimeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            e -> {
              if (e instanceof TimeoutException) {
                job.stop(Status.TIMED_OUT);
              }
              return null;
            });
    return job;
  }

  /** The job's status now. */
  public Status status() {
    return status;
  }

  /** Progress from 0 to 1, as the recipe reports it. */
  public double progress() {
    return progress;
  }

  /** The last value of every metric so far. */
  public synchronized Map<String, Double> metrics() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** Every metric value so far, in order (loss curves). */
  public synchronized List<MetricPoint> history() {
    return List.copyOf(history);
  }

  /** The last output lines (up to 200). */
  public synchronized List<String> logTail() {
    return List.copyOf(tail);
  }

  /** Stops the job; {@link #await()} then fails. Idempotent. */
  public void cancel() {
    stop(Status.CANCELLED);
  }

  /**
   * Waits for the job to end.
   *
   * @return the trained model's folders and final metrics
   * @throws BackendException when the job failed, was cancelled or timed out, with the log tail
   */
  public Result await() {
    try {
      Result r = done.get();
      if (r == null) {
        throw failure();
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackendException(
          "finetune", FailureReason.UNAVAILABLE, "interrupted while waiting", e);
    } catch (ExecutionException e) {
      throw failure();
    }
  }

  /** Cancels the job if it still runs. */
  @Override
  public void close() {
    if (status == Status.RUNNING) {
      cancel();
    }
  }

  private BackendException failure() {
    List<String> lines = logTail();
    String last = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    return new BackendException(
        "finetune",
        FailureReason.MODEL_ERROR,
        "job "
            + status.name().toLowerCase(java.util.Locale.ROOT)
            + (process.isAlive() ? "" : " (exit code " + exitCode() + ")")
            + "; last output:\n"
            + last,
        null);
  }

  private int exitCode() {
    try {
      return process.exitValue();
    } catch (IllegalThreadStateException e) {
      return -1;
    }
  }

  private void stop(Status why) {
    synchronized (this) {
      if (status != Status.RUNNING) {
        return;
      }
      status = why;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    listener.accept(new Event(null, null, Double.NaN, why));
    done.complete(null);
  }

  private void follow(InputStream out) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        record(line);
      }
      int exit = process.waitFor();
      synchronized (this) {
        if (status != Status.RUNNING) {
          return;
        }
        status = exit == 0 ? Status.SUCCEEDED : Status.FAILED;
      }
      listener.accept(new Event(null, null, Double.NaN, status));
      done.complete(status == Status.SUCCEEDED ? new Result(modelDir, outputDir, metrics()) : null);
    } catch (IOException | InterruptedException e) {
      synchronized (this) {
        if (status == Status.RUNNING) {
          status = Status.FAILED;
        }
      }
      done.complete(null);
    }
  }

  private void record(String line) {
    Matcher m = METRIC.matcher(line.trim());
    String name = null;
    double value = Double.NaN;
    synchronized (this) {
      tail.addLast(line);
      if (tail.size() > TAIL_LINES) {
        tail.removeFirst();
      }
      if (m.matches()) {
        name = m.group(1);
        value = Double.parseDouble(m.group(2));
        if (name.equals("progress")) {
          progress = value;
        } else {
          metrics.put(name, value);
          history.add(new MetricPoint(name, value));
        }
      }
    }
    listener.accept(new Event(line, name, value, status));
  }

  private static void writeChannel(Path file, List<DatasetRecord> records) {
    try (DatasetWriter w =
        DatasetWriter.open(
            file, DatasetFormat.CSV, List.of("note", "summary", "instruction"), false)) {
      records.forEach(w::write);
    }
  }

  /**
   * Copies the training recipe ({@code train.py}, {@code export_onnx.py}, {@code requirements.txt})
   * into {@code code}: the folder a local job runs, and the {@code source_dir} of a SageMaker
   * training job.
   *
   * @return {@code code}
   */
  public static Path copyRecipe(Path code) throws IOException {
    Files.createDirectories(code);
    for (String name : RECIPE) {
      try (InputStream in =
          FineTuningJob.class.getResourceAsStream("/io/clinsum/local/recipe/" + name)) {
        if (in == null) {
          throw new UncheckedIOException(
              new IOException("recipe file " + name + " missing from the jar"));
        }
        Files.copy(in, code.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return code;
  }
}
