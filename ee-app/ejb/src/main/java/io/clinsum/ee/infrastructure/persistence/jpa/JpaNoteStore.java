package io.clinsum.ee.infrastructure.persistence.jpa;

import io.clinsum.ee.application.port.NoteStore;
import io.clinsum.ee.application.port.StoreException;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import io.clinsum.ee.infrastructure.persistence.jdbc.NoteBatchInsert;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@link NoteStore}: notes through JPA, bulk inserts through {@link NoteBatchInsert}. */
@Stateless
public class JpaNoteStore implements NoteStore {
  @PersistenceContext private EntityManager em;

  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  @Override
  public Optional<ClinicalNote> find(long noteId) {
    return Optional.ofNullable(em.find(ClinicalNote.class, noteId));
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
