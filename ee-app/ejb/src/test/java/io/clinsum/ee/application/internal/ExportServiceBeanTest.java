package io.clinsum.ee.application.internal;

import static io.clinsum.ee.application.internal.TestApp.ADMIN;
import static io.clinsum.ee.application.internal.TestApp.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.domain.model.summary.Summary;
import io.clinsum.ee.testing.InMemoryAuditLog.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExportServiceBeanTest {
  private final TestApp app = new TestApp();

  @AfterEach
  void close() {
    app.close();
  }

  private Summary summary(String note, String text) {
    return app.summaries.add(app.notes.add("P-" + note.hashCode(), note), text);
  }

  @Test
  void writeFineTuningCsv_onlyApprovedAndEdited_withHeaderAndAudit() {
    Summary approved = summary("Chest pain since morning.", "Chest pain.");
    Summary edited = summary("Cough, fever.", "Cough.");
    Summary rejected = summary("Headache.", "Wrong.");
    summary("Not reviewed yet.", "Pending.");
    app.review.approve(REVIEWER, approved.getId(), 0, null);
    app.review.edit(REVIEWER, edited.getId(), 0, "Cough and fever.", null);
    app.review.reject(REVIEWER, rejected.getId(), 0, "wrong");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long rows = app.export.writeFineTuningCsv(ADMIN, out);

    assertThat(rows).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "note,summary\nChest pain since morning.,Chest pain.\n\"Cough, fever.\",Cough and"
                + " fever.\n");
    assertThat(app.audit.events(AuditLog.EXPORTED))
        .extracting(Event::detail, Event::now)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fine-tuning export started", true),
            org.assertj.core.groups.Tuple.tuple("2 reviewed summaries exported", false));
  }

  @Test
  void writeFineTuningCsv_phiInNoteAndSummary_masked() {
    Summary s =
        summary(
            "Mr. John Smith, MRN: 7781234, seen 03/14/2021 with Parkinson disease.",
            "Smith: Parkinson disease.");
    app.review.approve(REVIEWER, s.getId(), 0, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    app.export.writeFineTuningCsv(ADMIN, out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "note,summary\n\"Mr. [NAME], MRN: [MRN], seen [DATE] with Parkinson disease.\","
                + "[NAME]: Parkinson disease.\n");
  }

  @Test
  void writeFineTuningCsv_formulaInNote_neutralised() {
    Summary s = summary("=HYPERLINK(\"http://evil.example/\") Chest pain.", "Chest pain.");
    app.review.approve(REVIEWER, s.getId(), 0, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    app.export.writeFineTuningCsv(ADMIN, out);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"'=HYPERLINK(")
        .doesNotContain("\n=");
  }

  @Test
  void writeFineTuningCsv_nothingReviewed_headerOnly() {
    summary("Note.", "Summary.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(app.export.writeFineTuningCsv(ADMIN, out)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("note,summary\n");
  }

  @Test
  void writeFineTuningCsv_callersStream_leftOpen() {
    boolean[] closed = {false};
    OutputStream out =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    app.export.writeFineTuningCsv(ADMIN, out);
    assertThat(closed[0]).isFalse();
  }

  @Test
  void writeFineTuningCsv_clientGoesAway_failsSayingSo_startStillAudited() {
    Summary s = summary("Note.", "Summary.");
    app.review.approve(REVIEWER, s.getId(), 0, null);
    OutputStream gone =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("broken pipe");
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("broken pipe");
          }
        };

    assertThatThrownBy(() -> app.export.writeFineTuningCsv(ADMIN, gone))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Export failed: the client went away");
    assertThat(app.audit.events(AuditLog.EXPORTED))
        .extracting(Event::detail)
        .containsExactly("fine-tuning export started");
  }
}
