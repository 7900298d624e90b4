package io.clinsum.core.dataset.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.clinsum.core.dataset.DatasetIssue;
import io.clinsum.core.dataset.DatasetIssue.Kind;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Lines: one object per line; blank lines are skipped. Strings, numbers and booleans become
 * text; a nested object or array in a field comes back as a {@link Kind#WRONG_TYPE} issue; a line
 * that does not parse as {@link Kind#INVALID_JSON} with its line and column.
 */
public final class JsonLinesRows implements RowSource {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Utf8Source in;
  private final StringBuilder text = new StringBuilder(1024);
  private long line;
  private long row;

  public JsonLinesRows(Utf8Source in) {
    this.in = in;
  }

  @Override
  public RawRow next() throws IOException {
    while (true) {
      long offset = in.offset();
      if (!readLine()) {
        return null;
      }
      line++;
      if (isBlank(text)) {
        in.takeMalformedOffset();
        continue;
      }
      row++;
      long bad = in.takeMalformedOffset();
      if (bad >= 0) {
        return new RawRow(
            row,
            line,
            offset,
            Map.of(),
            new DatasetIssue(
                Kind.BAD_ENCODING,
                row,
                line,
                bad,
                null,
                "invalid UTF-8 byte sequence; re-save the file as UTF-8"));
      }
      return parse(offset);
    }
  }

  private RawRow parse(long offset) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(text.toString())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return invalid(offset, "is not a JSON object; each line must be {\"note\": ..., ...}");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          return new RawRow(
              row,
              line,
              offset,
              fields,
              new DatasetIssue(
                  Kind.WRONG_TYPE,
                  row,
                  line,
                  offset,
                  name,
                  "is a JSON "
                      + (v == JsonToken.START_OBJECT ? "object" : "array")
                      + "; expected text"));
        }
        fields.put(name, v == JsonToken.VALUE_NULL ? null : p.getText());
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return invalid(offset, "has content after the end of the JSON object");
      }
    } catch (JsonParseException e) {
      long column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      return invalid(
          offset, "is not valid JSON at column " + column + ": " + e.getOriginalMessage());
    }
    return new RawRow(row, line, offset, fields, null);
  }

  private RawRow invalid(long offset, String message) {
    return new RawRow(
        row,
        line,
        offset,
        Map.of(),
        new DatasetIssue(Kind.INVALID_JSON, row, line, offset, null, "the line " + message));
  }

  private boolean readLine() throws IOException {
    text.setLength(0);
    int c = in.read();
    if (c == Utf8Source.EOF) {
      return false;
    }
    while (c != '\n' && c != Utf8Source.EOF) {
      text.append((char) c);
      c = in.read();
    }
    if (text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
      text.setLength(text.length() - 1);
    }
    return true;
  }

  private static boolean isBlank(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
