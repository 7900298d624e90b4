package io.clinsum.ee.arquillian;

import io.clinsum.core.dataset.DatasetFormat;
import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ImportMode;
import io.clinsum.ee.application.ImportReport;
import io.clinsum.ee.application.ImportService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Test data shared by the in-container tests: actors, unique patients, CSV imports. */
final class Notes {
  static final Actor CLINICIAN = new Actor("clinician", Set.of(Actor.CLINICIAN));
  static final Actor REVIEWER = new Actor("reviewer", Set.of(Actor.REVIEWER));
  static final Actor ADMIN = new Actor("admin", Set.of(Actor.ADMIN));

  static final String NOTE =
      "Patient admitted with community acquired pneumonia. Started on intravenous antibiotics."
          + " Oxygen saturation improved overnight. Plan to switch to oral antibiotics tomorrow.";

  private Notes() {}

  /** A patient identifier no other test uses. */
  static String uniquePatient(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36);
  }

  /** Imports {@code count} valid progress notes for {@code patient} as the clinician. */
  static ImportReport importNotes(ImportService imports, String patient, int count) {
    StringBuilder csv = new StringBuilder("patient_id,note_type,note\n");
    for (int i = 0; i < count; i++) {
      csv.append(patient)
          .append(",progress,\"Day ")
          .append(i)
          .append(". ")
          .append(NOTE)
          .append("\"\n");
    }
    return importCsv(imports, csv.toString(), ImportMode.ALL);
  }

  static ImportReport importCsv(ImportService imports, String csv, ImportMode mode) {
    return imports.importNotes(
        CLINICIAN,
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        DatasetFormat.CSV,
        mode,
        "arquillian");
  }
}
