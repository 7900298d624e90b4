package io.clinsum.samples.cli;

import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.local.finetune.FineTuningJob;
import io.clinsum.local.finetune.FineTuningRequest;
import io.clinsum.local.finetune.ModelRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clinsum finetune}: run the training recipe on this machine, with a progress bar. */
@Command(
    name = "finetune",
    mixinStandardHelpOptions = true,
    description = {
      "Fine-tune (or train from scratch) a summarization model on a dataset of notes and",
      "reference summaries with the shipped training recipe, as a local process under the",
      "SageMaker SM_* contract. Needs a Python with python/requirements-recipe.txt installed."
    })
final class FinetuneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "TRAIN",
      description = "Training data (.csv or .jsonl with summaries).")
  Path train;

  @Option(
      names = "--validation",
      description = "Validation data; default: the recipe holds out 10% of TRAIN.")
  Path validation;

  @Option(
      names = {"-p", "--hyperparameter"},
      paramLabel = "NAME=VALUE",
      description =
          "Recipe argument, repeatable, e.g. -p epochs=3 -p model_name_or_path=/models/base (see the recipe README).")
  Map<String, String> hyperparameters = new LinkedHashMap<>();

  @Option(
      names = "--python",
      description = "Python interpreter (default: $CLINSUM_ML_PYTHON, else .venv-ml/bin/python).")
  Path python;

  @Option(
      names = {"-w", "--work-dir"},
      defaultValue = "clinsum-finetune",
      description = "Job folder: channels, model, output (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(
      names = "--timeout",
      defaultValue = "PT2H",
      description = "Stop the job after this long, ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--recipe-dir",
      description = "Run a customised recipe from this folder instead of the shipped one.")
  Path recipeDir;

  @Option(
      names = "--entry-point",
      defaultValue = "train.py",
      description = "Script in the recipe folder (default: ${DEFAULT-VALUE}).")
  String entryPoint;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  @Option(
      names = "--register",
      paramLabel = "NAME",
      description = "Register the exported model as the next version of NAME in --registry.")
  String register;

  @Option(
      names = "--registry",
      defaultValue = "clinsum-models",
      description =
          "Model registry folder (default: ${DEFAULT-VALUE}); the onnx backend loads"
              + " from it with -s registry=DIR -s model=NAME[@VERSION].")
  Path registry;

  @Mixin FieldOptions fields;

  @Override
  public Integer call() {
    FineTuningRequest.Builder request =
        FineTuningRequest.builder()
            .train(read(train))
            .validation(validation == null ? List.of() : read(validation))
            .python(python != null ? python : defaultPython())
            .workDir(workDir)
            .timeout(timeout);
    hyperparameters.forEach(request::hyperparameter);
    if (recipeDir != null) {
      request.entryPoint(recipeDir, entryPoint);
    }
    PrintWriter out = spec.commandLine().getOut();
    FineTuningJob.Result result;
    try (Progress progress = new Progress("finetune", 1000, quiet);
        FineTuningJob job =
            FineTuningJob.start(
                request.build(),
                e -> {
                  if ("progress".equals(e.metric())) {
                    progress.stepTo(Math.round(e.value() * 1000), 1000);
                  }
                })) {
      result = job.await();
      progress.stepTo(1000, 1000);
    }
    // After the bar has closed, so the report starts on a line of its own.
    out.printf("model: %s%n", result.modelDir());
    result.metrics().forEach((k, v) -> out.printf("%s=%s%n", k, v));
    if (register != null) {
      Path version =
          new ModelRegistry(registry)
              .register(register, result.modelDir().resolve("onnx"), result.metrics(), null);
      out.printf(
          "registered: %s (use -b onnx -s registry=%s -s model=%s@%s)%n",
          version, registry, register, version.getFileName());
    }
    out.flush();
    return 0;
  }

  private List<DatasetRecord> read(Path file) {
    try (DatasetReader reader = DatasetReader.open(file, fields.toOptions(false))) {
      return reader.readAll();
    }
  }

  private static Path defaultPython() {
    String env = System.getenv("CLINSUM_ML_PYTHON");
    return Path.of(env != null && !env.isBlank() ? env : ".venv-ml/bin/python");
  }
}
