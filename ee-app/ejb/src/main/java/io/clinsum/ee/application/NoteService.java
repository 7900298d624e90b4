package io.clinsum.ee.application;

import io.clinsum.ee.domain.model.note.NoteDetails;
import jakarta.ejb.Local;
import java.time.Instant;

/** Notes and patients: create one note, read one (audited), list them. */
@Local
public interface NoteService {
  /** Stores one note, creating its patient if new; fails on a duplicate of an existing note. */
  NoteView create(Actor actor, NoteDetails details);

  /** One note with its text; writes a NOTE_READ audit event. */
  NoteView read(Actor actor, long noteId);

  /** Notes without text, newest first, filtered by any of the non-null arguments. */
  Page<NoteView> list(
      String patientId, String noteType, Instant from, Instant to, PageRequest page);

  /** Patients whose identifier starts with {@code prefix} (all when null). */
  Page<PatientView> patients(String prefix, PageRequest page);

  /** One patient, by the identifier of the sending system. */
  PatientView patient(String patientId);

  /** One patient, by ClinSum's own number (what the console puts in its URLs). */
  PatientView patient(long number);
}
