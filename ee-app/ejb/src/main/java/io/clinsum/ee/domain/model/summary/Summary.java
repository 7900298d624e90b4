package io.clinsum.ee.domain.model.summary;

import io.clinsum.ee.domain.model.note.ClinicalNote;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A model's summary of one note and its review. Created by the summarization tier (one row per
 * note, written with plain SQL so a re-run cannot duplicate it); changed only through the review
 * methods here, each of which yields the revision to append to the history.
 */
@Entity
@Table(name = "summary")
public class Summary {
  /** The longest summary a reviewer may write, in characters. */
  public static final int MAX_TEXT_CHARS = 20_000;

  @Id private Long id;

  @OneToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "note_id")
  private ClinicalNote note;

  @Column(name = "generated_text", nullable = false, updatable = false)
  private String generatedText;

  @Column(name = "text", nullable = false)
  private String text;

  @Column(name = "backend", nullable = false, updatable = false)
  private String backend;

  @Column(name = "model_id", nullable = false, updatable = false)
  private String modelId;

  @Column(name = "model_version", nullable = false, updatable = false)
  private String modelVersion;

  @Column(name = "options", updatable = false)
  private String options;

  @Column(name = "elapsed_ms", nullable = false, updatable = false)
  private long elapsedMs;

  @Column(name = "input_tokens", nullable = false, updatable = false)
  private int inputTokens;

  @Column(name = "output_tokens", nullable = false, updatable = false)
  private int outputTokens;

  @Column(name = "chunks", nullable = false, updatable = false)
  private int chunks;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false)
  private ReviewState state;

  @Column(name = "reviewer")
  private String reviewer;

  @Column(name = "reviewed_at")
  private Instant reviewedAt;

  @Column(name = "review_comment")
  private String reviewComment;

  @Column(name = "job_id", updatable = false)
  private Long jobId;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Summary() {}

  /** The reviewer accepts the current text. */
  public SummaryRevision approve(String actor, String comment, Instant at) {
    return review(ReviewState.APPROVED, text, actor, comment, at);
  }

  /** The reviewer replaces the text with a correction. */
  public SummaryRevision edit(String actor, String newText, String comment, Instant at) {
    if (newText == null || newText.isBlank()) {
      throw new IllegalArgumentException("text: an edited summary cannot be empty");
    }
    if (newText.length() > MAX_TEXT_CHARS) {
      throw new IllegalArgumentException(
          "text: has " + newText.length() + " characters; the limit is " + MAX_TEXT_CHARS);
    }
    return review(ReviewState.EDITED, newText, actor, comment, at);
  }

  /** The reviewer rejects the summary; a reason is required so the next model can learn. */
  public SummaryRevision reject(String actor, String reason, Instant at) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: say why the summary is rejected");
    }
    return review(ReviewState.REJECTED, text, actor, reason, at);
  }

  private SummaryRevision review(
      ReviewState newState, String newText, String actor, String comment, Instant at) {
    this.state = newState;
    this.text = newText;
    this.reviewer = actor;
    this.reviewedAt = at;
    this.reviewComment = comment;
    return new SummaryRevision(this, newState, newText, actor, comment, at);
  }

  public Long getId() {
    return id;
  }

  public ClinicalNote getNote() {
    return note;
  }

  public String getGeneratedText() {
    return generatedText;
  }

  public String getText() {
    return text;
  }

  public String getBackend() {
    return backend;
  }

  public String getModelId() {
    return modelId;
  }

  public String getModelVersion() {
    return modelVersion;
  }

  public String getOptions() {
    return options;
  }

  public long getElapsedMs() {
    return elapsedMs;
  }

  public int getInputTokens() {
    return inputTokens;
  }

  public int getOutputTokens() {
    return outputTokens;
  }

  public int getChunks() {
    return chunks;
  }

  public ReviewState getState() {
    return state;
  }

  public String getReviewer() {
    return reviewer;
  }

  public Instant getReviewedAt() {
    return reviewedAt;
  }

  public String getReviewComment() {
    return reviewComment;
  }

  public Long getJobId() {
    return jobId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}
