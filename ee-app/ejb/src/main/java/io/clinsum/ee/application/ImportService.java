package io.clinsum.ee.application;

import io.clinsum.core.dataset.DatasetFormat;
import jakarta.ejb.Local;
import java.io.InputStream;

/**
 * Bulk import of notes from CSV or JSON Lines with the columns {@code patient_id, note_id,
 * note_type, author_role, source, recorded_at, note} (only {@code patient_id}, {@code note_type}
 * and {@code note} are required).
 */
@Local
public interface ImportService {
  /** Streams {@code in} into the database in batches; see {@link ImportMode} for invalid rows. */
  ImportReport importNotes(
      Actor actor, InputStream in, DatasetFormat format, ImportMode mode, String source);
}
