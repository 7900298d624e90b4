package io.clinsum.ee.application.port;

import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
import io.clinsum.ee.domain.model.patient.Patient;
import io.clinsum.ee.domain.model.summary.ReviewState;
import jakarta.ejb.ApplicationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Clinical notes and their patients. Calls join the caller's transaction. */
public interface NoteStore {
  /** Which notes a list shows; null fields do not filter. */
  record Filter(String patientId, String noteType, Instant from, Instant to) {}

  /** A note in a list, with its summary's id and state (null without one). */
  record Listed(ClinicalNote note, Long summaryId, ReviewState summaryState) {}

  /** A patient with how many notes and summaries they have. */
  record PatientCounts(Patient patient, long notes, long summaries) {}

  /**
   * Stores one note, and its patient if new.
   *
   * @return the stored note, with its id and creation time
   * @throws DuplicateNoteException when the patient already has a note with this text, or one was
   *     stored at the same moment
   */
  ClinicalNote create(NoteDetails details, String createdBy);

  Optional<ClinicalNote> find(long noteId);

  /** Notes, newest recorded first (unrecorded last), with their patients loaded. */
  List<Listed> page(Filter filter, int offset, int limit);

  long count(Filter filter);

  /** Patients whose id starts with {@code prefix} (all when null), by id. */
  List<PatientCounts> patients(String prefix, int offset, int limit);

  long countPatients(String prefix);

  /** The patient with database id {@code number}. */
  Optional<PatientCounts> patient(long number);

  /** The patient with the hospital's id {@code patientId}. */
  Optional<PatientCounts> patient(String patientId);

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

  /** The patient already has this note; nothing was stored (the transaction rolls back). */
  @ApplicationException(rollback = true)
  class DuplicateNoteException extends RuntimeException {
    private final Long existingNoteId;

    /**
     * @param existingNoteId the note that has the text, or null when another request or an import
     *     stored the same note or patient at the same moment
     */
    public DuplicateNoteException(Long existingNoteId) {
      super(
          existingNoteId == null
              ? "The same note or patient was stored at the same moment"
              : "The patient already has this note (note " + existingNoteId + ")");
      this.existingNoteId = existingNoteId;
    }

    public Long existingNoteId() {
      return existingNoteId;
    }
  }
}
