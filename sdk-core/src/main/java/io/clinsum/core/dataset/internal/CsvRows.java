package io.clinsum.core.dataset.internal;

import io.clinsum.core.dataset.DatasetFormatException;
import io.clinsum.core.dataset.DatasetIssue;
import io.clinsum.core.dataset.DatasetIssue.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV with a header row: quoted fields may hold commas, quotes ({@code ""}) and line
 * breaks; records end with LF or CRLF. Rows whose field count differs from the header's, or with
 * text after a closing quote, come back with an issue; an unclosed quote ends the file with a
 * {@link DatasetFormatException} that names where the quote opened.
 */
public final class CsvRows implements RowSource {
  private final Utf8Source in;
  private final String source;
  private final List<String> header;
  private final StringBuilder field = new StringBuilder(256);
  private final List<String> values = new ArrayList<>();
  private int pushback = -2;
  private long line = 1;
  private long row;
  private String rowError;
  private long rowErrorOffset;

  public CsvRows(Utf8Source in, String source) throws IOException {
    this.in = in;
    this.source = source;
    long start = in.offset();
    if (!readRecord()) {
      throw new DatasetFormatException(
          source,
          new DatasetIssue(
              Kind.NO_ROWS,
              0,
              1,
              0,
              null,
              "the file is empty; a CSV needs a header line naming its columns, such as note,summary"));
    }
    long bad = in.takeMalformedOffset();
    if (bad >= 0 || rowError != null) {
      throw new DatasetFormatException(
          source,
          new DatasetIssue(
              bad >= 0 ? Kind.BAD_ENCODING : Kind.MALFORMED_ROW,
              0,
              1,
              bad >= 0 ? bad : start,
              null,
              bad >= 0
                  ? "the header is not valid UTF-8"
                  : "the header line is malformed: " + rowError));
    }
    List<String> names = new ArrayList<>(values.size());
    for (String v : values) {
      names.add(v.trim());
    }
    this.header = List.copyOf(names);
  }

  /** Column names from the header, trimmed. */
  public List<String> header() {
    return header;
  }

  @Override
  public RawRow next() throws IOException {
    while (true) {
      long startLine = line;
      long startOffset = in.offset() - (pushback >= 0 ? 1 : 0);
      if (!readRecord()) {
        return null;
      }
      if (values.size() == 1 && values.get(0).isEmpty() && rowError == null) {
        continue; // blank line
      }
      row++;
      long bad = in.takeMalformedOffset();
      DatasetIssue issue = null;
      if (bad >= 0) {
        issue =
            new DatasetIssue(
                Kind.BAD_ENCODING,
                row,
                startLine,
                bad,
                null,
                "invalid UTF-8 byte sequence; re-save the file as UTF-8");
      } else if (rowError != null) {
        issue =
            new DatasetIssue(Kind.MALFORMED_ROW, row, startLine, rowErrorOffset, null, rowError);
      } else if (values.size() != header.size()) {
        issue =
            new DatasetIssue(
                Kind.MALFORMED_ROW,
                row,
                startLine,
                startOffset,
                null,
                "has "
                    + values.size()
                    + " fields but the header has "
                    + header.size()
                    + " ("
                    + String.join(",", header)
                    + "); quote fields that contain commas");
      }
      Map<String, String> fields = new LinkedHashMap<>(header.size() * 2);
      for (int i = 0; i < Math.min(values.size(), header.size()); i++) {
        fields.put(header.get(i), values.get(i));
      }
      return new RawRow(row, startLine, startOffset, fields, issue);
    }
  }

  /** Reads one record into {@link #values}; false at end of input. */
  private boolean readRecord() throws IOException {
    values.clear();
    rowError = null;
    int c = read();
    if (c == Utf8Source.EOF) {
      return false;
    }
    while (true) {
      field.setLength(0);
      if (c == '"') {
        c = readQuoted();
      } else {
        while (c != ',' && c != '\n' && c != '\r' && c != Utf8Source.EOF) {
          field.append((char) c);
          c = read();
        }
      }
      values.add(field.toString());
      if (c == ',') {
        c = read();
        continue;
      }
      if (c == '\r') {
        int n = read();
        if (n != '\n') {
          unread(n);
        }
        line++;
      } else if (c == '\n') {
        line++;
      }
      return true;
    }
  }

  /** Reads a quoted field after its opening quote; returns the char after the closing quote. */
  private int readQuoted() throws IOException {
    long quoteLine = line;
    long quoteOffset = in.offset() - 1;
    while (true) {
      int c = read();
      if (c == Utf8Source.EOF) {
        throw new DatasetFormatException(
            source,
            new DatasetIssue(
                Kind.UNBALANCED_QUOTE,
                row + 1,
                quoteLine,
                quoteOffset,
                null,
                "a quoted field opens here and is never closed; the rest of the file cannot be read."
                    + " Double any quote inside a quoted field (\"\")"));
      }
      if (c == '"') {
        int n = read();
        if (n == '"') {
          field.append('"');
          continue;
        }
        if (n != ',' && n != '\n' && n != '\r' && n != Utf8Source.EOF) {
          if (rowError == null) {
            rowError = "text after a closing quote; double any quote inside a quoted field (\"\")";
            rowErrorOffset = in.offset() - 1;
          }
          // Keep the stray text so nothing is lost while reading on to the end of the field.
          while (n != ',' && n != '\n' && n != '\r' && n != Utf8Source.EOF) {
            field.append((char) n);
            n = read();
          }
        }
        return n;
      }
      if (c == '\n') {
        line++;
      }
      field.append((char) c);
    }
  }

  private int read() throws IOException {
    if (pushback != -2) {
      int c = pushback;
      pushback = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    pushback = c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
