package io.clinsum.samples.cli;

import io.clinsum.core.Summarizer;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.eval.ComparisonReport;
import io.clinsum.core.eval.EvaluationResult;
import io.clinsum.core.eval.Evaluator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clinsum evaluate}: ROUGE of one or more backends on a dataset, side by side. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Score backends with ROUGE (as the rouge-score package, with stemming) on a",
      "dataset with reference summaries; write Markdown, HTML (with a chart) and JSON reports."
    })
final class EvaluateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DATASET",
      description = "A .csv or .jsonl file with notes and reference summaries.")
  Path dataset;

  @Option(
      names = {"-b", "--backend"},
      required = true,
      description = "Backend to score; repeat to compare (e.g. -b lead -b extractive).")
  List<String> backends;

  @Option(
      names = {"-r", "--report"},
      defaultValue = "clinsum-report",
      description = "Report path without extension (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(names = "--limit", description = "Score only the first N records.")
  Integer limit;

  @Option(
      names = "--examples",
      defaultValue = "5",
      description = "Example rows shown side by side (default: ${DEFAULT-VALUE}).")
  int examples;

  @Option(
      names = "--bootstrap",
      defaultValue = "1000",
      description = "Bootstrap resamples for confidence intervals (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  @Mixin FieldOptions fields;
  @Mixin BackendOptions backendOptions;

  @Override
  public Integer call() throws IOException {
    List<DatasetRecord> records = new ArrayList<>();
    try (DatasetReader reader = DatasetReader.open(dataset, fields.toOptions(false))) {
      while (reader.hasNext() && (limit == null || records.size() < limit)) {
        DatasetRecord r = reader.next();
        if (r.summary() != null) {
          records.add(r);
        }
      }
    }
    if (records.isEmpty()) {
      throw new io.clinsum.core.ConfigurationException(
          dataset
              + " has no records with a '"
              + fields.summaryField
              + "' field to score against; choose it with --summary-field");
    }
    List<EvaluationResult> results = new ArrayList<>();
    for (String backend : backends) {
      try (Summarizer s = backendOptions.open(backend);
          Progress progress = new Progress("evaluate " + backend, records.size(), quiet)) {
        Evaluator evaluator =
            Evaluator.builder().bootstrapSamples(bootstrap).progress(progress::stepTo).build();
        results.add(evaluator.evaluate(s, records));
      }
    }
    String name = dataset.getFileName().toString();
    ComparisonReport comparison = new ComparisonReport(name, results, examples);
    comparison.writeTo(report);
    PrintWriter out = spec.commandLine().getOut();
    out.print(comparison.toMarkdown());
    out.printf("%nreports: %s.md, %s.html, %s.json%n", report, report, report);
    out.flush();
    return 0;
  }
}
