package io.clinsum.ee.infrastructure.persistence.jpa;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.domain.model.audit.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The {@link AuditLog} as {@link AuditEvent} rows, written in the caller's transaction, so an event
 * exists exactly when the audited read or change happened.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class JpaAuditLog implements AuditLog {
  @PersistenceContext private EntityManager em;

  @Override
  public void record(Actor actor, String action, String entityType, Long entityId, String detail) {
    em.persist(
        new AuditEvent(Instant.now(), actor.username(), action, entityType, entityId, detail));
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordNow(
      Actor actor, String action, String entityType, Long entityId, String detail) {
    record(actor, action, entityType, entityId, detail);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public boolean recorded(String action, String entityType, long entityId) {
    return !em.createQuery(
            "select a.id from AuditEvent a where a.action = :action"
                + " and a.entityType = :type and a.entityId = :id",
            Long.class)
        .setParameter("action", action)
        .setParameter("type", entityType)
        .setParameter("id", entityId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
