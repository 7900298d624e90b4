package io.clinsum.ee.application.internal;

import io.clinsum.ee.domain.model.job.JobStatus;
import io.clinsum.ee.infrastructure.migration.SchemaMigrator;
import io.clinsum.ee.infrastructure.persistence.jdbc.GroupingRows;
import io.clinsum.ee.infrastructure.persistence.jdbc.JobRows;
import io.clinsum.grouping.Grouping;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Stores a grouping version and ends its job, in one transaction. */
@Stateless
public class GroupingStore {
  @Resource(lookup = SchemaMigrator.DATASOURCE)
  private DataSource dataSource;

  /**
   * @return the new version's id
   * @throws IllegalStateException (rolling everything back) when the job is no longer RUNNING
   * @throws EJBException (rolling everything back) when the database refuses a row
   */
  public long save(long jobId, String createdBy, Grouping grouping, long[] patientNumbers) {
    try (Connection c = dataSource.getConnection()) {
      long id = GroupingRows.insert(c, jobId, createdBy, grouping, patientNumbers);
      if (!JobRows.transition(c, jobId, List.of(JobStatus.RUNNING), JobStatus.SUCCEEDED, null)) {
        throw new IllegalStateException(
            "Grouping job " + jobId + " is no longer running; its result was not stored");
      }
      return id;
    } catch (SQLException e) {
      // A checked exception would commit what was written so far; this one rolls it back.
      throw new EJBException("Cannot store the grouping: " + e.getMessage(), e);
    }
  }
}
