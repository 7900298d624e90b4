package io.clinsum.core.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.clinsum.core.ConfigurationException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes rows as CSV (with a header) or JSON Lines, in UTF-8.
 *
 * <pre>{@code
 * try (DatasetWriter out = DatasetWriter.open(Path.of("train.csv"), List.of("note", "summary"))) {
 *   out.write(record);
 * }
 * }</pre>
 *
 * <p>A file is written to a temporary sibling and moved into place by {@link #close()}, so a reader
 * never sees half a file and a failed run leaves any earlier file untouched; {@link #abort()}
 * discards the output. With formula neutralisation on, CSV cells that start with {@code = + - @} or
 * a tab get a leading apostrophe so spreadsheets do not run them.
 */
public final class DatasetWriter implements AutoCloseable {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final DatasetFormat format;
  private final List<String> columns;
  private final boolean neutralizeFormulas;
  private final Path target;
  private final Path temp;
  private final Writer writer;
  private final JsonGenerator json;
  private boolean closed;

  private DatasetWriter(
      Path target,
      Path temp,
      OutputStream out,
      DatasetFormat format,
      List<String> columns,
      boolean neutralizeFormulas)
      throws IOException {
    this.target = target;
    this.temp = temp;
    this.format = format;
    this.columns = List.copyOf(columns);
    this.neutralizeFormulas = neutralizeFormulas;
    this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    if (format == DatasetFormat.JSONL) {
      json = JSON.createGenerator(writer);
      json.setRootValueSeparator(new SerializedString("\n"));
    } else {
      json = null;
      for (int i = 0; i < this.columns.size(); i++) {
        writeCsvCell(i, this.columns.get(i));
      }
      writer.write('\n');
    }
  }

  /** Opens {@code path} for the given columns, with the format taken from its extension. */
  public static DatasetWriter open(Path path, List<String> columns) {
    return open(path, DatasetFormat.of(path), columns, false);
  }

  /** Opens {@code path} for the given columns. */
  public static DatasetWriter open(
      Path path, DatasetFormat format, List<String> columns, boolean neutralizeFormulas) {
    if (format == DatasetFormat.TEXT) {
      throw new ConfigurationException("Cannot write datasets as text; use .csv or .jsonl");
    }
    Path absolute = path.toAbsolutePath();
    try {
      Path dir = absolute.getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
      return new DatasetWriter(
          absolute, temp, Files.newOutputStream(temp), format, columns, neutralizeFormulas);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write '" + path + "': " + e.getMessage(), e);
    }
  }

  /** Writes to {@code out} directly (no temporary file); the writer owns and closes it. */
  public static DatasetWriter open(
      OutputStream out, DatasetFormat format, List<String> columns, boolean neutralizeFormulas) {
    try {
      return new DatasetWriter(null, null, out, format, columns, neutralizeFormulas);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The columns, in order. */
  public List<String> columns() {
    return columns;
  }

  /** Writes a record: fields id, note, summary, instruction, then metadata by name. */
  public void write(DatasetRecord record) {
    writeRow(
        name ->
            switch (name) {
              case "id" -> record.id();
              case "note" -> record.note();
              case "summary" -> record.summary();
              case "instruction" -> record.instruction();
              default -> record.metadata().get(name);
            });
  }

  /** Writes one row, taking each column's value from {@code values} (missing means empty). */
  public void writeRow(Map<String, ?> values) {
    writeRow(
        name -> {
          Object v = values.get(name);
          return v == null ? null : v.toString();
        });
  }

  private void writeRow(java.util.function.Function<String, String> value) {
    ensureOpen();
    try {
      if (json != null) {
        json.writeStartObject();
        for (String c : columns) {
          String v = value.apply(c);
          if (v != null) {
            json.writeStringField(c, v);
          }
        }
        json.writeEndObject();
      } else {
        for (int i = 0; i < columns.size(); i++) {
          String v = value.apply(columns.get(i));
          writeCsvCell(i, v == null ? "" : v);
        }
        writer.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write '" + target + "': " + e.getMessage(), e);
    }
  }

  private void writeCsvCell(int index, String v) throws IOException {
    if (index > 0) {
      writer.write(',');
    }
    if (neutralizeFormulas && !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      writer.write(v);
      return;
    }
    writer.write('"');
    int from = 0;
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) == '"') {
        writer.write(v, from, i - from + 1);
        writer.write('"');
        from = i + 1;
      }
    }
    writer.write(v, from, v.length() - from);
    writer.write('"');
  }

  /** Finishes the file and moves it into place. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (json != null) {
        json.writeRaw('\n');
        json.close();
      }
      writer.close();
      if (temp != null) {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot finish '" + target + "': " + e.getMessage(), e);
    }
  }

  /** Discards what was written; an earlier file at the target path stays as it was. */
  public void abort() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.close();
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException(
          "writer for " + Objects.toString(target, "stream") + " is closed");
    }
  }
}
