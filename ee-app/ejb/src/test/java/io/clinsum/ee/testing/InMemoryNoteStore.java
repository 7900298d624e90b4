package io.clinsum.ee.testing;

import io.clinsum.ee.application.port.NoteStore;
import io.clinsum.ee.application.port.StoreException;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.note.NoteDetails;
import io.clinsum.ee.domain.model.patient.Patient;
import io.clinsum.ee.domain.model.summary.Summary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Predicate;

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
  private LongFunction<Optional<Summary>> summaryOf = id -> Optional.empty();
  private int failAfterBatches = -1;

  public InMemoryNoteStore(Clock clock) {
    this.clock = clock;
  }

  /** Tells each note's summary, for lists and {@link #countPending()}. */
  public void summariesFrom(LongFunction<Optional<Summary>> summaryOf) {
    this.summaryOf = summaryOf;
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
  public ClinicalNote create(NoteDetails details, String createdBy) {
    Optional<ClinicalNote> duplicate =
        notes.values().stream()
            .filter(
                n ->
                    n.getPatient().getExternalId().equals(details.patientExternalId())
                        && n.getText().equals(details.text()))
            .findFirst();
    if (duplicate.isPresent()) {
      throw new DuplicateNoteException(duplicate.get().getId());
    }
    return store(details, createdBy);
  }

  @Override
  public List<Listed> page(Filter filter, int offset, int limit) {
    return notes.values().stream()
        .filter(matches(filter))
        .sorted(
            Comparator.comparing(
                    ClinicalNote::getRecordedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ClinicalNote::getId, Comparator.reverseOrder()))
        .skip(offset)
        .limit(limit)
        .map(
            n -> {
              Optional<Summary> s = summaryOf.apply(n.getId());
              return new Listed(
                  n, s.map(Summary::getId).orElse(null), s.map(Summary::getState).orElse(null));
            })
        .toList();
  }

  @Override
  public long count(Filter filter) {
    return notes.values().stream().filter(matches(filter)).count();
  }

  private static Predicate<ClinicalNote> matches(Filter f) {
    return n ->
        (f.patientId() == null || n.getPatient().getExternalId().equals(f.patientId()))
            && (f.noteType() == null || n.getNoteType().equals(f.noteType()))
            && (f.from() == null
                || (n.getRecordedAt() != null && !n.getRecordedAt().isBefore(f.from())))
            && (f.to() == null
                || (n.getRecordedAt() != null && n.getRecordedAt().isBefore(f.to())));
  }

  @Override
  public List<PatientCounts> patients(String prefix, int offset, int limit) {
    return patients.values().stream()
        .filter(p -> prefix == null || p.getExternalId().startsWith(prefix))
        .sorted(Comparator.comparing(Patient::getExternalId))
        .skip(offset)
        .limit(limit)
        .map(this::counts)
        .toList();
  }

  @Override
  public long countPatients(String prefix) {
    return patients(prefix, 0, Integer.MAX_VALUE).size();
  }

  @Override
  public Optional<PatientCounts> patient(long number) {
    return patients.values().stream()
        .filter(p -> p.getId() == number)
        .findFirst()
        .map(this::counts);
  }

  @Override
  public Optional<PatientCounts> patient(String patientId) {
    return Optional.ofNullable(patients.get(patientId)).map(this::counts);
  }

  private PatientCounts counts(Patient p) {
    List<ClinicalNote> theirs = notes.values().stream().filter(n -> n.getPatient() == p).toList();
    long summarized = theirs.stream().filter(n -> summaryOf.apply(n.getId()).isPresent()).count();
    return new PatientCounts(p, theirs.size(), summarized);
  }

  /** A stored note with every detail given. */
  public ClinicalNote add(NoteDetails details) {
    return store(details, "clinician");
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
    return notes.keySet().stream().filter(id -> summaryOf.apply(id).isEmpty()).count();
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
