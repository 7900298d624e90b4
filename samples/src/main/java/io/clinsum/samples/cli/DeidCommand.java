package io.clinsum.samples.cli;

import io.clinsum.core.ClinSumException;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.core.dataset.DatasetFormatException;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.dataset.DatasetWriter;
import io.clinsum.core.deid.DeidentifiedText;
import io.clinsum.core.deid.Deidentifier;
import io.clinsum.core.deid.MaskingMode;
import io.clinsum.core.deid.PhiSpan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clinsum deid}: files or folders of notes in, de-identified notes out. */
@Command(
    name = "deid",
    mixinStandardHelpOptions = true,
    description = {
      "De-identify notes from CSV, JSON Lines or text files (or folders of them): names, dates,",
      "record numbers, contact details and the other HIPAA Safe Harbor identifiers are replaced.",
      "Without --output, prints the masked notes with the replacements highlighted.",
      "Bad rows go to the error file and are never written unmasked.",
      "Exit code 0: all masked; 3: some rows failed (see the error file); 2: could not run."
    })
final class DeidCommand implements Callable<Integer> {
  static final List<String> OUTPUT_COLUMNS =
      List.of("id", "note", "summary", "instruction", "source", "phi_spans", "phi_categories");
  static final String SECRET_ENV = "CLINSUM_DEID_SECRET";

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "Files (.csv, .jsonl, .txt) or folders.")
  List<Path> inputs;

  @Option(
      names = {"-o", "--output"},
      description = "Write de-identified records to this .csv or .jsonl file.")
  Path output;

  @Option(
      names = {"-e", "--errors"},
      description =
          "Per-row error file (.jsonl or .csv; default: next to --output, or clinsum-errors.jsonl).")
  Path errors;

  @Option(
      names = {"-m", "--mode"},
      description =
          "tag ([NAME], [DATE]...), surrogate (consistent fake values, dates shifted per patient;"
              + " needs the secret in $"
              + SECRET_ENV
              + ") or remove. Default: ${DEFAULT-VALUE}.",
      defaultValue = "tag")
  String mode;

  @Option(
      names = "--patient-field",
      description =
          "Field that identifies the patient (surrogates and date shifts are per patient); default:"
              + " one key for the whole input.")
  String patientField;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  @Mixin FieldOptions fields;

  @Override
  public Integer call() {
    Deidentifier deid = deidentifier();
    List<Path> files = InputFiles.expand(inputs);
    Path errorPath = errors != null ? errors : defaultErrorPath();
    long ok = 0;
    long failed = 0;
    List<String> shown = new ArrayList<>();
    Map<String, Integer> totals = new TreeMap<>();
    DatasetWriter out = output == null ? null : DatasetWriter.open(output, OUTPUT_COLUMNS);
    DatasetWriter err =
        DatasetWriter.open(
            errorPath, DatasetFormat.of(errorPath), SummarizeCommand.ERROR_COLUMNS, true);
    try (Progress progress =
        new Progress("deid (" + deid.mode().name().toLowerCase(Locale.ROOT) + ")", -1, quiet)) {
      for (Path file : files) {
        String source = file.toString();
        try (DatasetReader reader = DatasetReader.open(file, fields.toOptions(true))) {
          int seenIssues = 0;
          while (reader.hasNext()) {
            DatasetRecord r = reader.next();
            if (mask(deid, r, source, out, err, shown, totals)) {
              ok++;
            } else {
              failed++;
            }
            seenIssues = SummarizeCommand.writeIssues(reader, seenIssues, source, err);
            progress.stepTo(reader.rowsRead(), -1);
          }
          SummarizeCommand.writeIssues(reader, seenIssues, source, err);
          failed += reader.issues().size();
        } catch (DatasetFormatException e) {
          SummarizeCommand.writeIssue(source, e.issue(), err);
          failed++;
        }
      }
    } catch (RuntimeException e) {
      // Nothing half-written.
      if (out != null) {
        out.abort();
      }
      err.abort();
      throw e;
    }
    if (out != null) {
      out.close();
    }
    err.close();
    PrintWriter stdout = spec.commandLine().getOut();
    if (output == null) {
      shown.forEach(stdout::println);
    }
    stdout.printf(
        "%d de-identified, %d failed%s%n",
        ok, failed, failed > 0 ? " (details: " + errorPath + ")" : "");
    stdout.println("replaced: " + (totals.isEmpty() ? "nothing" : totals));
    if (output != null) {
      stdout.println("de-identified notes: " + output);
    }
    stdout.flush();
    if (failed == 0) {
      try {
        Files.deleteIfExists(errorPath);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return failed == 0 ? 0 : ClinSumCli.EXIT_SOME_FAILED;
  }

  private Deidentifier deidentifier() {
    MaskingMode m;
    try {
      m = MaskingMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "--mode: choose tag, surrogate or remove, was '" + mode + "'");
    }
    Deidentifier.Builder b = Deidentifier.builder().mode(m);
    if (m == MaskingMode.SURROGATE) {
      String secret = System.getenv(SECRET_ENV);
      if (secret == null || secret.length() < 16) {
        throw new ConfigurationException(
            "--mode surrogate: set $"
                + SECRET_ENV
                + " to a secret of at least 16 characters (keep it stable: it decides every"
                + " surrogate and date shift)");
      }
      b.secret(secret.getBytes(StandardCharsets.UTF_8));
    }
    return b.build();
  }

  /**
   * Masks one record (note, summary, instruction); returns false when it went to the error file.
   */
  private boolean mask(
      Deidentifier deid,
      DatasetRecord r,
      String source,
      DatasetWriter out,
      DatasetWriter err,
      List<String> shown,
      Map<String, Integer> totals) {
    String key = patientField == null ? "" : r.metadata().getOrDefault(patientField, "");
    DeidentifiedText note;
    String summary;
    String instruction;
    try {
      if (r.note().isBlank()) {
        throw new InvalidRequestException("text", "is empty or whitespace only");
      }
      note = deid.deidentify(r.note(), key);
      summary = r.summary() == null ? null : deid.deidentify(r.summary(), key).text();
      instruction = r.instruction() == null ? null : deid.deidentify(r.instruction(), key).text();
    } catch (ClinSumException e) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("source", source);
      row.put("id", r.id());
      row.put("kind", e.getClass().getSimpleName());
      row.put("message", e.getMessage());
      err.writeRow(row);
      return false;
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (PhiSpan s : note.spans()) {
      counts.merge(s.category().name(), 1, Integer::sum);
      totals.merge(s.category().name(), 1, Integer::sum);
    }
    if (out != null) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.id());
      row.put("note", note.text());
      row.put("summary", summary);
      row.put("instruction", instruction);
      row.put("source", source);
      row.put("phi_spans", note.spans().size());
      row.put("phi_categories", counts.toString());
      out.writeRow(row);
    } else {
      shown.add("== " + r.id() + " (" + note.spans().size() + " replaced)");
      shown.add(highlight(note));
    }
    return true;
  }

  /** The masked note with each replacement in reverse video (plain text when not a terminal). */
  private String highlight(DeidentifiedText masked) {
    CommandLine.Help.Ansi ansi = spec.commandLine().getColorScheme().ansi();
    if (!ansi.enabled()) {
      return masked.text();
    }
    String text = masked.text();
    StringBuilder sb = new StringBuilder(text.length() + 16 * masked.replacements().size());
    int at = 0;
    for (PhiSpan s : masked.replacements()) {
      sb.append(escape(text.substring(at, s.start())))
          .append("@|reverse ")
          .append(escape(text.substring(s.start(), s.end())))
          .append("|@");
      at = s.end();
    }
    sb.append(escape(text.substring(at)));
    return ansi.string(sb.toString());
  }

  private static String escape(String s) {
    return s.replace("@|", "@ |");
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
