package io.clinsum.samples.cli;

import io.clinsum.core.GenerationOptions;
import io.clinsum.core.SummarizationOutcome;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.core.dataset.DatasetFormatException;
import io.clinsum.core.dataset.DatasetIssue;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.dataset.DatasetWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code clinsum summarize}: files or folders of notes in, summaries out. */
@Command(
    name = "summarize",
    mixinStandardHelpOptions = true,
    description = {
      "Summarize notes from CSV, JSON Lines or text files (or folders of them).",
      "Without --output, prints a table. Bad rows go to the error file; the rest are summarized.",
      "Exit code 0: all summarized; 3: some rows failed (see the error file); 2: could not run."
    })
final class SummarizeCommand implements Callable<Integer> {
  static final List<String> OUTPUT_COLUMNS =
      List.of(
          "id",
          "summary",
          "source",
          "backend",
          "model",
          "model_version",
          "chunks",
          "input_tokens",
          "output_tokens",
          "ms");
  static final List<String> ERROR_COLUMNS =
      List.of("source", "id", "row", "line", "byte_offset", "field", "kind", "message");
  private static final int BATCH = 16;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "Files (.csv, .jsonl, .txt) or folders.")
  List<Path> inputs;

  @Option(
      names = {"-b", "--backend"},
      description = "Backend (default: the best available; see 'clinsum backends').")
  String backend;

  @Option(
      names = {"-i", "--instruction"},
      description =
          "Instruction for records that carry none, e.g. \"Summarize the symptoms that the patient is experiencing.\"")
  String instruction;

  @Option(
      names = {"-o", "--output"},
      description = "Write summaries to this .csv or .jsonl file.")
  Path output;

  @Option(
      names = {"-e", "--errors"},
      description =
          "Per-row error file (.jsonl or .csv; default: next to --output, or clinsum-errors.jsonl).")
  Path errors;

  @Option(
      names = "--max-length",
      description = "Maximum summary length (tokens; words for extractive).")
  Integer maxLength;

  @Option(names = "--num-beams", description = "Beam width for model backends.")
  Integer numBeams;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  @Mixin FieldOptions fields;
  @Mixin BackendOptions backendOptions;

  @Override
  public Integer call() {
    List<Path> files = InputFiles.expand(inputs);
    Path errorPath = errors != null ? errors : defaultErrorPath();
    GenerationOptions options =
        GenerationOptions.builder().maxLength(maxLength).numBeams(numBeams).build();
    List<String[]> table = new ArrayList<>();
    long ok = 0;
    long attempted = 0;
    long unreadable = 0;
    Summarizer summarizer = backendOptions.open(backend);
    DatasetWriter out = output == null ? null : DatasetWriter.open(output, OUTPUT_COLUMNS);
    DatasetWriter err =
        DatasetWriter.open(errorPath, DatasetFormat.of(errorPath), ERROR_COLUMNS, true);
    try (summarizer;
        Progress progress =
            new Progress("summarize (" + summarizer.info().backend() + ")", -1, quiet)) {
      for (Path file : files) {
        String source = file.toString();
        try (DatasetReader reader = DatasetReader.open(file, fields.toOptions(true))) {
          List<DatasetRecord> batch = new ArrayList<>(BATCH);
          int seenIssues = 0;
          while (reader.hasNext()) {
            batch.add(reader.next());
            if (batch.size() == BATCH) {
              ok += run(summarizer, batch, options, source, out, err, table);
              attempted += batch.size();
              batch.clear();
            }
            seenIssues = writeIssues(reader, seenIssues, source, err);
            progress.stepTo(reader.rowsRead(), -1);
          }
          ok += run(summarizer, batch, options, source, out, err, table);
          attempted += batch.size();
          writeIssues(reader, seenIssues, source, err);
          unreadable += reader.issues().size();
          progress.stepTo(reader.rowsRead(), -1);
        } catch (DatasetFormatException e) {
          writeIssue(source, e.issue(), err);
          unreadable++;
        }
      }
    } catch (RuntimeException e) {
      // Nothing half-written: neither the summaries nor the error list of an aborted run.
      if (out != null) {
        out.abort();
      }
      err.abort();
      throw e;
    }
    long failed = attempted - ok + unreadable;
    if (out != null) {
      out.close();
    }
    err.close();
    PrintWriter stdout = spec.commandLine().getOut();
    if (output == null) {
      Table.print(stdout, List.of("id", "summary", "ms"), table);
    }
    stdout.printf(
        "%d summarized, %d failed%s%n",
        ok, failed, failed > 0 ? " (details: " + errorPath + ")" : "");
    if (output != null) {
      stdout.println("summaries: " + output);
    }
    stdout.flush();
    if (failed == 0) {
      try {
        Files.deleteIfExists(errorPath); // no errors, no error file
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return failed == 0 ? 0 : ClinSumCli.EXIT_SOME_FAILED;
  }

  /** Summarizes a batch; returns how many succeeded. Failed records go to the error file. */
  private long run(
      Summarizer s,
      List<DatasetRecord> batch,
      GenerationOptions options,
      String source,
      DatasetWriter out,
      DatasetWriter err,
      List<String[]> table) {
    if (batch.isEmpty()) {
      return 0;
    }
    List<SummarizationRequest> requests = new ArrayList<>(batch.size());
    for (DatasetRecord r : batch) {
      requests.add(
          SummarizationRequest.builder()
              .id(r.id())
              .text(r.note())
              .instruction(r.instruction() != null ? r.instruction() : instruction)
              .options(options)
              .build());
    }
    long ok = 0;
    for (SummarizationOutcome outcome : s.summarizeEach(requests)) {
      if (!outcome.succeeded()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source", source);
        row.put("id", outcome.requestId());
        row.put("kind", outcome.error().getClass().getSimpleName());
        row.put("message", outcome.error().getMessage());
        err.writeRow(row);
        continue;
      }
      SummarizationResult r = outcome.result();
      ok++;
      long ms = r.elapsed().toMillis();
      if (out != null) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.requestId());
        row.put("summary", r.text());
        row.put("source", source);
        row.put("backend", r.backend());
        row.put("model", r.modelId());
        row.put("model_version", r.modelVersion());
        row.put("chunks", r.chunks());
        row.put("input_tokens", r.inputTokens());
        row.put("output_tokens", r.outputTokens());
        row.put("ms", ms);
        out.writeRow(row);
      } else {
        table.add(new String[] {r.requestId(), r.text(), Long.toString(ms)});
      }
    }
    return ok;
  }

  static int writeIssues(DatasetReader reader, int seen, String source, DatasetWriter err) {
    List<DatasetIssue> issues = reader.issues();
    for (int i = seen; i < issues.size(); i++) {
      writeIssue(source, issues.get(i), err);
    }
    return issues.size();
  }

  static void writeIssue(String source, DatasetIssue issue, DatasetWriter err) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("source", source);
    row.put("row", issue.row());
    row.put("line", issue.line());
    row.put("byte_offset", issue.byteOffset());
    row.put("field", issue.field());
    row.put("kind", issue.kind());
    row.put("message", issue.message());
    err.writeRow(row);
  }

  private Path defaultErrorPath() {
    if (output == null) {
      return Path.of("clinsum-errors.jsonl");
    }
    String name = output.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return output.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".errors.jsonl");
  }
}
