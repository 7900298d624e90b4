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
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
import io.clinsum.ee.domain.model.note.NoteRules;
import io.clinsum.ee.domain.model.patient.Patient;
import io.clinsum.ee.domain.model.summary.ReviewState;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Stateless
public class NoteServiceBean implements NoteService {
  @PersistenceContext private EntityManager em;
  @Inject AuditLog audit;

  @Override
  public NoteView create(Actor actor, NoteDetails details) {
    List<NoteRules.Violation> violations = NoteRules.check(details);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(
          violations.stream().map(v -> Map.entry(v.field(), v.message())).toList());
    }
    Patient patient = patientFor(details.patientExternalId());
    Long duplicate =
        em.createQuery(
                "select n.id from ClinicalNote n where n.patient = :p and n.text = :t", Long.class)
            .setParameter("p", patient)
            .setParameter("t", details.text())
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (duplicate != null) {
      throw new ConflictException(
          "Patient "
              + details.patientExternalId()
              + " already has this note (note "
              + duplicate
              + ")");
    }
    ClinicalNote note = new ClinicalNote(patient, details, actor.username());
    em.persist(note);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // The same note or patient stored at the same moment by another request or an import.
      throw new ConflictException(
          "Patient "
              + details.patientExternalId()
              + " was changed at the same moment (the same note or a new patient record);"
              + " look the note up or try again");
    }
    em.refresh(note);
    audit.record(actor, AuditLog.NOTE_CREATED, "note", note.getId(), null);
    return view(note, null, null, false);
  }

  private Patient patientFor(String externalId) {
    return em.createQuery("select p from Patient p where p.externalId = :id", Patient.class)
        .setParameter("id", externalId)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              Patient p = new Patient(externalId);
              em.persist(p);
              return p;
            });
  }

  @Override
  public NoteView read(Actor actor, long noteId) {
    ClinicalNote note = em.find(ClinicalNote.class, noteId);
    if (note == null) {
      throw new NotFoundException("Note", noteId);
    }
    Object[] summary =
        em.createQuery("select s.id, s.state from Summary s where s.note.id = :id", Object[].class)
            .setParameter("id", noteId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    audit.record(actor, AuditLog.NOTE_READ, "note", noteId, null);
    return summary == null
        ? view(note, null, null, true)
        : view(note, (Long) summary[0], (ReviewState) summary[1], true);
  }

  @Override
  public Page<NoteView> list(
      String patientId, String noteType, Instant from, Instant to, PageRequest page) {
    JpqlFilter filter =
        new JpqlFilter()
            .and("n.patient.externalId = :patient", "patient", patientId)
            .and("n.noteType = :type", "type", noteType)
            .and("n.recordedAt >= :from", "from", from)
            .and("n.recordedAt < :to", "to", to);
    String where = filter.where();
    TypedQuery<Object[]> q =
        em.createQuery(
            "select n, s.id, s.state from ClinicalNote n join fetch n.patient"
                + " left join Summary s on s.note = n"
                + where
                + " order by n.recordedAt desc nulls last, n.id desc",
            Object[].class);
    TypedQuery<Long> count =
        em.createQuery("select count(n) from ClinicalNote n" + where, Long.class);
    filter.bind(q, count);
    List<NoteView> items = new ArrayList<>();
    for (Object[] row :
        q.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()) {
      items.add(view((ClinicalNote) row[0], (Long) row[1], (ReviewState) row[2], false));
    }
    return new Page<>(items, page.page(), page.size(), count.getSingleResult());
  }

  private static final String PATIENT_SELECT =
      "select p, (select count(n) from ClinicalNote n where n.patient = p),"
          + " (select count(s) from Summary s where s.note.patient = p)"
          + " from Patient p";

  @Override
  public Page<PatientView> patients(String prefix, PageRequest page) {
    String where = prefix == null ? "" : " where p.externalId like :prefix escape '\\'";
    TypedQuery<Object[]> q =
        em.createQuery(PATIENT_SELECT + where + " order by p.externalId", Object[].class);
    TypedQuery<Long> count = em.createQuery("select count(p) from Patient p" + where, Long.class);
    if (prefix != null) {
      String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      q.setParameter("prefix", like);
      count.setParameter("prefix", like);
    }
    List<PatientView> items = new ArrayList<>();
    for (Object[] row :
        q.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()) {
      items.add(patientView(row));
    }
    return new Page<>(items, page.page(), page.size(), count.getSingleResult());
  }

  @Override
  public PatientView patient(long number) {
    return em.createQuery(PATIENT_SELECT + " where p.id = :id", Object[].class)
        .setParameter("id", number)
        .getResultStream()
        .findFirst()
        .map(NoteServiceBean::patientView)
        .orElseThrow(() -> new NotFoundException("Patient number", number));
  }

  @Override
  public PatientView patient(String patientId) {
    return em.createQuery(PATIENT_SELECT + " where p.externalId = :id", Object[].class)
        .setParameter("id", patientId)
        .getResultStream()
        .findFirst()
        .map(NoteServiceBean::patientView)
        .orElseThrow(() -> new NotFoundException("Patient", patientId));
  }

  private static PatientView patientView(Object[] row) {
    Patient p = (Patient) row[0];
    return new PatientView(
        p.getId(), p.getExternalId(), p.getCreatedAt(), (Long) row[1], (Long) row[2]);
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
