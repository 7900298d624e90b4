package io.clinsum.ee.testing;

import io.clinsum.ee.application.port.NoteStore;
import io.clinsum.ee.application.port.StoreException;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
import io.clinsum.ee.domain.model.patient.Patient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * A {@link NoteStore} in memory. Inserts since {@link #begin()} are undone by {@link #rollback()},
 * as the import's transaction undoes them.
 */
public final class InMemoryNoteStore implements NoteStore {
  private final Map<Long, ClinicalNote> notes = new LinkedHashMap<>();
  private final Map<String, Patient> patients = new LinkedHashMap<>();
  private final List<Long> uncommitted = new ArrayList<>();
  private final Clock clock;
  private long nextNote = 1;
  private long nextPatient = 1;
  private LongPredicate hasSummary = id -> false;
  private int failAfterBatches = -1;

  public InMemoryNoteStore(Clock clock) {
    this.clock = clock;
  }

  /** Tells which notes have a summary, for {@link #countPending()}. */
  public void summariesFrom(LongPredicate hasSummary) {
    this.hasSummary = hasSummary;
  }

  /** Fails the batch after {@code batches} more succeeded (the database goes away). */
  public void failAfterBatches(int batches) {
    failAfterBatches = batches;
  }

  /** A stored note of patient {@code patientId}. */
  public ClinicalNote add(String patientId, String text) {
    return store(new NoteDetails(patientId, null, "progress", null, null, null, text), "clinician");
  }

  private ClinicalNote store(NoteDetails d, String createdBy) {
    Patient p =
        patients.computeIfAbsent(
            d.patientExternalId(), id -> Entities.set(new Patient(id), "id", nextPatient++));
    ClinicalNote n = new ClinicalNote(p, d, createdBy);
    long id = nextNote++;
    Entities.set(n, "id", id);
    Entities.set(n, "createdAt", clock.instant());
    notes.put(id, n);
    return n;
  }

  @Override
  public Optional<ClinicalNote> find(long noteId) {
    return Optional.ofNullable(notes.get(noteId));
  }

  @Override
  public int insertBatch(List<NoteDetails> batch, String createdBy) {
    if (batch.isEmpty()) {
      return 0;
    }
    if (failAfterBatches == 0) {
      throw new StoreException(
          "Cannot store notes: SQLException", new java.sql.SQLException("connection lost"));
    }
    if (failAfterBatches > 0) {
      failAfterBatches--;
    }
    int inserted = 0;
    for (NoteDetails d : batch) {
      boolean duplicate =
          notes.values().stream()
              .anyMatch(
                  n ->
                      n.getPatient().getExternalId().equals(d.patientExternalId())
                          && n.getText().equals(d.text()));
      if (!duplicate) {
        uncommitted.add(store(d, createdBy).getId());
        inserted++;
      }
    }
    return inserted;
  }

  @Override
  public long countPending() {
    return notes.keySet().stream().filter(id -> !hasSummary.test(id)).count();
  }

  /** A transaction begins: inserts from now on can be rolled back. */
  public void begin() {
    uncommitted.clear();
  }

  public void commit() {
    uncommitted.clear();
  }

  public void rollback() {
    uncommitted.forEach(notes::remove);
    uncommitted.clear();
  }

  public List<ClinicalNote> all() {
    return List.copyOf(notes.values());
  }
}
