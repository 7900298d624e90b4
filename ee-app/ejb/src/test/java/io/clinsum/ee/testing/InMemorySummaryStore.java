package io.clinsum.ee.testing;

import io.clinsum.ee.application.StaleVersionException;
import io.clinsum.ee.application.port.StoreException;
import io.clinsum.ee.application.port.SummaryStore;
import io.clinsum.ee.domain.model.note.ClinicalNote;
import io.clinsum.ee.domain.model.summary.GeneratedSummary;
import io.clinsum.ee.domain.model.summary.ReviewState;
import io.clinsum.ee.domain.model.summary.Summary;
import io.clinsum.ee.domain.model.summary.SummaryRevision;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@link SummaryStore} in memory: one summary per note, versions that move with every saved
 * review, revisions numbered one past the last, job counters kept in an {@link InMemoryJobStore}.
 */
public final class InMemorySummaryStore implements SummaryStore {
  private static final Set<ReviewState> REVIEWED =
      EnumSet.of(ReviewState.APPROVED, ReviewState.EDITED);

  private final Map<Long, Summary> summaries = new LinkedHashMap<>();
  private final Map<Long, List<SummaryRevision>> histories = new LinkedHashMap<>();
  private final Set<Long> changedBehindTheBack = new HashSet<>();
  private final InMemoryNoteStore notes;
  private final InMemoryJobStore jobs;
  private final Clock clock;
  private long nextId = 1;
  private RuntimeException storeFailure;

  public InMemorySummaryStore(InMemoryNoteStore notes, InMemoryJobStore jobs, Clock clock) {
    this.notes = notes;
    this.jobs = jobs;
    this.clock = clock;
    notes.summariesFrom(this::findByNote);
  }

  /** A GENERATED summary of {@code note} with {@code text}, by model "m" version "v1". */
  public Summary add(ClinicalNote note, String text) {
    storeGenerated(
        new GeneratedBatch(
            List.of(generated(note.getId(), text, "v1", null)), List.of(), 1, null, "system"));
    return findByNote(note.getId()).orElseThrow();
  }

  public static GeneratedSummary generated(long noteId, String text, String version, Long jobId) {
    return new GeneratedSummary(noteId, text, "extractive", "m", version, "{}", 5, 10, 3, 1, jobId);
  }

  /** The next review of summary {@code id} finds it changed by someone else (optimistic lock). */
  public void changeBehindTheBack(long id) {
    changedBehindTheBack.add(id);
  }

  /** {@link #storeGenerated} fails with {@code e} (the database is away). */
  public void failStores(RuntimeException e) {
    storeFailure = e;
  }

  public List<Summary> all() {
    return List.copyOf(summaries.values());
  }

  @Override
  public Optional<Summary> find(long summaryId) {
    return Optional.ofNullable(summaries.get(summaryId));
  }

  @Override
  public Optional<Summary> findByNote(long noteId) {
    return summaries.values().stream().filter(s -> s.getNote().getId() == noteId).findFirst();
  }

