package io.clinsum.ee.domain.model.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a summary's history: its generation (revision 0) or a review. Append-only. */
@Entity
@Table(name = "summary_revision")
public class SummaryRevision {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "summary_id", updatable = false)
  private Summary summary;

  @Column(name = "revision", nullable = false, updatable = false)
  private int revision;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, updatable = false)
  private ReviewState state;

  @Column(name = "text", nullable = false, updatable = false)
  private String text;

  @Column(name = "actor", nullable = false, updatable = false)
  private String actor;

  @Column(name = "comment", updatable = false)
  private String comment;

  @Column(name = "at", nullable = false, updatable = false)
  private Instant at;

  protected SummaryRevision() {}

  SummaryRevision(
      Summary summary, ReviewState state, String text, String actor, String comment, Instant at) {
    this.summary = summary;
    this.state = state;
    this.text = text;
    this.actor = actor;
    this.comment = comment;
    this.at = at;
  }

  /** Numbers this revision; the history's next number is one past the highest stored. */
  public void number(int revision) {
    this.revision = revision;
  }

  public Long getId() {
    return id;
  }

  public int getRevision() {
    return revision;
  }

  public ReviewState getState() {
    return state;
  }

  public String getText() {
    return text;
  }

  public String getActor() {
    return actor;
  }

  public String getComment() {
    return comment;
  }

  public Instant getAt() {
    return at;
  }
}
