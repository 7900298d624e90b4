package io.clinsum.ee.infrastructure.batch;

import io.clinsum.ee.domain.model.note.PendingNote;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;

/**
 * Reads notes that have no summary, in id order, a page at a time. Its checkpoint is the last note
 * id handed out; after a crash the job starts again from the last checkpoint, and notes summarized
 * since are skipped because the query asks only for notes without a summary.
 */
@Named
@Dependent
public class PendingNoteReader extends AbstractItemReader {
  private static final int PAGE = 200;
  private static final String QUERY =
      "SELECT n.id, n.text FROM note n WHERE n.id > ?"
          + " AND NOT EXISTS (SELECT 1 FROM summary s WHERE s.note_id = n.id)"
          + " ORDER BY n.id LIMIT "
          + PAGE;

  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  private final Deque<PendingNote> page = new ArrayDeque<>();
  private long lastId;
  private boolean exhausted;

  @Override
  public void open(Serializable checkpoint) {
    lastId = checkpoint == null ? 0 : (Long) checkpoint;
    page.clear();
    exhausted = false;
  }

  @Override
  public Object readItem() throws Exception {
    if (page.isEmpty() && !exhausted) {
      fetch();
    }
    PendingNote next = page.poll();
    if (next != null) {
      lastId = next.id();
    }
    return next;
  }

  private void fetch() throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(QUERY)) {
      ps.setLong(1, lastId); // called only when the page is used up
      try (ResultSet rs = ps.executeQuery()) {
        int n = 0;
        while (rs.next()) {
          page.add(new PendingNote(rs.getLong(1), rs.getString(2)));
          n++;
        }
        exhausted = n < PAGE;
      }
    }
  }

  @Override
  public Serializable checkpointInfo() {
    return lastId;
  }
}
