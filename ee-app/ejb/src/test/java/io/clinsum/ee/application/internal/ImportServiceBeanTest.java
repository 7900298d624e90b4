package io.clinsum.ee.application.internal;

import static io.clinsum.ee.application.internal.TestApp.CLINICIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.ee.application.ImportMode;
import io.clinsum.ee.application.ImportReport;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.domain.model.job.JobKind;
import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.testing.InMemoryJobStore.Row;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bulk import: rows, bad rows, both modes, duplicates, and failures of the file or database. */
class ImportServiceBeanTest {
  private static final String HEADER = "patient_id,note_type,recorded_at,note\n";
  private static final String GOOD =
      HEADER
          + "P-1,progress,2024-03-01T10:00:00Z,Chest pain.\n"
          + "P-1,discharge,2024-03-02,Discharged home.\n"
          + "P-2,progress,,Cough for three days.\n";
  private static final String ONE_BAD =
      HEADER
          + "P-1,progress,,Chest pain.\n"
          + ",progress,,No patient.\n"
          + "P-2,progress,yesterday,Bad date.\n"
          + "P-3,progress,,Fine.\n";

  private final TestApp app = new TestApp();

  @AfterEach
  void close() {
    app.close();
  }

  private ImportReport importCsv(String csv, ImportMode mode) {
    return app.imports.importNotes(CLINICIAN, in(csv), DatasetFormat.CSV, mode, "ward.csv");
  }

  private static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private Row job(ImportReport r) {
    return app.jobs.row(r.jobId());
  }

