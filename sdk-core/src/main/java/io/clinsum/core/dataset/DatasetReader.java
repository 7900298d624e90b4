package io.clinsum.core.dataset;

import io.clinsum.core.ClinSumException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.dataset.DatasetIssue.Kind;
import io.clinsum.core.dataset.internal.CsvRows;
import io.clinsum.core.dataset.internal.JsonLinesRows;
import io.clinsum.core.dataset.internal.RawRow;
import io.clinsum.core.dataset.internal.RowSource;
import io.clinsum.core.dataset.internal.TextRows;
import io.clinsum.core.dataset.internal.Utf8Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the records of a CSV, JSON Lines or text file without loading it into memory.
 *
 * <pre>{@code
 * try (DatasetReader reader = DatasetReader.open(Path.of("notes.csv"), DatasetOptions.defaults())) {
 *   reader.stream().forEach(record -> ...);
 * }
 * }</pre>
 *
 * <p>In strict mode (the default) the first bad row throws a {@link DatasetFormatException} that
 * names its row, line, byte offset and field. In lenient mode bad rows are skipped and listed in
 * {@link #issues()}; the good rows are returned. Problems that make the rest of the file unreadable
 * (no note column, an unclosed quote) throw in both modes. Not thread-safe.
 */
public final class DatasetReader implements Iterator<DatasetRecord>, AutoCloseable {
  private final RowSource rows;
  private final DatasetOptions options;
  private final String source;
  private final List<DatasetIssue> issues = new ArrayList<>();
  private DatasetRecord next;
  private long rowsRead;
  private boolean finished;

  private DatasetReader(RowSource rows, DatasetOptions options, String source) {
    this.rows = rows;
    this.options = options;
    this.source = source;
  }

  /** Opens {@code path}, with the format taken from its extension. */
  public static DatasetReader open(Path path, DatasetOptions options) {
    return open(path, DatasetFormat.of(path), options);
  }

  /** Opens {@code path} in the given format. */
  public static DatasetReader open(Path path, DatasetFormat format, DatasetOptions options) {
    InputStream in;
    try {
      in = Files.newInputStream(path);
    } catch (IOException e) {
      throw new ClinSumException(
          FailureReason.BAD_INPUT,
          "Cannot open dataset '" + path + "': " + e.getMessage(),
          null,
          e);
    }
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return open(in, format, options, path.toString(), dot > 0 ? name.substring(0, dot) : name);
  }

  /**
   * Reads {@code in}, which this reader then owns and closes.
   *
   * @param source name used in error messages
   */
  public static DatasetReader open(
      InputStream in, DatasetFormat format, DatasetOptions options, String source) {
    return open(in, format, options, source, source);
  }

  private static DatasetReader open(
      InputStream in, DatasetFormat format, DatasetOptions options, String source, String textId) {
    try {
      Utf8Source utf8 = new Utf8Source(in);
      RowSource rows =
          switch (format) {
            case CSV -> checkedCsv(new CsvRows(utf8, source), options, source);
            case JSONL -> new JsonLinesRows(utf8);
            case TEXT -> new TextRows(utf8, textId, options.idField(), options.noteField());
          };
      return new DatasetReader(rows, options, source);
    } catch (IOException e) {
      closeQuietly(in, e);
      throw new UncheckedIOException("Cannot read dataset '" + source + "': " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(in, e);
      throw e;
    }
  }

  private static CsvRows checkedCsv(CsvRows rows, DatasetOptions options, String source) {
    if (!rows.header().contains(options.noteField())) {
      throw new DatasetFormatException(
          source,
          new DatasetIssue(
              Kind.MISSING_COLUMN,
              0,
              1,
              0,
              options.noteField(),
              "the header has no '"
                  + options.noteField()
                  + "' column (columns: "
                  + String.join(", ", rows.header())
                  + "); rename the column or choose the note field"));
    }
    return rows;
  }

  /** The file or stream name. */
  public String source() {
    return source;
  }

  /** Rows skipped so far in lenient mode, with the reason for each. */
  public List<DatasetIssue> issues() {
    return Collections.unmodifiableList(issues);
  }

  /** Data rows read so far, good and bad. */
  public long rowsRead() {
    return rowsRead;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (finished) {
      return false;
    }
    try {
      RawRow raw;
      while ((raw = rows.next()) != null) {
        rowsRead++;
        DatasetRecord record = toRecord(raw);
        if (record != null) {
          next = record;
          return true;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read dataset '" + source + "': " + e.getMessage(), e);
    }
    finished = true;
    return false;
  }

  @Override
  public DatasetRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    DatasetRecord r = next;
    next = null;
    return r;
  }

  /** The remaining records as a sequential stream; closing the stream closes this reader. */
  public Stream<DatasetRecord> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /** Reads every remaining record into a list. */
  public List<DatasetRecord> readAll() {
    List<DatasetRecord> out = new ArrayList<>();
    forEachRemaining(out::add);
    return out;
  }

  private DatasetRecord toRecord(RawRow raw) {
    if (raw.issue() != null) {
      return reject(raw.issue());
    }
    Map<String, String> fields = raw.fields();
    String note = fields.get(options.noteField());
    if (note == null) {
      return reject(
          new DatasetIssue(
              Kind.MISSING_COLUMN,
              raw.row(),
              raw.line(),
              raw.byteOffset(),
              options.noteField(),
              "the record has no '" + options.noteField() + "' field"));
    }
    String id = fields.get(options.idField());
    if (id == null || id.isBlank()) {
      id = "row-" + raw.row();
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      String k = e.getKey();
      if (!k.equals(options.idField())
          && !k.equals(options.noteField())
          && !k.equals(options.summaryField())
          && !k.equals(options.instructionField())
          && e.getValue() != null) {
        metadata.put(k, e.getValue());
      }
    }
    return new DatasetRecord(
        id,
        note,
        fields.get(options.summaryField()),
        fields.get(options.instructionField()),
        metadata);
  }

  private DatasetRecord reject(DatasetIssue issue) {
    if (options.strict()) {
      throw new DatasetFormatException(source, issue);
    }
    issues.add(issue);
    return null;
  }

  /** Closes the underlying file. Idempotent. */
  @Override
  public void close() {
    finished = true;
    try {
      rows.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(InputStream in, Exception primary) {
    try {
      in.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }
}
