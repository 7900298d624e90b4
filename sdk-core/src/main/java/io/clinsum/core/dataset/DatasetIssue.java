package io.clinsum.core.dataset;

import java.util.Objects;

/**
 * A problem found in one place of a dataset.
 *
 * @param kind what is wrong
 * @param row the data row (1 = first record after a CSV header or first JSON line), or 0 for the
 *     file as a whole (its header, its length)
 * @param line the physical line where the row starts (1-based), or 0 when unknown
 * @param byteOffset byte offset from the start of the file where the problem is, or -1
 * @param field the field concerned, or {@code null}
 * @param message what is wrong and what to do
 */
public record DatasetIssue(
    Kind kind, long row, long line, long byteOffset, String field, String message) {

  /** Kinds of dataset problems. */
  public enum Kind {
    /** The file or its header is missing a required column. */
    MISSING_COLUMN,
    /** A row has more or fewer fields than the header, or text after a closing quote. */
    MALFORMED_ROW,
    /** A quoted CSV field is never closed. */
    UNBALANCED_QUOTE,
    /** A JSON line does not parse or is not an object. */
    INVALID_JSON,
    /** A field has the wrong JSON type (an object where text was expected). */
    WRONG_TYPE,
    /** Bytes that are not valid UTF-8. */
    BAD_ENCODING,
    /** The note is empty or only whitespace. */
    EMPTY_NOTE,
    /** The summary is empty or only whitespace. */
    EMPTY_SUMMARY,
    /** The record has no summary although one is required. */
    MISSING_SUMMARY,
    /** The same id or the same note appears earlier. */
    DUPLICATE,
    /** The note or summary is longer than the configured limit. */
    OVER_LONG,
    /** The file has a header but no data rows, or no content at all. */
    NO_ROWS
  }

  public DatasetIssue {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** Where the problem is, such as {@code row 12 (line 14, byte 1803), field 'note'}. */
  public String location() {
    StringBuilder sb = new StringBuilder();
    sb.append(row > 0 ? "row " + row : "file");
    if (line > 0 || byteOffset >= 0) {
      sb.append(" (");
      if (line > 0) {
        sb.append("line ").append(line);
      }
      if (byteOffset >= 0) {
        sb.append(line > 0 ? ", " : "").append("byte ").append(byteOffset);
      }
      sb.append(')');
    }
    if (field != null) {
      sb.append(", field '").append(field).append('\'');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return location() + ": " + kind + ": " + message;
  }
}
