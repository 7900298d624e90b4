package io.clinsum.ee.application.port;

import io.clinsum.ee.application.Actor;

/** The audit trail: who read or changed what, written with the read or change it records. */
public interface AuditLog {
  String NOTE_READ = "NOTE_READ";
  String NOTE_CREATED = "NOTE_CREATED";
  String NOTES_IMPORTED = "NOTES_IMPORTED";
  String SUMMARY_REVIEWED = "SUMMARY_REVIEWED";
  String EXPORTED = "EXPORTED";
  String JOB_CHANGED = "JOB_CHANGED";
  String USER_CREATED = "USER_CREATED";

  /**
   * Records an event in the caller's transaction (required), so it exists exactly when that does.
   */
  void record(Actor actor, String action, String entityType, Long entityId, String detail);

  /**
   * Records an event in a transaction of its own, committed before the caller goes on: for reads
   * that stream data out, which must be on record even if the stream then fails.
   */
  void recordNow(Actor actor, String action, String entityType, Long entityId, String detail);

  /** Whether an event {@code action} on entity {@code entityType} {@code entityId} exists. */
  boolean recorded(String action, String entityType, long entityId);
}
