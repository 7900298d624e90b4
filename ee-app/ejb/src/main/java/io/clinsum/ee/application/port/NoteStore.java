package io.clinsum.ee.application.port;

import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
import java.util.List;
import java.util.Optional;

/** Clinical notes, for summarization and bulk import. */
public interface NoteStore {
  Optional<ClinicalNote> find(long noteId);

  /**
   * Stores validated notes (and their patients) in the caller's transaction. A note whose patient
   * already has the same text is skipped.
   *
   * @return how many were new (the rest were duplicates)
   * @throws StoreException when they cannot be stored
   */
  int insertBatch(List<NoteDetails> notes, String createdBy);

  /** How many notes have no summary yet. */
  long countPending();
}
