package io.clinsum.ee.application.internal;

import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.core.dataset.DatasetWriter;
import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ExportService;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

@Stateless
public class ExportServiceBean implements ExportService {
  private static final String QUERY =
      "SELECT n.text, s.text FROM summary s JOIN note n ON n.id = s.note_id"
          + " WHERE s.state IN ('APPROVED', 'EDITED') ORDER BY s.id";

  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  @EJB private AuditTrail audit;

  @Override
  public long writeFineTuningCsv(Actor actor, OutputStream out) {
    audit.recordNow(actor, AuditTrail.EXPORTED, "summary", null, "fine-tuning export started");
    long rows = 0;
    // The caller owns the stream: the writer may flush it but not close it.
    OutputStream kept =
        new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            flush();
          }
        };
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(QUERY);
        DatasetWriter writer =
            DatasetWriter.open(kept, DatasetFormat.CSV, List.of("note", "summary"), true)) {
      ps.setFetchSize(500);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          writer.writeRow(Map.of("note", rs.getString(1), "summary", rs.getString(2)));
          rows++;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Export failed: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("Export failed: the client went away", e);
    }
    audit.record(
        actor, AuditTrail.EXPORTED, "summary", null, rows + " reviewed summaries exported");
    return rows;
  }
}
