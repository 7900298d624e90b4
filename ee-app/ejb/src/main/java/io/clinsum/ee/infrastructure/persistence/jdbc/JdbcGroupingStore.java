package io.clinsum.ee.infrastructure.persistence.jdbc;

import io.clinsum.ee.application.GroupMemberView;
import io.clinsum.ee.application.GroupingView;
import io.clinsum.ee.application.PatientGroupView;
import io.clinsum.ee.application.port.GroupingStore;
import io.clinsum.ee.domain.model.job.JobTransition;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import io.clinsum.grouping.Grouping;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@link GroupingStore} on {@link GroupingRows}, in the caller's transaction. */
@Stateless
public class JdbcGroupingStore implements GroupingStore {
  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  @Override
  public long save(long jobId, String createdBy, Grouping grouping, long[] patientNumbers) {
    try (Connection c = dataSource.getConnection()) {
      long id = GroupingRows.insert(c, jobId, createdBy, grouping, patientNumbers);
      if (!JobRows.transition(c, jobId, JobTransition.succeed())) {
        throw new IllegalStateException(
            "Grouping job " + jobId + " is no longer running; its result was not stored");
      }
      return id;
    } catch (SQLException e) {
      // A checked exception would commit what was written so far; this one rolls it back.
      throw new EJBException("Cannot store the grouping: " + e.getMessage(), e);
    }
  }

  @Override
  public List<PatientSummaries> patientSummaries() {
    return read(GroupingRows::patientSummaries);
  }

  @Override
  public long patients() {
    return read(GroupingRows::patients);
  }

  @Override
  public List<GroupingView> page(int offset, int limit) {
    return read(c -> GroupingRows.page(c, offset, limit));
  }

  @Override
  public long count() {
    return read(GroupingRows::count);
  }

  @Override
  public Optional<GroupingView> find(long groupingId) {
    return read(c -> GroupingRows.find(c, groupingId));
  }

  @Override
  public boolean exists(long groupingId) {
    return read(c -> GroupingRows.exists(c, groupingId));
  }

  @Override
  public Optional<GroupingView> latest() {
    return read(GroupingRows::latest);
  }

  @Override
  public List<GroupMemberView> members(long groupingId, Integer group, int offset, int limit) {
    return read(c -> GroupingRows.members(c, groupingId, group, offset, limit));
  }

  @Override
  public long countMembers(long groupingId, Integer group) {
    return read(c -> GroupingRows.countMembers(c, groupingId, group));
  }

  @Override
  public Optional<PatientGroupView> patientGroup(String patientId) {
    return read(c -> GroupingRows.patientGroup(c, patientId));
  }

  @Override
  public Optional<PatientGroupView> patientGroup(long patientNumber) {
    return read(c -> GroupingRows.patientGroup(c, patientNumber));
  }

  @FunctionalInterface
  private interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(Read<T> read) {
    try (Connection c = dataSource.getConnection()) {
      return read.run(c);
    } catch (SQLException e) {
      throw new EJBException("Cannot read groupings: " + e.getMessage(), e);
    }
  }
}
