package io.clinsum.ee.application.internal;

import io.clinsum.core.eval.RougeScore;
import io.clinsum.core.eval.RougeScorer;
import io.clinsum.core.eval.RougeType;
import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.ModelView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.ReviewService;
import io.clinsum.ee.application.RevisionView;
import io.clinsum.ee.application.StaleVersionException;
import io.clinsum.ee.application.SummaryView;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.application.port.SummaryStore;
import io.clinsum.ee.application.port.SummaryStore.ModelStateCount;
import io.clinsum.ee.application.port.SummaryStore.ReviewedText;
import io.clinsum.ee.domain.model.summary.IllegalReviewTransitionException;
import io.clinsum.ee.domain.model.summary.ReviewState;
import io.clinsum.ee.domain.model.summary.StaleSummaryException;
import io.clinsum.ee.domain.model.summary.Summary;
import io.clinsum.ee.domain.model.summary.SummaryRevision;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

@Stateless
public class ReviewServiceBean implements ReviewService {
  @Inject SummaryStore summaries;
  @Inject AuditLog audit;
  Clock clock = Clock.systemUTC();

  @Override
  public Page<SummaryView> list(
      String state,
      String patientId,
      String noteType,
      String modelVersion,
      Instant from,
      Instant to,
      PageRequest page) {
    SummaryStore.Filter filter =
        new SummaryStore.Filter(
            state == null ? null : JobServiceBean.parse(ReviewState.class, "state", state),
            patientId,
            noteType,
            modelVersion,
            from,
            to);
    List<SummaryView> items =
        summaries.page(filter, page.offset(), page.size()).stream()
            .map(s -> Views.summary(s, false))
            .toList();
    return new Page<>(items, page.page(), page.size(), summaries.count(filter));
  }

  @Override
  public Map<String, Long> counts() {
    Map<ReviewState, Long> byState = summaries.countByState();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (ReviewState s : ReviewState.values()) {
      counts.put(s.name(), byState.getOrDefault(s, 0L));
    }
    return counts;
  }

  @Override
  public SummaryView read(Actor actor, long summaryId) {
    Summary s = find(summaryId);
    audit.record(
        actor, AuditLog.NOTE_READ, "note", s.getNote().getId(), "review of summary " + summaryId);
    return Views.summary(s, true);
  }

  @Override
  public SummaryView readForNote(Actor actor, long noteId) {
    Long id =
        summaries
            .findByNote(noteId)
            .map(Summary::getId)
            .orElseThrow(() -> new NotFoundException("Summary of note", noteId));
    return read(actor, id);
  }

  @Override
  public SummaryView approve(Actor actor, long summaryId, long expectedVersion, String comment) {
    return review(
        actor, summaryId, s -> s.approve(actor.username(), expectedVersion, comment, now()));
  }

  @Override
  public SummaryView edit(
      Actor actor, long summaryId, long expectedVersion, String text, String comment) {
    return review(
        actor, summaryId, s -> s.edit(actor.username(), expectedVersion, text, comment, now()));
  }

  @Override
  public SummaryView reject(Actor actor, long summaryId, long expectedVersion, String reason) {
    return review(
        actor, summaryId, s -> s.reject(actor.username(), expectedVersion, reason, now()));
  }

  private SummaryView review(
      Actor actor, long summaryId, Function<Summary, SummaryRevision> change) {
    Summary s = find(summaryId);
    SummaryRevision revision;
    try {
      revision = change.apply(s);
    } catch (StaleSummaryException e) {
      throw new StaleVersionException(
          "Summary", summaryId, e.expectedVersion(), e.currentVersion());
    } catch (IllegalReviewTransitionException e) {
      throw new ConflictException("Summary " + summaryId + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      int colon = message.indexOf(": ");
      throw new InvalidInputException(
          colon > 0 ? message.substring(0, colon) : "body",
          colon > 0 ? message.substring(colon + 2) : message);
    }
    summaries.saveReview(s, revision);
    audit.record(
        actor,
        AuditLog.SUMMARY_REVIEWED,
        "summary",
        summaryId,
        s.getState().name() + " (revision " + revision.getRevision() + ")");
    return Views.summary(s, false);
  }

  @Override
  public List<RevisionView> history(long summaryId) {
    find(summaryId);
    return summaries.history(summaryId).stream().map(Views::revision).toList();
  }

  private Summary find(long summaryId) {
    return summaries.find(summaryId).orElseThrow(() -> new NotFoundException("Summary", summaryId));
  }

  private Instant now() {
    return clock.instant();
  }

  @Override
  public List<ModelView> models() {
    Map<List<String>, long[]> counts = new LinkedHashMap<>();
    for (ModelStateCount row : summaries.countByModelAndState()) {
      long[] c =
          counts.computeIfAbsent(
              List.of(row.backend(), row.modelId(), row.modelVersion()), k -> new long[4]);
      c[row.state().ordinal()] += row.count();
    }
    Map<List<String>, double[]> rouge = new HashMap<>();
    RougeScorer scorer = RougeScorer.standard();
    for (ReviewedText row : summaries.reviewedTexts()) {
      double[] sum =
          rouge.computeIfAbsent(
              List.of(row.backend(), row.modelId(), row.modelVersion()), k -> new double[4]);
      Map<RougeType, RougeScore> s = scorer.score(row.text(), row.generatedText());
      sum[0] += s.get(RougeType.ROUGE_1).fmeasure();
      sum[1] += s.get(RougeType.ROUGE_2).fmeasure();
      sum[2] += s.get(RougeType.ROUGE_L).fmeasure();
      sum[3]++;
    }
    List<ModelView> out = new ArrayList<>();
    counts.forEach(
        (key, c) -> {
          double[] r = rouge.get(key);
          long total = c[0] + c[1] + c[2] + c[3];
          out.add(
              new ModelView(
                  key.get(0),
                  key.get(1),
                  key.get(2),
                  total,
                  c[ReviewState.GENERATED.ordinal()],
                  c[ReviewState.APPROVED.ordinal()],
                  c[ReviewState.EDITED.ordinal()],
                  c[ReviewState.REJECTED.ordinal()],
                  total - c[ReviewState.GENERATED.ordinal()],
                  r == null ? null : r[0] / r[3],
                  r == null ? null : r[1] / r[3],
                  r == null ? null : r[2] / r[3]));
        });
    return out;
  }
}
