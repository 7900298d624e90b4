package io.clinsum.ee.infrastructure.persistence.jpa;

import io.clinsum.ee.application.StaleVersionException;
import io.clinsum.ee.application.port.StoreException;
import io.clinsum.ee.application.port.SummaryStore;
import io.clinsum.ee.domain.model.summary.ReviewState;
import io.clinsum.ee.domain.model.summary.Summary;
import io.clinsum.ee.domain.model.summary.SummaryRevision;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import io.clinsum.ee.infrastructure.persistence.JpqlFilter;
import io.clinsum.ee.infrastructure.persistence.jdbc.JobRows;
import io.clinsum.ee.infrastructure.persistence.jdbc.SummaryInsert;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link SummaryStore}: summaries and revisions through JPA; new summaries and the export
 * through plain SQL ({@link SummaryInsert}'s {@code ON CONFLICT} is what makes reruns safe).
 */
@Stateless
public class JpaSummaryStore implements SummaryStore {
  private static final String EXPORT =
      "SELECT n.text, s.text FROM summary s JOIN note n ON n.id = s.note_id"
          + " WHERE s.state IN ('APPROVED', 'EDITED') ORDER BY s.id";

  @PersistenceContext private EntityManager em;

  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  @Override
  public Optional<Summary> find(long summaryId) {
    return Optional.ofNullable(em.find(Summary.class, summaryId));
  }

  @Override
  public Optional<Summary> findByNote(long noteId) {
    return em.createQuery("select s from Summary s where s.note.id = :id", Summary.class)
        .setParameter("id", noteId)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Summary> page(Filter filter, int offset, int limit) {
    JpqlFilter where = where(filter);
    // Loads each summary's note and patient in the same query (no alias on fetch joins in JPA).
    EntityGraph<Summary> graph = em.createEntityGraph(Summary.class);
    graph.addSubgraph("note").addAttributeNodes("patient");
    TypedQuery<Summary> q =
        em.createQuery(
                "select s from Summary s" + where.where() + " order by s.createdAt, s.id",
                Summary.class)
            .setHint("jakarta.persistence.fetchgraph", graph);
    where.bind(q);
    return q.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long count(Filter filter) {
    JpqlFilter where = where(filter);
    TypedQuery<Long> q =
        em.createQuery("select count(s) from Summary s" + where.where(), Long.class);
    where.bind(q);
    return q.getSingleResult();
  }

  private static JpqlFilter where(Filter f) {
    return new JpqlFilter()
        .and("s.state = :state", "state", f.state())
        .and("s.note.patient.externalId = :patient", "patient", f.patientId())
        .and("s.note.noteType = :type", "type", f.noteType())
        .and("s.modelVersion = :mv", "mv", f.modelVersion())
        .and("s.createdAt >= :from", "from", f.from())
        .and("s.createdAt < :to", "to", f.to());
  }

  @Override
  public Map<ReviewState, Long> countByState() {
    Map<ReviewState, Long> counts = new EnumMap<>(ReviewState.class);
    for (Object[] row :
        em.createQuery("select s.state, count(s) from Summary s group by s.state", Object[].class)
            .getResultList()) {
      counts.put((ReviewState) row[0], (Long) row[1]);
    }
    return counts;
  }

  @Override
  public List<ModelStateCount> countByModelAndState() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT backend, model_id, model_version, state, count(*) FROM summary"
                    + " GROUP BY backend, model_id, model_version, state"
                    + " ORDER BY backend, model_id, model_version")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ModelStateCount(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    ReviewState.valueOf((String) r[3]),
                    ((Number) r[4]).longValue()))
        .toList();
  }

  @Override
  public List<ReviewedText> reviewedTexts() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT backend, model_id, model_version, generated_text, text FROM summary"
                    + " WHERE state IN ('APPROVED', 'EDITED')")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ReviewedText(
                    (String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
        .toList();
  }

  @Override
  public void saveReview(Summary summary, SummaryRevision revision) {
    long read = summary.getVersion();
    // The versioned update first: a concurrent reviewer waits on the row, then fails here.
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new StaleVersionException("Summary", summary.getId(), read, read + 1);
    }
    Integer last =
        em.createQuery(
                "select max(r.revision) from SummaryRevision r where r.summary = :s", Integer.class)
            .setParameter("s", summary)
            .getSingleResult();
    revision.number(last == null ? 1 : last + 1);
    em.persist(revision);
  }

  @Override
  public List<SummaryRevision> history(long summaryId) {
    return em.createQuery(
            "select r from SummaryRevision r where r.summary.id = :id order by r.revision",
            SummaryRevision.class)
        .setParameter("id", summaryId)
        .getResultList();
  }

  @Override
  public int storeGenerated(GeneratedBatch batch) {
    try (Connection c = dataSource.getConnection()) {
      int stored = SummaryInsert.insert(c, batch.summaries(), batch.actor());
      if (batch.jobId() != null) {
        JobRows.errors(c, batch.jobId(), batch.failures());
        JobRows.count(c, batch.jobId(), batch.notes(), stored, batch.failures().size());
      }
      return stored;
    } catch (SQLException e) {
      // The caller's transaction (the chunk's) rolls back.
      throw new StoreException("Cannot store summaries: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public long exportReviewed(PairSink sink) {
    long rows = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(EXPORT)) {
      ps.setFetchSize(500);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(rs.getString(1), rs.getString(2));
          rows++;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Export failed: " + e.getMessage(), e);
    }
    return rows;
  }
}
