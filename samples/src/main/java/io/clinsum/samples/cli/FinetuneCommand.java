package io.clinsum.samples.cli;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.eval.ComparisonReport;
import io.clinsum.core.eval.EvaluationResult;
import io.clinsum.core.eval.Evaluator;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.local.EmbeddedModel;
import io.clinsum.local.finetune.FineTuningJob;
import io.clinsum.local.finetune.FineTuningRequest;
import io.clinsum.local.finetune.ModelRegistry;
import io.clinsum.local.finetune.PythonEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
      "SageMaker SM_* contract. Without --python it uses $CLINSUM_ML_PYTHON, else .venv-ml, else",
      "a Python environment it creates once from the recipe's pinned requirements.",
      "With --from-embedded it fine-tunes the shipped model; with --compare TEST it prints the",
      "before/after ROUGE table and writes an HTML report with the loss curve."
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
      description =
          "Python interpreter (default: $CLINSUM_ML_PYTHON, else .venv-ml/bin/python if present,"
              + " else an environment created once in the ClinSum cache).")
  Path python;

  @Option(
      names = "--from-embedded",
      description = "Start from the shipped model's checkpoint (sets -p model_name_or_path=...).")
  boolean fromEmbedded;

  @Option(
      names = "--compare",
      paramLabel = "TEST",
      description =
          "After training, score the model before and after on TEST (with reference summaries)"
              + " and write a report.")
  Path compare;

  @Option(
      names = "--before-model-dir",
      description = "The ONNX model to compare against (default: the shipped model).")
  Path beforeModelDir;

  @Option(
      names = "--report",
      description = "Report path without extension (default: WORK-DIR/before-after).")
  Path report;

  @Option(
      names = "--examples",
      defaultValue = "3",
      description = "Example rows in the report (default: ${DEFAULT-VALUE}).")
  int examples;

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
    if (fromEmbedded) {
      Path checkpoint =
          EmbeddedModel.checkpoint()
              .orElseThrow(
                  () ->
                      new ConfigurationException(
                          "This build carries no checkpoint of the shipped model"
                              + " (clinsum-model-nursing-t5-mini-checkpoint is not on the classpath)"));
      request.hyperparameter("model_name_or_path", checkpoint.toString());
    }
    hyperparameters.forEach(request::hyperparameter);
    if (recipeDir != null) {
      request.entryPoint(recipeDir, entryPoint);
    }
    PrintWriter out = spec.commandLine().getOut();
    FineTuningJob.Result result;
    List<FineTuningJob.MetricPoint> history;
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
      history = job.history();
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
    if (compare != null) {
      compare(out, result, history);
    }
    out.flush();
    return 0;
  }

  /** The seed's before/after table: the starting model and the fine-tuned one on TEST. */
  private void compare(
      PrintWriter out, FineTuningJob.Result result, List<FineTuningJob.MetricPoint> history) {
    List<DatasetRecord> test = read(compare).stream().filter(r -> r.summary() != null).toList();
    if (test.isEmpty()) {
      throw new ConfigurationException(
          compare + " has no records with reference summaries to score against");
    }
    Evaluator evaluator = Evaluator.builder().build();
    List<EvaluationResult> results = new ArrayList<>();
    BackendSettings before =
        beforeModelDir == null
            ? BackendSettings.empty()
            : BackendSettings.builder().set("model-dir", beforeModelDir.toString()).build();
    BackendSettings after =
        BackendSettings.builder()
            .set("model-dir", result.modelDir().resolve("onnx").toString())
            .build();
    Map<String, BackendSettings> models = new LinkedHashMap<>();
    models.put("before", before);
    models.put("after", after);
    for (Map.Entry<String, BackendSettings> model : models.entrySet()) {
      try (Summarizer s = Summarizers.open("onnx", model.getValue())) {
        EvaluationResult r = evaluator.evaluate(s, test);
        results.add(
            new EvaluationResult(
                model.getKey(), r.backend(), r.model(), r.items(), r.aggregates(), r.elapsed()));
      }
    }
    Map<String, List<Double>> curves = new LinkedHashMap<>();
    for (FineTuningJob.MetricPoint p : history) {
      if (p.name().endsWith("loss") || p.name().startsWith("eval_rouge")) {
        curves.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.value());
      }
    }
    ComparisonReport comparison =
        new ComparisonReport(compare.getFileName().toString(), results, examples)
            .withCurves(curves);
    Path base = (report != null ? report : workDir.resolve("before-after")).toAbsolutePath();
    try {
      comparison.writeTo(base);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report " + base + ": " + e.getMessage(), e);
    }
    out.println();
    out.print(comparison.toMarkdown());
    out.printf("%nreport: %s.html (and .md, .json)%n", base);
  }

  private List<DatasetRecord> read(Path file) {
    try (DatasetReader reader = DatasetReader.open(file, fields.toOptions(false))) {
      return reader.readAll();
    }
  }

  private Path defaultPython() {
    String env = System.getenv("CLINSUM_ML_PYTHON");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path local = Path.of(".venv-ml/bin/python");
    if (Files.isExecutable(local)) {
      return local;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "Setting up the recipe's Python environment (once; PyTorch makes it several GB)...");
    return PythonEnvironment.forRecipe(
        line -> {
          if (!quiet) {
            err.println("  " + line);
            err.flush();
          }
        });
  }
}
