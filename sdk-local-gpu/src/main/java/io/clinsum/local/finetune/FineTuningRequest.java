package io.clinsum.local.finetune;

import io.clinsum.core.dataset.DatasetRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to fine-tune and how: training (and optional validation) records, the recipe's
 * hyperparameters as the strings a SageMaker job passes (booleans {@code True}/{@code False}), the
 * Python interpreter to run it with, a working folder and a time limit.
 *
 * <pre>{@code
 * FineTuningRequest request = FineTuningRequest.builder()
 *     .train(records)
 *     .hyperparameter("model_name_or_path", "/models/clinsum-base/pytorch")
 *     .hyperparameter("epochs", "3")
 *     .python(Path.of(".venv-ml/bin/python"))
 *     .workDir(Path.of("build/finetune/run-1"))
 *     .build();
 * }</pre>
 *
 * @param train training records (with summaries)
 * @param validation validation records, or empty to let the recipe hold out a share of train
 * @param hyperparameters recipe arguments without the leading dashes, such as {@code epochs}
 * @param python interpreter with the recipe's requirements installed
 * @param workDir folder for channels, code, model and output; created if missing
 * @param timeout the job is stopped and fails after this long
 * @param entryPoint the script to run, relative to the code folder ({@code train.py} for the
 *     shipped recipe)
 * @param codeDir a folder holding the entry point, or {@code null} for the recipe shipped in this
 *     jar
 */
public record FineTuningRequest(
    List<DatasetRecord> train,
    List<DatasetRecord> validation,
    Map<String, String> hyperparameters,
    Path python,
    Path workDir,
    Duration timeout,
    String entryPoint,
    Path codeDir) {

  public FineTuningRequest {
    train = List.copyOf(train);
    validation = List.copyOf(validation);
    hyperparameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(workDir, "workDir");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(entryPoint, "entryPoint");
    if (train.isEmpty()) {
      throw new IllegalArgumentException("train: no records to fine-tune on");
    }
    for (DatasetRecord r : train) {
      if (r.summary() == null || r.summary().isBlank()) {
        throw new IllegalArgumentException("train: record " + r.id() + " has no summary");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder: no validation records, a 2-hour limit, the shipped recipe. */
  public static final class Builder {
    private List<DatasetRecord> train = List.of();
    private List<DatasetRecord> validation = List.of();
    private final Map<String, String> hyperparameters = new LinkedHashMap<>();
    private Path python;
    private Path workDir;
    private Duration timeout = Duration.ofHours(2);
    private String entryPoint = "train.py";
    private Path codeDir;

    private Builder() {}

    public Builder train(List<DatasetRecord> train) {
      this.train = train;
      return this;
    }

    public Builder validation(List<DatasetRecord> validation) {
      this.validation = validation;
      return this;
    }

    /** Sets one recipe argument, e.g. {@code ("epochs", "3")}. */
    public Builder hyperparameter(String name, String value) {
      hyperparameters.put(name, value);
      return this;
    }

    public Builder python(Path python) {
      this.python = python;
      return this;
    }

    public Builder workDir(Path workDir) {
      this.workDir = workDir;
      return this;
    }

    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** Runs another script than the shipped recipe (it must honour the same contract). */
    public Builder entryPoint(Path codeDir, String entryPoint) {
      this.codeDir = codeDir;
      this.entryPoint = entryPoint;
      return this;
    }

    public FineTuningRequest build() {
      return new FineTuningRequest(
          train, validation, hyperparameters, python, workDir, timeout, entryPoint, codeDir);
    }
  }
}
