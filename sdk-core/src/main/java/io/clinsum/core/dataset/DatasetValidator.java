package io.clinsum.core.dataset;

import io.clinsum.core.dataset.DatasetIssue.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a dataset before training or evaluation: unreadable rows (bad encoding, malformed CSV or
 * JSON), missing columns, empty notes or summaries, duplicates (same id, or same note text),
 * over-long notes and summaries. It reads leniently and reports everything it finds, with rows.
 *
 * <pre>{@code
 * ValidationReport report = DatasetValidator.builder().requireSummary(true).build()
 *     .validate(Path.of("train.csv"), DatasetOptions.defaults());
 * if (!report.isValid()) System.err.print(report.toText());
 * }</pre>
 */
public final class DatasetValidator {
  /** At most this many problems are listed one by one; all are counted. */
  public static final int MAX_LISTED_ISSUES = 10_000;

  private final int maxNoteChars;
  private final int maxSummaryChars;
  private final boolean requireSummary;

  private DatasetValidator(Builder b) {
    this.maxNoteChars = b.maxNoteChars;
    this.maxSummaryChars = b.maxSummaryChars;
    this.requireSummary = b.requireSummary;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Validates a file. Problems that stop reading (an unclosed quote) end the report there. */
  public ValidationReport validate(Path path, DatasetOptions options) {
    State state = new State();
    DatasetOptions lenient = options.toBuilder().lenient(true).build();
    long rows = 0;
    try (DatasetReader reader = DatasetReader.open(path, lenient)) {
      int seenIssues = 0;
      while (reader.hasNext()) {
        DatasetRecord r = reader.next();
        seenIssues = drain(reader, seenIssues, state);
        check(r, reader.rowsRead(), state);
      }
      drain(reader, seenIssues, state);
      rows = reader.rowsRead();
    } catch (DatasetFormatException e) {
      state.add(e.issue());
      rows = Math.max(rows, e.issue().row());
    }
    if (rows == 0 && state.counts.isEmpty()) {
      state.add(new DatasetIssue(Kind.NO_ROWS, 0, 0, -1, null, "the dataset has no data rows"));
    }
    return new ValidationReport(
        path.toString(), rows, rows - state.badRows(), state.counts, state.issues);
  }

  private static int drain(DatasetReader reader, int seen, State state) {
    List<DatasetIssue> issues = reader.issues();
    for (int i = seen; i < issues.size(); i++) {
      state.add(issues.get(i));
    }
    return issues.size();
  }

  private void check(DatasetRecord r, long row, State state) {
    if (r.note().isBlank()) {
      state.add(
          new DatasetIssue(
              Kind.EMPTY_NOTE,
              row,
              0,
              -1,
              "note",
              r.note().isEmpty() ? "the note is empty" : "the note is only whitespace"));
    } else if (r.note().length() > maxNoteChars) {
      state.add(
          new DatasetIssue(
              Kind.OVER_LONG,
              row,
              0,
              -1,
              "note",
              "the note has "
                  + r.note().length()
                  + " characters, above the limit of "
                  + maxNoteChars));
    }
    if (r.summary() == null) {
      if (requireSummary) {
        state.add(
            new DatasetIssue(
                Kind.MISSING_SUMMARY, row, 0, -1, "summary", "the record has no summary"));
      }
    } else if (r.summary().isBlank()) {
      state.add(
          new DatasetIssue(Kind.EMPTY_SUMMARY, row, 0, -1, "summary", "the summary is empty"));
    } else if (r.summary().length() > maxSummaryChars) {
      state.add(
          new DatasetIssue(
              Kind.OVER_LONG,
              row,
              0,
              -1,
              "summary",
              "the summary has "
                  + r.summary().length()
                  + " characters, above the limit of "
                  + maxSummaryChars));
    }
    Long firstWithId = r.id().equals("row-" + row) ? null : state.ids.putIfAbsent(r.id(), row);
    if (firstWithId != null) {
      state.add(
          new DatasetIssue(
              Kind.DUPLICATE,
              row,
              0,
              -1,
              "id",
              "id '" + r.id() + "' already used by row " + firstWithId));
    } else if (!r.note().isBlank()) {
      Long firstWithNote = state.notes.putIfAbsent(NoteHash.of(r.note()), row);
      if (firstWithNote != null) {
        state.add(
            new DatasetIssue(
                Kind.DUPLICATE, row, 0, -1, "note", "same note text as row " + firstWithNote));
      }
    }
  }

  private static final class State {
    final Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    final List<DatasetIssue> issues = new ArrayList<>();
    final Map<String, Long> ids = new HashMap<>();
    final Map<Long, Long> notes = new HashMap<>();
    final java.util.Set<Long> badRowNumbers = new java.util.HashSet<>();

    void add(DatasetIssue issue) {
      counts.merge(issue.kind(), 1L, Long::sum);
      if (issues.size() < MAX_LISTED_ISSUES) {
        issues.add(issue);
      }
      if (issue.row() > 0) {
        badRowNumbers.add(issue.row());
      }
    }

    long badRows() {
      return badRowNumbers.size();
    }
  }

  /** Builder for {@link DatasetValidator}. */
  public static final class Builder {
    private int maxNoteChars = 100_000;
    private int maxSummaryChars = 5_000;
    private boolean requireSummary;

    private Builder() {}

    /** Notes longer than this are reported as over-long (default 100,000). */
    public Builder maxNoteChars(int maxNoteChars) {
      this.maxNoteChars = maxNoteChars;
      return this;
    }

    /** Summaries longer than this are reported as over-long (default 5,000). */
    public Builder maxSummaryChars(int maxSummaryChars) {
      this.maxSummaryChars = maxSummaryChars;
      return this;
    }

    /** Whether a record without a summary is a problem (true for training data). */
    public Builder requireSummary(boolean requireSummary) {
      this.requireSummary = requireSummary;
      return this;
    }

    public DatasetValidator build() {
      return new DatasetValidator(this);
    }
  }
}
