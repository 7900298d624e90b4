package io.clinsum.ee.application.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.ee.application.JobErrorView;
import io.clinsum.ee.domain.model.note.NoteDetails;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportRowsTest {
  private final List<JobErrorView> errors = new ArrayList<>();
  private final ImportServiceBean.Counts counts = new ImportServiceBean.Counts();

  private NoteDetails details(String id, Map<String, String> metadata, String text, long row) {
    return ImportServiceBean.details(
        new DatasetRecord(id, text, null, null, metadata), "upload", row, errors, counts);
  }

  @Test
  void details_fullRow_mapsEveryColumn() {
    NoteDetails d =
        details(
            "N-7",
            Map.of(
                "patient_id", "P-1",
                "note_type", "discharge",
                "author_role", "physician",
                "recorded_at", "2024-03-01T14:30:00Z"),
            "Text.",
            3);
    assertThat(d.patientExternalId()).isEqualTo("P-1");
    assertThat(d.externalId()).isEqualTo("N-7");
    assertThat(d.authorRole()).isEqualTo("physician");
    assertThat(d.source()).isEqualTo("upload");
    assertThat(d.recordedAt()).isEqualTo(Instant.parse("2024-03-01T14:30:00Z"));
    assertThat(errors).isEmpty();
  }

  @Test
  void details_rowWithoutNoteId_hasNoExternalId() {
    NoteDetails d = details("row-4", Map.of("patient_id", "P", "note_type", "x"), "T", 4);
    assertThat(d.externalId()).isNull();
  }

  @Test
  void details_badDateAndMissingPatient_reportsBothWithRow() {
    NoteDetails d = details("row-9", Map.of("note_type", "x", "recorded_at", "yesterday"), "T", 9);
    assertThat(d).isNull();
    assertThat(errors)
        .extracting(JobErrorView::field)
        .containsExactlyInAnyOrder("recorded_at", "patient_id");
    assertThat(errors).allSatisfy(e -> assertThat(e.row()).isEqualTo(9));
    assertThat(counts.rejected).isEqualTo(1);
  }

  @Test
  void parseTime_acceptsInstantLocalDateTimeAndDate() {
    assertThat(ImportServiceBean.parseTime("2024-03-01T14:30:00+01:00"))
        .isEqualTo(Instant.parse("2024-03-01T13:30:00Z"));
    assertThat(ImportServiceBean.parseTime("2024-03-01T14:30"))
        .isEqualTo(Instant.parse("2024-03-01T14:30:00Z"));
    assertThat(ImportServiceBean.parseTime("2024-03-01"))
        .isEqualTo(Instant.parse("2024-03-01T00:00:00Z"));
    assertThatThrownBy(() -> ImportServiceBean.parseTime("03/01/2024"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
