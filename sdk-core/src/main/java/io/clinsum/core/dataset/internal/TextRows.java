package io.clinsum.core.dataset.internal;

import io.clinsum.core.dataset.DatasetIssue;
import io.clinsum.core.dataset.DatasetIssue.Kind;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain-text file read as a single note, with the file's base name as its id. */
public final class TextRows implements RowSource {
  private final Utf8Source in;
  private final String id;
  private final String noteField;
  private final String idField;
  private boolean done;

  public TextRows(Utf8Source in, String id, String idField, String noteField) {
    this.in = in;
    this.id = id;
    this.idField = idField;
    this.noteField = noteField;
  }

  @Override
  public RawRow next() throws IOException {
    if (done) {
      return null;
    }
    done = true;
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != Utf8Source.EOF; c = in.read()) {
      sb.append((char) c);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(idField, id);
    fields.put(noteField, sb.toString());
    long bad = in.takeMalformedOffset();
    DatasetIssue issue =
        bad < 0
            ? null
            : new DatasetIssue(
                Kind.BAD_ENCODING,
                1,
                1,
                bad,
                null,
                "invalid UTF-8 byte sequence; re-save the file as UTF-8");
    return new RawRow(1, 1, 0, fields, issue);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
