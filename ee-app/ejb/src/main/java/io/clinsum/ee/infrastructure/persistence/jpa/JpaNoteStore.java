package io.clinsum.ee.infrastructure.persistence.jpa;

import io.clinsum.ee.application.port.NoteStore;
import io.clinsum.ee.application.port.StoreException;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
import io.clinsum.ee.domain.model.patient.Patient;
import io.clinsum.ee.domain.model.summary.ReviewState;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import io.clinsum.ee.infrastructure.persistence.JpqlFilter;
import io.clinsum.ee.infrastructure.persistence.jdbc.NoteBatchInsert;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@link NoteStore}: notes through JPA, bulk inserts through {@link NoteBatchInsert}. */
@Stateless
public class JpaNoteStore implements NoteStore {
  private static final String PATIENT_SELECT =
      "select p, (select count(n) from ClinicalNote n where n.patient = p),"
          + " (select count(s) from Summary s where s.note.patient = p)"
          + " from Patient p";

  @PersistenceContext private EntityManager em;

  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  @Override
  public ClinicalNote create(NoteDetails details, String createdBy) {
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
      throw new DuplicateNoteException(duplicate);
    }
    ClinicalNote note = new ClinicalNote(patient, details, createdBy);
    em.persist(note);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // The same note or patient stored at the same moment by another request or an import.
      throw new DuplicateNoteException(null);
    }
    em.refresh(note);
    return note;
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
  public Optional<ClinicalNote> find(long noteId) {
    return Optional.ofNullable(em.find(ClinicalNote.class, noteId));
  }

  @Override
  public List<Listed> page(Filter filter, int offset, int limit) {
    JpqlFilter where = where(filter);
    TypedQuery<Object[]> q =
        em.createQuery(
            "select n, s.id, s.state from ClinicalNote n join fetch n.patient"
                + " left join Summary s on s.note = n"
                + where.where()
                + " order by n.recordedAt desc nulls last, n.id desc",
            Object[].class);
    where.bind(q);
    List<Listed> items = new ArrayList<>();
    for (Object[] row : q.setFirstResult(offset).setMaxResults(limit).getResultList()) {
      items.add(new Listed((ClinicalNote) row[0], (Long) row[1], (ReviewState) row[2]));
    }
    return items;
  }

  @Override
  public long count(Filter filter) {
    JpqlFilter where = where(filter);
    TypedQuery<Long> q =
        em.createQuery("select count(n) from ClinicalNote n" + where.where(), Long.class);
    where.bind(q);
    return q.getSingleResult();
  }

  private static JpqlFilter where(Filter f) {
    return new JpqlFilter()
        .and("n.patient.externalId = :patient", "patient", f.patientId())
        .and("n.noteType = :type", "type", f.noteType())
        .and("n.recordedAt >= :from", "from", f.from())
        .and("n.recordedAt < :to", "to", f.to());
  }

  @Override
  public List<PatientCounts> patients(String prefix, int offset, int limit) {
    TypedQuery<Object[]> q =
        em.createQuery(
            PATIENT_SELECT + prefixWhere(prefix) + " order by p.externalId", Object[].class);
    bindPrefix(q, prefix);
    return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
        .map(JpaNoteStore::counts)
        .toList();
  }

  @Override
  public long countPatients(String prefix) {
    TypedQuery<Long> q =
        em.createQuery("select count(p) from Patient p" + prefixWhere(prefix), Long.class);
    bindPrefix(q, prefix);
    return q.getSingleResult();
  }

  private static String prefixWhere(String prefix) {
    return prefix == null ? "" : " where p.externalId like :prefix escape '\\'";
  }

  private static void bindPrefix(TypedQuery<?> q, String prefix) {
    if (prefix != null) {
      q.setParameter(
          "prefix", prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
  }

  @Override
  public Optional<PatientCounts> patient(long number) {
    return em.createQuery(PATIENT_SELECT + " where p.id = :id", Object[].class)
        .setParameter("id", number)
        .getResultStream()
        .findFirst()
        .map(JpaNoteStore::counts);
  }

  @Override
  public Optional<PatientCounts> patient(String patientId) {
    return em.createQuery(PATIENT_SELECT + " where p.externalId = :id", Object[].class)
        .setParameter("id", patientId)
        .getResultStream()
        .findFirst()
        .map(JpaNoteStore::counts);
  }

  private static PatientCounts counts(Object[] row) {
    return new PatientCounts((Patient) row[0], (Long) row[1], (Long) row[2]);
  }

  @Override
  public int insertBatch(List<NoteDetails> notes, String createdBy) {
    if (notes.isEmpty()) {
      return 0;
    }
    // The connection joins the caller's transaction: every batch of an import commits together.
    try (Connection c = dataSource.getConnection()) {
      return NoteBatchInsert.insert(c, notes, createdBy);
    } catch (SQLException e) {
      throw new StoreException("Cannot store notes: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public long countPending() {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM note n"
                        + " WHERE NOT EXISTS (SELECT 1 FROM summary s WHERE s.note_id = n.id)")
                .getSingleResult())
        .longValue();
  }
}
