package io.clinsum.ee.application.internal;

import io.clinsum.core.eval.RougeScore;
import io.clinsum.core.eval.RougeScorer;
import io.clinsum.core.eval.RougeType;
import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.ModelView;
import io.clinsum.ee.application.NotFoundException;
import io.clinsum.ee.application.Page;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.ReviewService;
import io.clinsum.ee.application.RevisionView;
import io.clinsum.ee.application.StaleVersionException;
import io.clinsum.ee.application.SummaryView;
import io.clinsum.ee.domain.model.summary.ReviewState;
import io.clinsum.ee.domain.model.summary.Summary;
import io.clinsum.ee.domain.model.summary.SummaryRevision;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

@Stateless
public class ReviewServiceBean implements ReviewService {
  @PersistenceContext private EntityManager em;
  @EJB private AuditTrail audit;

  @Override
  public Page<SummaryView> list(
      String state,
      String patientId,
      String noteType,
      String modelVersion,
      Instant from,
      Instant to,
      PageRequest page) {
    JpqlFilter filter =
        new JpqlFilter()
            .and(
                "s.state = :state",
                "state",
                state == null ? null : JobServiceBean.parse(ReviewState.class, "state", state))
            .and("s.note.patient.externalId = :patient", "patient", patientId)
            .and("s.note.noteType = :type", "type", noteType)
            .and("s.modelVersion = :mv", "mv", modelVersion)
            .and("s.createdAt >= :from", "from", from)
            .and("s.createdAt < :to", "to", to);
    String where = filter.where();
    // Loads each summary's note and patient in the same query (no alias on fetch joins in JPA).
    EntityGraph<Summary> graph = em.createEntityGraph(Summary.class);
    graph.addSubgraph("note").addAttributeNodes("patient");
    TypedQuery<Summary> q =
        em.createQuery(
                "select s from Summary s" + where + " order by s.createdAt, s.id", Summary.class)
            .setHint("jakarta.persistence.fetchgraph", graph);
    TypedQuery<Long> count = em.createQuery("select count(s) from Summary s" + where, Long.class);
    filter.bind(q, count);
    List<SummaryView> items =
        q.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
            .map(s -> Views.summary(s, false))
            .toList();
    return new Page<>(items, page.page(), page.size(), count.getSingleResult());
  }

  @Override
  public Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (ReviewState s : ReviewState.values()) {
      counts.put(s.name(), 0L);
    }
    for (Object[] row :
        em.createQuery("select s.state, count(s) from Summary s group by s.state", Object[].class)
            .getResultList()) {
      counts.put(((ReviewState) row[0]).name(), (Long) row[1]);
    }
    return counts;
  }

  @Override
  public SummaryView read(Actor actor, long summaryId) {
    Summary s = find(summaryId);
    audit.record(
        actor, AuditTrail.NOTE_READ, "note", s.getNote().getId(), "review of summary " + summaryId);
    return Views.summary(s, true);
  }

  @Override
  public SummaryView readForNote(Actor actor, long noteId) {
    Long id =
        em.createQuery("select s.id from Summary s where s.note.id = :id", Long.class)
            .setParameter("id", noteId)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Summary of note", noteId));
    return read(actor, id);
  }

  @Override
  public SummaryView approve(Actor actor, long summaryId, long expectedVersion, String comment) {
    return review(
        actor, summaryId, expectedVersion, s -> s.approve(actor.username(), comment, now()));
  }

  @Override
  public SummaryView edit(
      Actor actor, long summaryId, long expectedVersion, String text, String comment) {
    return review(
        actor, summaryId, expectedVersion, s -> s.edit(actor.username(), text, comment, now()));
  }

  @Override
  public SummaryView reject(Actor actor, long summaryId, long expectedVersion, String reason) {
    return review(
        actor, summaryId, expectedVersion, s -> s.reject(actor.username(), reason, now()));
  }

  private SummaryView review(
      Actor actor,
      long summaryId,
      long expectedVersion,
      Function<Summary, SummaryRevision> change) {
    Summary s = find(summaryId);
    if (s.getVersion() != expectedVersion) {
      throw new StaleVersionException("Summary", summaryId, expectedVersion, s.getVersion());
    }
    SummaryRevision revision;
    try {
      revision = change.apply(s);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      int colon = message.indexOf(": ");
      throw new InvalidInputException(
          colon > 0 ? message.substring(0, colon) : "body",
          colon > 0 ? message.substring(colon + 2) : message);
    }
    // The versioned update first: a concurrent reviewer waits on the row, then fails here with
    // 412, before either of them numbers a revision.
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleVersionException("Summary", summaryId, expectedVersion, expectedVersion + 1);
    }
    Integer last =
        em.createQuery(
                "select max(r.revision) from SummaryRevision r where r.summary = :s", Integer.class)
            .setParameter("s", s)
            .getSingleResult();
    revision.number(last == null ? 1 : last + 1);
    em.persist(revision);
    audit.record(
        actor,
        AuditTrail.SUMMARY_REVIEWED,
        "summary",
        summaryId,
        s.getState().name() + " (revision " + revision.getRevision() + ")");
    return Views.summary(s, false);
  }

  @Override
  public List<RevisionView> history(long summaryId) {
    find(summaryId);
    return em
        .createQuery(
            "select r from SummaryRevision r where r.summary.id = :id order by r.revision",
            SummaryRevision.class)
        .setParameter("id", summaryId)
        .getResultList()
        .stream()
        .map(Views::revision)
        .toList();
  }

  private Summary find(long summaryId) {
    Summary s = em.find(Summary.class, summaryId);
    if (s == null) {
      throw new NotFoundException("Summary", summaryId);
    }
    return s;
  }

  private static Instant now() {
    return Instant.now();
  }

  @Override
  public List<ModelView> models() {
    Map<List<String>, long[]> counts = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT backend, model_id, model_version, state, count(*) FROM summary"
                    + " GROUP BY backend, model_id, model_version, state"
                    + " ORDER BY backend, model_id, model_version")
            .getResultList();
    for (Object[] row : rows) {
      long[] c =
          counts.computeIfAbsent(
              List.of((String) row[0], (String) row[1], (String) row[2]), k -> new long[4]);
      c[ReviewState.valueOf((String) row[3]).ordinal()] += ((Number) row[4]).longValue();
    }
    Map<List<String>, double[]> rouge = new HashMap<>();
    RougeScorer scorer = RougeScorer.standard();
    @SuppressWarnings("unchecked")
    List<Object[]> reviewed =
        em.createNativeQuery(
                "SELECT backend, model_id, model_version, generated_text, text FROM summary"
                    + " WHERE state IN ('APPROVED', 'EDITED')")
            .getResultList();
    for (Object[] row : reviewed) {
      double[] sum =
          rouge.computeIfAbsent(
              List.of((String) row[0], (String) row[1], (String) row[2]), k -> new double[4]);
      Map<RougeType, RougeScore> s = scorer.score((String) row[4], (String) row[3]);
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
