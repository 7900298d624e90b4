package io.clinsum.ee.domain.model.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row or note a job could not handle, and why. Read-only here: written with plain SQL. */
@Entity
@Table(name = "job_error")
public class JobError {
  @Id private Long id;

  @Column(name = "job_id")
  private Long jobId;

  @Column(name = "row_num")
  private Long row;

  @Column(name = "note_id")
  private Long noteId;

  @Column(name = "field")
  private String field;

  @Column(name = "location")
  private String location;

  @Column(name = "message")
  private String message;

  protected JobError() {}

  public Long getId() {
    return id;
  }

  public Long getJobId() {
    return jobId;
  }

  public Long getRow() {
    return row;
  }

  public Long getNoteId() {
    return noteId;
  }

  public String getField() {
    return field;
  }

  public String getLocation() {
    return location;
  }

  public String getMessage() {
    return message;
  }
}
