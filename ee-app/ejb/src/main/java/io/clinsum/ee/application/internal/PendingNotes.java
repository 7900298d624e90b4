package io.clinsum.ee.application.internal;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Counts notes that have no summary yet. */
@Stateless
public class PendingNotes {
  @PersistenceContext private EntityManager em;

  public long count() {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM note n"
                        + " WHERE NOT EXISTS (SELECT 1 FROM summary s WHERE s.note_id = n.id)")
                .getSingleResult())
        .longValue();
  }
}