  @Override
  public List<Summary> page(Filter filter, int offset, int limit) {
    return summaries.values().stream()
        .filter(matches(filter))
        .sorted(Comparator.comparing(Summary::getCreatedAt).thenComparing(Summary::getId))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long count(Filter filter) {
    return summaries.values().stream().filter(matches(filter)).count();
  }

  private static Predicate<Summary> matches(Filter f) {
    return s ->
        (f.state() == null || s.getState() == f.state())
            && (f.patientId() == null
                || s.getNote().getPatient().getExternalId().equals(f.patientId()))
            && (f.noteType() == null || s.getNote().getNoteType().equals(f.noteType()))
            && (f.modelVersion() == null || s.getModelVersion().equals(f.modelVersion()))
            && (f.from() == null || !s.getCreatedAt().isBefore(f.from()))
            && (f.to() == null || s.getCreatedAt().isBefore(f.to()));
  }

  @Override
  public Map<ReviewState, Long> countByState() {
    Map<ReviewState, Long> counts = new EnumMap<>(ReviewState.class);
    summaries.values().forEach(s -> counts.merge(s.getState(), 1L, Long::sum));
    return counts;
  }

  @Override
  public List<ModelStateCount> countByModelAndState() {
    Map<List<Object>, Long> counts = new LinkedHashMap<>();
    summaries.values().stream()
        .sorted(
            Comparator.comparing(Summary::getBackend)
                .thenComparing(Summary::getModelId)
                .thenComparing(Summary::getModelVersion))
        .forEach(
            s ->
                counts.merge(
                    List.of(s.getBackend(), s.getModelId(), s.getModelVersion(), s.getState()),
                    1L,
                    Long::sum));
    List<ModelStateCount> out = new ArrayList<>();
    counts.forEach(
        (k, n) ->
            out.add(
                new ModelStateCount(
                    (String) k.get(0),
                    (String) k.get(1),
                    (String) k.get(2),
                    (ReviewState) k.get(3),
                    n)));
    return out;
  }

  @Override
  public List<ReviewedText> reviewedTexts() {
    return summaries.values().stream()
        .filter(s -> REVIEWED.contains(s.getState()))
        .map(
            s ->
                new ReviewedText(
                    s.getBackend(),
                    s.getModelId(),
                    s.getModelVersion(),
                    s.getGeneratedText(),
                    s.getText()))
        .toList();
  }

  @Override
  public void saveReview(Summary summary, SummaryRevision revision) {
    long read = summary.getVersion();
    if (changedBehindTheBack.remove(summary.getId())) {
      throw new StaleVersionException("Summary", summary.getId(), read, read + 1);
    }
    Entities.set(summary, "version", read + 1);
    List<SummaryRevision> history = histories.get(summary.getId());
    revision.number(history.get(history.size() - 1).getRevision() + 1);
    history.add(revision);
  }

  @Override
  public List<SummaryRevision> history(long summaryId) {
    return List.copyOf(histories.getOrDefault(summaryId, List.of()));
  }

  @Override
  public int storeGenerated(GeneratedBatch batch) {
    if (storeFailure != null) {
      throw storeFailure;
    }
    int stored = 0;
    for (GeneratedSummary g : batch.summaries()) {
      if (findByNote(g.noteId()).isPresent()) {
        continue; // ON CONFLICT (note_id) DO NOTHING
      }
      Summary s = Entities.instantiate(Summary.class);
      long id = nextId++;
      Entities.set(s, "id", id);
      Entities.set(s, "note", notes.find(g.noteId()).orElseThrow());
      Entities.set(s, "generatedText", g.text());
      Entities.set(s, "text", g.text());
      Entities.set(s, "backend", g.backend());
      Entities.set(s, "modelId", g.modelId());
      Entities.set(s, "modelVersion", g.modelVersion());
      Entities.set(s, "options", g.options());
      Entities.set(s, "elapsedMs", g.elapsedMs());
      Entities.set(s, "inputTokens", g.inputTokens());
      Entities.set(s, "outputTokens", g.outputTokens());
      Entities.set(s, "chunks", g.chunks());
      Entities.set(s, "state", ReviewState.GENERATED);
      Entities.set(s, "jobId", g.jobId());
      Entities.set(s, "createdAt", clock.instant().plusNanos(id));
      Entities.set(s, "version", 0L);
      summaries.put(id, s);
      List<SummaryRevision> history = new ArrayList<>();
      history.add(revision(s, batch.actor(), clock.instant()));
      histories.put(id, history);
      stored++;
    }
    if (batch.jobId() != null) {
      jobs.addErrors(batch.jobId(), batch.failures());
      jobs.progress(batch.jobId(), batch.notes(), stored, batch.failures().size());
    }
    return stored;
  }

  private static SummaryRevision revision(Summary s, String actor, Instant at) {
    try {
      Constructor<SummaryRevision> c =
          SummaryRevision.class.getDeclaredConstructor(
              Summary.class,
              ReviewState.class,
              String.class,
              String.class,
              String.class,
              Instant.class);
      c.setAccessible(true);
      return c.newInstance(s, ReviewState.GENERATED, s.getText(), actor, null, at);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long exportReviewed(PairSink sink) {
    long n = 0;
    for (Summary s : summaries.values()) {
      if (REVIEWED.contains(s.getState())) {
        sink.accept(s.getNote().getText(), s.getText());
        n++;
      }
    }
    return n;
  }

  /** A store failure as the JPA adapter reports it. */
  public static StoreException outage() {
    return new StoreException(
        "Cannot store summaries: SQLException", new java.sql.SQLException("connection lost"));
  }
}
