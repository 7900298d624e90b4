package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.domain.model.audit.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Writes audit events in the caller's transaction, so an event exists exactly when the audited read
 * or change happened.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {
  public static final String NOTE_READ = "NOTE_READ";
  public static final String NOTE_CREATED = "NOTE_CREATED";
  public static final String NOTES_IMPORTED = "NOTES_IMPORTED";
  public static final String SUMMARY_REVIEWED = "SUMMARY_REVIEWED";
  public static final String EXPORTED = "EXPORTED";
  public static final String JOB_CHANGED = "JOB_CHANGED";
  public static final String USER_CREATED = "USER_CREATED";

  @PersistenceContext private EntityManager em;

  public void record(Actor actor, String action, String entityType, Long entityId, String detail) {
    em.persist(
        new AuditEvent(Instant.now(), actor.username(), action, entityType, entityId, detail));
  }

  /**
   * Writes the event in a transaction of its own, committed before the caller goes on: for reads
   * that stream data out, which must be on record even if the stream then fails.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordNow(
      Actor actor, String action, String entityType, Long entityId, String detail) {
    record(actor, action, entityType, entityId, detail);
  }
}
