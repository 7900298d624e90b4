package io.clinsum.grouping;

import java.util.List;
import java.util.Objects;

/**
 * What is known about one patient for grouping: the summaries of their notes (or the notes
 * themselves when there are no summaries).
 *
 * @param patientId the patient's identifier
 * @param texts at least one text
 */
public record PatientTexts(String patientId, List<String> texts) {
  public PatientTexts {
    Objects.requireNonNull(patientId, "patientId");
    texts = List.copyOf(texts);
    if (texts.isEmpty()) {
      throw new IllegalArgumentException(
          "patient " + patientId + " has no text to group by; leave them out until summarized");
    }
  }

  /** One patient with one text. */
  public static PatientTexts of(String patientId, String text) {
    return new PatientTexts(patientId, List.of(text));
  }
}
