package io.clinsum.samples.cli;

import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetSplitter;
import io.clinsum.core.dataset.DatasetStats;
import io.clinsum.core.dataset.DatasetValidator;
import io.clinsum.core.dataset.DatasetWriter;
import io.clinsum.core.dataset.ValidationReport;
import io.clinsum.synthetic.SyntheticNoteGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clinsum dataset validate|split|stats|synth}. */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    description = "Check, describe, split and generate datasets of notes and summaries.",
    subcommands = {
      DatasetCommand.Validate.class,
      DatasetCommand.Split.class,
      DatasetCommand.Stats.class,
      DatasetCommand.Synth.class
    })
final class DatasetCommand {

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Report empty, duplicate, over-long and unreadable rows with their row, line and byte.",
        "Exit code 0 when the dataset is valid, 1 otherwise."
      })
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--require-summary", description = "A record without a summary is a problem.")
    boolean requireSummary;

    @Option(
        names = "--max-note-chars",
        defaultValue = "100000",
        description = "Longest acceptable note (default: ${DEFAULT-VALUE}).")
    int maxNoteChars;

    @Option(
        names = "--max-summary-chars",
        defaultValue = "5000",
        description = "Longest acceptable summary (default: ${DEFAULT-VALUE}).")
    int maxSummaryChars;

    @Mixin FieldOptions fields;

    @Override
    public Integer call() {
      ValidationReport report =
          DatasetValidator.builder()
              .requireSummary(requireSummary)
              .maxNoteChars(maxNoteChars)
              .maxSummaryChars(maxSummaryChars)
              .build()
              .validate(file, fields.toOptions(true));
      PrintWriter out = spec.commandLine().getOut();
      out.print(report.toText());
      out.flush();
      return report.isValid() ? 0 : 1;
    }
  }

  @Command(
      name = "split",
      mixinStandardHelpOptions = true,
      description = "Deterministic train/validation/test split (by a seeded hash of each note).")
  static final class Split implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(
        names = {"-o", "--out"},
        required = true,
        description = "Folder for train, validation and test files.")
    Path out;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--validation",
        defaultValue = "0.1",
        description = "Validation fraction (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(
        names = "--test",
        defaultValue = "0.1",
        description = "Test fraction (default: ${DEFAULT-VALUE}).")
    double test;

    @Mixin FieldOptions fields;

    @Override
    public Integer call() {
      Map<DatasetSplitter.Part, Long> counts =
          DatasetSplitter.builder()
              .seed(seed)
              .validation(validation)
              .test(test)
              .build()
              .split(file, fields.toOptions(false), out);
      PrintWriter w = spec.commandLine().getOut();
      counts.forEach((part, n) -> w.printf("%s: %d%n", part.fileName(), n));
      w.flush();
      return 0;
    }
  }

  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = "Rows, lengths, compression ratio and metadata value counts.")
  static final class Stats implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Mixin FieldOptions fields;

    @Override
    public Integer call() {
      try (DatasetReader reader = DatasetReader.open(file, fields.toOptions(false))) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(DatasetStats.of(reader).toText());
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "synth",
      mixinStandardHelpOptions = true,
      description =
          "Generate synthetic nursing notes with reference summaries (same seed, same data).")
  static final class Synth implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-n", "--count"},
        defaultValue = "1000",
        description = "Records (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--instruction-rate",
        defaultValue = "0.2",
        description = "Share of records with an instruction (default: ${DEFAULT-VALUE}).")
    double instructionRate;

    @Option(
        names = {"-o", "--output"},
        required = true,
        description = "Output .csv or .jsonl file.")
    Path output;

    @Option(
        names = {"-q", "--quiet"},
        description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
      SyntheticNoteGenerator generator =
          SyntheticNoteGenerator.builder().seed(seed).instructionRate(instructionRate).build();
      List<String> columns =
          List.of(
              "id",
              "note",
              "summary",
              "instruction",
              "specialty",
              "scenario",
              "note_type",
              "author_role",
              "age",
              "sex");
      try (DatasetWriter writer =
              DatasetWriter.open(output, DatasetFormat.of(output), columns, false);
          Progress progress = new Progress("synth", count, quiet)) {
        for (long i = 0; i < count; i++) {
          writer.write(generator.next());
          progress.step();
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf("%d records written to %s%n", count, output);
      out.flush();
      return 0;
    }
  }
}
