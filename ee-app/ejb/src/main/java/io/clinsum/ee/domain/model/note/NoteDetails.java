package io.clinsum.ee.domain.model.note;

import java.time.Instant;
import java.util.Objects;

/**
 * What a caller says about a new note; validated by {@link NoteRules} before it is stored.
 *
 * @param patientExternalId the patient's identifier in the sending system
 * @param externalId the note's identifier in the sending system, if any
 * @param noteType such as {@code discharge}, {@code progress}, {@code nursing}
 * @param authorRole such as {@code physician}, {@code nurse}
 * @param source the sending system or file
 * @param recordedAt when the note was written, if known
 * @param text the note, verbatim
 */
public record NoteDetails(
    String patientExternalId,
    String externalId,
    String noteType,
    String authorRole,
    String source,
    Instant recordedAt,
    String text) {
  public NoteDetails {
    Objects.requireNonNull(patientExternalId, "patientExternalId");
    Objects.requireNonNull(noteType, "noteType");
    Objects.requireNonNull(text, "text");
  }
}
