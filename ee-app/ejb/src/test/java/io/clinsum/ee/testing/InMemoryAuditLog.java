package io.clinsum.ee.testing;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.port.AuditLog;
import java.util.ArrayList;
import java.util.List;

/** An {@link AuditLog} that keeps its events in a list. */
public final class InMemoryAuditLog implements AuditLog {
  /** One recorded event; {@code now} when recorded in a transaction of its own. */
  public record Event(
      String actor, String action, String entityType, Long entityId, String detail, boolean now) {}

  private final List<Event> events = new ArrayList<>();

  @Override
  public void record(Actor actor, String action, String entityType, Long entityId, String detail) {
    events.add(new Event(actor.username(), action, entityType, entityId, detail, false));
  }

  @Override
  public void recordNow(
      Actor actor, String action, String entityType, Long entityId, String detail) {
    events.add(new Event(actor.username(), action, entityType, entityId, detail, true));
  }

  @Override
  public boolean recorded(String action, String entityType, long entityId) {
    return events.stream()
        .anyMatch(
            e ->
                e.action().equals(action)
                    && e.entityType().equals(entityType)
                    && e.entityId() != null
                    && e.entityId() == entityId);
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  /** The events with {@code action}. */
  public List<Event> events(String action) {
    return events.stream().filter(e -> e.action().equals(action)).toList();
  }
}