  @Test
  void importNotes_validFile_everyRowStoredAndJobSucceeded() {
    ImportReport r = importCsv(GOOD, ImportMode.VALID);

    assertThat(r.committed()).isTrue();
    assertThat(r.rows()).isEqualTo(3);
    assertThat(r.inserted()).isEqualTo(3);
    assertThat(r.rejected()).isZero();
    assertThat(r.failure()).isNull();
    assertThat(app.notes.all())
        .extracting(n -> n.getPatient().getExternalId())
        .containsExactly("P-1", "P-1", "P-2");
    assertThat(app.notes.all().get(0).getSource()).isEqualTo("ward.csv");
    assertThat(app.notes.all().get(0).getCreatedBy()).isEqualTo("carl");
    assertThat(job(r).kind).isEqualTo(JobKind.IMPORT);
    assertThat(job(r).status).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job(r).total).isEqualTo(3);
    assertThat(job(r).processed).isEqualTo(3);
    assertThat(job(r).succeeded).isEqualTo(3);
    assertThat(job(r).parameters).isEqualTo("format=CSV mode=VALID");
    assertThat(app.tx.commits()).isEqualTo(1);
    assertThat(app.tx.timeout()).isEqualTo(3600);
    assertThat(app.audit.events(AuditLog.NOTES_IMPORTED))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.entityId()).isEqualTo(r.jobId());
              assertThat(e.detail()).isEqualTo("3 notes from ward.csv");
            });
  }

  @Test
  void importNotes_sameFileTwice_secondAllDuplicatesNotCommitted() {
    importCsv(GOOD, ImportMode.VALID);

    ImportReport again = importCsv(GOOD, ImportMode.VALID);

    assertThat(again.inserted()).isZero();
    assertThat(again.duplicates()).isEqualTo(3);
    assertThat(again.committed()).as("nothing new").isFalse();
    assertThat(app.notes.all()).hasSize(3);
    assertThat(job(again).status).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void importNotes_badRowsModeValid_goodRowsStoredBadOnesReportedByRowAndField() {
    ImportReport r = importCsv(ONE_BAD, ImportMode.VALID);

    assertThat(r.inserted()).isEqualTo(2);
    assertThat(r.rejected()).isEqualTo(2);
    assertThat(r.errors())
        .extracting(JobErrorView::row, JobErrorView::field)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(2L, "patient_id"),
            org.assertj.core.groups.Tuple.tuple(3L, "recorded_at"));
    assertThat(job(r).status).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(job(r).failed).isEqualTo(2);
    assertThat(app.jobs.errorsOf(r.jobId())).hasSize(2);
  }

  @Test
  void importNotes_badRowsModeAll_nothingStoredJobFailedEveryBadRowReported() {
    ImportReport r = importCsv(ONE_BAD, ImportMode.ALL);

    assertThat(r.committed()).isFalse();
    assertThat(r.inserted()).isZero();
    assertThat(r.rejected()).isEqualTo(2);
    assertThat(r.errors()).hasSize(2);
    assertThat(r.failure()).as("the rows failed, not the server").isNull();
    assertThat(app.notes.all()).isEmpty();
    assertThat(app.tx.rollbacks()).isEqualTo(1);
    assertThat(job(r).status).isEqualTo(JobStatus.FAILED);
    assertThat(job(r).error).isEqualTo("2 invalid rows; nothing was stored (mode ALL)");
    assertThat(app.audit.events(AuditLog.NOTES_IMPORTED)).isEmpty();
  }

  @Test
  void importNotes_validFileModeAll_stored() {
    ImportReport r = importCsv(GOOD, ImportMode.ALL);
    assertThat(r.inserted()).isEqualTo(3);
    assertThat(job(r).status).isEqualTo(JobStatus.SUCCEEDED);
  }

  @Test
  void importNotes_fileWithoutNoteColumn_failedWithTheFormatIssue() {
    ImportReport r = importCsv("patient_id,note_type,text\nP-1,x,hello\n", ImportMode.VALID);

    assertThat(r.committed()).isFalse();
    assertThat(r.rejected()).isEqualTo(1);
    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("note"));
    assertThat(job(r).status).isEqualTo(JobStatus.FAILED);
    assertThat(job(r).error).contains("note");
  }

  @Test
  void importNotes_databaseFailsMidway_rolledBackFailedAndTheReportSaysTryAgain() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < ImportServiceBean.BATCH + 10; i++) {
      csv.append("P-").append(i).append(",progress,,Note ").append(i).append(".\n");
    }
    app.notes.failAfterBatches(1); // the first batch of 2000 goes in, the rest fails

    ImportReport r = importCsv(csv.toString(), ImportMode.VALID);

    assertThat(r.committed()).isFalse();
    assertThat(r.inserted()).isZero();
    assertThat(r.failure())
        .isEqualTo(
            "The import failed and nothing was stored (SQLException); the job's rows were rolled"
                + " back, try again");
    assertThat(app.notes.all()).as("the first batch rolled back too").isEmpty();
    assertThat(job(r).status).isEqualTo(JobStatus.FAILED);
    assertThat(app.audit.events(AuditLog.NOTES_IMPORTED)).isEmpty();
  }

  @Test
  void importNotes_textFormat_refusedBeforeAnyJob() {
    assertThatThrownBy(
            () ->
                app.imports.importNotes(
                    CLINICIAN, in("x"), DatasetFormat.TEXT, ImportMode.VALID, "a.txt"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("csv or jsonl");
    assertThat(app.jobs.count(null, null)).isZero();
  }

  @Test
  void importNotes_jsonLines_stored() {
    String jsonl =
        "{\"patient_id\":\"P-1\",\"note_type\":\"progress\",\"note\":\"Chest pain.\"}\n"
            + "{\"patient_id\":\"P-2\",\"note_type\":\"progress\",\"note\":\"Cough.\"}\n";
    ImportReport r =
        app.imports.importNotes(
            CLINICIAN, in(jsonl), DatasetFormat.JSONL, ImportMode.VALID, "notes.jsonl");
    assertThat(r.inserted()).isEqualTo(2);
  }

  @Test
  void importNotes_afterwards_noLongerRegisteredAsRunningHere() {
    ImportReport r = importCsv(GOOD, ImportMode.VALID);
    // Put it back to RUNNING as if its end was never recorded: the supervisor may end it now.
    job(r).status = JobStatus.RUNNING;
    app.clock.advance(JobSupervisor.IMPORT_GRACE.plusSeconds(1));

    app.supervisor.endOrphanImports();

    assertThat(job(r).status)
        .as("committed: its audit event exists")
        .isEqualTo(JobStatus.SUCCEEDED);
  }
}
