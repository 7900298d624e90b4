package io.clinsum.ee.application.internal;

import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.core.dataset.DatasetFormatException;
import io.clinsum.core.dataset.DatasetIssue;
import io.clinsum.core.dataset.DatasetOptions;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ImportMode;
import io.clinsum.ee.application.ImportReport;
import io.clinsum.ee.application.ImportService;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.application.port.JobStore;
import io.clinsum.ee.application.port.NoteStore;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.domain.model.job.JobTransition;
import io.clinsum.ee.domain.model.job.NewJob;
import io.clinsum.ee.domain.model.note.NoteDetails;
import io.clinsum.ee.domain.model.note.NoteRules;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Streams a file of notes into the database in one transaction of its own (up to an hour), {@value
 * #BATCH} rows per statement pair, reporting every bad row by number, line, byte offset and field.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class ImportServiceBean implements ImportService {
  static final int BATCH = 2000;
  private static final int PROGRESS_EVERY = 10_000;
  private static final Logger LOG = Logger.getLogger(ImportServiceBean.class.getName());

  @Resource UserTransaction tx;
  @Inject JobStore jobs;
  @Inject NoteStore notes;
  @EJB JobSupervisor supervisor;
  @Inject AuditLog audit;

  @Override
  public ImportReport importNotes(
      Actor actor, InputStream in, DatasetFormat format, ImportMode mode, String source) {
    if (format == DatasetFormat.TEXT) {
      throw new InvalidInputException("format", "must be csv or jsonl");
    }
    long jobId =
        Jobs.create(
            jobs,
            NewJob.running(
                JobKind.IMPORT,
                actor.username(),
                "format=" + format + " mode=" + mode,
                supervisor.runner()));
    supervisor.importStarted(jobId);
    try {
      return importInto(jobId, actor, in, format, mode, source);
    } finally {
      supervisor.importEnded(jobId);
    }
  }

  private ImportReport importInto(
      long jobId,
      Actor actor,
      InputStream in,
      DatasetFormat format,
      ImportMode mode,
      String source) {
    Counts counts = new Counts();
    List<JobErrorView> errors = new ArrayList<>();
    boolean committed = false;
    String failure = null;
    try {
      tx.setTransactionTimeout(3600);
      tx.begin();
      try (DatasetReader reader = DatasetReader.open(in, format, options(), source)) {
        List<NoteDetails> batch = new ArrayList<>(BATCH);
        long lastProgress = 0;
        while (reader.hasNext()) {
          DatasetRecord record = reader.next();
          counts.rows = reader.rowsRead();
          drainIssues(reader, counts, errors);
          NoteDetails details = details(record, source, counts.rows, errors, counts);
          if (details == null) {
            continue;
          }
          if (mode == ImportMode.ALL && counts.rejected > 0) {
            continue; // keep reading to report every bad row, but store nothing
          }
          batch.add(details);
          if (batch.size() == BATCH) {
            counts.flush(notes.insertBatch(batch, actor.username()), batch.size());
            batch.clear();
          }
          if (counts.rows - lastProgress >= PROGRESS_EVERY) {
            jobs.progress(jobId, counts.rows - lastProgress, 0, 0);
            lastProgress = counts.rows;
          }
        }
        counts.rows = reader.rowsRead();
        drainIssues(reader, counts, errors);
        if (!(mode == ImportMode.ALL && counts.rejected > 0)) {
          counts.flush(notes.insertBatch(batch, actor.username()), batch.size());
        }
        jobs.progress(jobId, counts.rows - lastProgress, 0, 0);
      }
      if (mode == ImportMode.ALL && counts.rejected > 0) {
        tx.rollback();
        counts.inserted = 0;
        counts.duplicates = 0;
      } else {
        audit.record(
            actor,
            AuditLog.NOTES_IMPORTED,
            "job",
            jobId,
            counts.inserted + " notes from " + source);
        tx.commit();
        committed = counts.inserted > 0;
      }
    } catch (DatasetFormatException e) {
      rollback();
      counts.inserted = 0;
      counts.duplicates = 0;
      errors.add(error(e.issue()));
      counts.rejected++;
      failure = e.getMessage();
    } catch (Exception e) {
      rollback();
      counts.inserted = 0;
      counts.duplicates = 0;
      failure =
          "The import failed and nothing was stored ("
              + rootClass(e)
              + "); the job's rows were rolled back, try again";
      // The class only: database messages can quote the rows' text.
      LOG.warning(() -> "Import job " + jobId + " failed: " + rootClass(e));
    }
    List<JobErrorView> kept =
        errors.size() > ImportReport.MAX_ERRORS
            ? errors.subList(0, ImportReport.MAX_ERRORS)
            : errors;
    JobStatus status =
        failure != null || (mode == ImportMode.ALL && counts.rejected > 0)
            ? JobStatus.FAILED
            : JobStatus.SUCCEEDED;
    String summary =
        failure != null
            ? failure
            : status == JobStatus.FAILED
                ? counts.rejected + " invalid rows; nothing was stored (mode ALL)"
                : null;
    try {
      jobs.progress(jobId, 0, counts.inserted, counts.rejected);
      jobs.finishImport(jobId, JobTransition.finish(status, summary), counts.rows, kept);
    } catch (RuntimeException e) {
      // The notes are committed (or rolled back) already; only the job record is behind.
      LOG.warning(() -> "Import job " + jobId + ": cannot record its end: " + rootClass(e));
    }
    return new ImportReport(
        jobId,
        mode,
        committed,
        counts.rows,
        counts.inserted,
        counts.duplicates,
        counts.rejected,
        List.copyOf(kept),
        errors.size() > kept.size(),
        failure != null && counts.rejected == 0 ? failure : null);
  }

  private static DatasetOptions options() {
    return DatasetOptions.builder().idField("note_id").noteField("note").lenient(true).build();
  }

  private static void drainIssues(DatasetReader reader, Counts counts, List<JobErrorView> errors) {
    List<DatasetIssue> issues = reader.issues();
    for (int i = counts.issuesSeen; i < issues.size(); i++) {
      errors.add(error(issues.get(i)));
      counts.rejected++;
    }
    counts.issuesSeen = issues.size();
  }

  private static JobErrorView error(DatasetIssue issue) {
    return new JobErrorView(
        issue.row() > 0 ? issue.row() : null,
        null,
        issue.field(),
        issue.location(),
        issue.message());
  }

  /** The note in {@code record}, or null after adding its problems to {@code errors}. */
  static NoteDetails details(
      DatasetRecord record, String source, long row, List<JobErrorView> errors, Counts counts) {
    Map<String, String> m = record.metadata();
    List<JobErrorView> problems = new ArrayList<>();
    Instant recordedAt = null;
    String recorded = blankToNull(m.get("recorded_at"));
    if (recorded != null) {
      try {
        recordedAt = parseTime(recorded);
      } catch (DateTimeParseException e) {
        problems.add(
            new JobErrorView(
                row,
                null,
                "recorded_at",
                "row " + row,
                "is not a date or time (use ISO 8601, such as 2024-03-01T14:30:00Z)"));
      }
    }
    String patient = blankToNull(m.get("patient_id"));
    String type = blankToNull(m.get("note_type"));
    // The reader names rows without an id "row-N"; those notes have no external id.
    String externalId = record.id().equals("row-" + row) ? null : record.id();
    NoteDetails details =
        new NoteDetails(
            patient == null ? "" : patient,
            blankToNull(externalId),
            type == null ? "" : type,
            blankToNull(m.get("author_role")),
            blankToNull(m.getOrDefault("source", source)),
            recordedAt,
            record.note());
    for (NoteRules.Violation v : NoteRules.check(details)) {
      problems.add(new JobErrorView(row, null, v.field(), "row " + row, v.message()));
    }
    if (problems.isEmpty()) {
      return details;
    }
    errors.addAll(problems);
    counts.rejected++;
    return null;
  }

  static Instant parseTime(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void rollback() {
    try {
      if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
        tx.rollback();
      }
    } catch (SystemException | IllegalStateException | SecurityException e) {
      LOG.warning(() -> "Rollback of an import failed: " + e.getMessage());
    }
  }

  private static String rootClass(Throwable e) {
    return Failures.rootCause(e).getClass().getSimpleName();
  }

  /** Running totals of one import. */
  static final class Counts {
    long rows;
    long inserted;
    long duplicates;
    long rejected;
    int issuesSeen;

    void flush(int inserted, int attempted) {
      this.inserted += inserted;
      this.duplicates += attempted - inserted;
    }
  }
}
