package io.clinsum.ee.application.internal;

import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.core.dataset.DatasetWriter;
import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ExportService;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.application.port.SummaryStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

@Stateless
public class ExportServiceBean implements ExportService {
  @Inject SummaryStore summaries;
  @Inject AuditLog audit;

  /** Masks PHI in exported notes and summaries: training data must not carry it. Thread-safe. */
  @Override
  public long writeFineTuningCsv(Actor actor, OutputStream out) {
    audit.recordNow(actor, AuditLog.EXPORTED, "summary", null, "fine-tuning export started");
    long rows;
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
    try (DatasetWriter writer =
        DatasetWriter.open(kept, DatasetFormat.CSV, List.of("note", "summary"), true)) {
      rows =
          summaries.exportReviewed(
              (note, summary) ->
                  writer.writeRow(
                      Map.of(
                          "note",
                          PhiSpans.deidentifier().deidentify(note).text(),
                          "summary",
                          PhiSpans.deidentifier().deidentify(summary).text())));
    } catch (RuntimeException e) {
      // The store may hand the writer's failure back wrapped by the container.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof UncheckedIOException) {
          throw new IllegalStateException("Export failed: the client went away", e);
        }
      }
      throw e;
    }
    audit.record(actor, AuditLog.EXPORTED, "summary", null, rows + " reviewed summaries exported");
    return rows;
  }
}
