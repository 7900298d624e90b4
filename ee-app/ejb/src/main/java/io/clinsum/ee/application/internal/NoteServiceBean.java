package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.NoteService;
import io.clinsum.ee.application.NoteView;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.PatientView;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.application.port.NoteStore;
import io.clinsum.ee.application.port.NoteStore.DuplicateNoteException;
import io.clinsum.ee.application.port.NoteStore.PatientCounts;
import io.clinsum.ee.application.port.SummaryStore;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
import io.clinsum.ee.domain.model.note.NoteRules;
import io.clinsum.ee.domain.model.patient.Patient;
import io.clinsum.ee.domain.model.summary.ReviewState;
import io.clinsum.ee.domain.model.summary.Summary;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Stateless
public class NoteServiceBean implements NoteService {
  @Inject NoteStore notes;
  @Inject SummaryStore summaries;
  @Inject AuditLog audit;

  @Override
  public NoteView create(Actor actor, NoteDetails details) {
    List<NoteRules.Violation> violations = NoteRules.check(details);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(
          violations.stream().map(v -> Map.entry(v.field(), v.message())).toList());
    }
    ClinicalNote note;
    try {
      note = notes.create(details, actor.username());
    } catch (DuplicateNoteException e) {
      throw new ConflictException(
          e.existingNoteId() != null
              ? "Patient "
                  + details.patientExternalId()
                  + " already has this note (note "
                  + e.existingNoteId()
                  + ")"
              : "Patient "
                  + details.patientExternalId()
                  + " was changed at the same moment (the same note or a new patient record);"
                  + " look the note up or try again");
    }
    audit.record(actor, AuditLog.NOTE_CREATED, "note", note.getId(), null);
    return view(note, null, null, false);
  }

  @Override
  public NoteView read(Actor actor, long noteId) {
    ClinicalNote note = notes.find(noteId).orElseThrow(() -> new NotFoundException("Note", noteId));
    Optional<Summary> summary = summaries.findByNote(noteId);
    audit.record(actor, AuditLog.NOTE_READ, "note", noteId, null);
    return view(
        note,
        summary.map(Summary::getId).orElse(null),
        summary.map(Summary::getState).orElse(null),
        true);
  }

  @Override
  public Page<NoteView> list(
      String patientId, String noteType, Instant from, Instant to, PageRequest page) {
    NoteStore.Filter filter = new NoteStore.Filter(patientId, noteType, from, to);
    List<NoteView> items =
        notes.page(filter, page.offset(), page.size()).stream()
            .map(n -> view(n.note(), n.summaryId(), n.summaryState(), false))
            .toList();
    return new Page<>(items, page.page(), page.size(), notes.count(filter));
  }

  @Override
  public Page<PatientView> patients(String prefix, PageRequest page) {
    List<PatientView> items =
        notes.patients(prefix, page.offset(), page.size()).stream()
            .map(NoteServiceBean::patientView)
            .toList();
    return new Page<>(items, page.page(), page.size(), notes.countPatients(prefix));
  }

  @Override
  public PatientView patient(long number) {
    return notes
        .patient(number)
        .map(NoteServiceBean::patientView)
        .orElseThrow(() -> new NotFoundException("Patient number", number));
  }

  @Override
  public PatientView patient(String patientId) {
    return notes
        .patient(patientId)
        .map(NoteServiceBean::patientView)
        .orElseThrow(() -> new NotFoundException("Patient", patientId));
  }

  private static PatientView patientView(PatientCounts row) {
    Patient p = row.patient();
    return new PatientView(
        p.getId(), p.getExternalId(), p.getCreatedAt(), row.notes(), row.summaries());
  }

  static NoteView view(ClinicalNote n, Long summaryId, ReviewState state, boolean withText) {
    return new NoteView(
        n.getId(),
        n.getPatient().getExternalId(),
        n.getExternalId(),
        n.getNoteType(),
        n.getAuthorRole(),
        n.getSource(),
        n.getRecordedAt(),
        n.getCreatedAt(),
        n.getCreatedBy(),
        summaryId,
        state == null ? null : state.name(),
        withText ? n.getText() : null);
  }
}
