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
import java.util.Objects;

/**
 * A model's summary of one note and its review. Created by the summarization tier (one row per
 * note, written with plain SQL so a re-run cannot duplicate it, from a {@link GeneratedSummary});
 * changed only through the review methods here, which check the version the reviewer read and the
 * transition ({@link ReviewState}), and yield the revision to append to the history.
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

  /**
   * The reviewer accepts the current text.
   *
   * @param expectedVersion the version the reviewer read
   * @throws StaleSummaryException when the summary has changed since that version
   * @throws IllegalReviewTransitionException when review cannot approve it now
   */
  public SummaryRevision approve(
      String reviewer, long expectedVersion, String comment, Instant at) {
    return review(ReviewState.APPROVED, text, reviewer, expectedVersion, comment, at);
  }

  /**
   * The reviewer replaces the text with a correction.
   *
   * @throws IllegalArgumentException ({@code "text: ..."}) when the correction is empty or too long
   */
  public SummaryRevision edit(
      String reviewer, long expectedVersion, String newText, String comment, Instant at) {
    requireVersion(expectedVersion);
    if (newText == null || newText.isBlank()) {
      throw new IllegalArgumentException("text: an edited summary cannot be empty");
    }
    if (newText.length() > MAX_TEXT_CHARS) {
      throw new IllegalArgumentException(
          "text: has " + newText.length() + " characters; the limit is " + MAX_TEXT_CHARS);
    }
    return review(ReviewState.EDITED, newText, reviewer, expectedVersion, comment, at);
  }

  /**
   * The reviewer rejects the summary; a reason is required so the next model can learn.
   *
   * @throws IllegalArgumentException ({@code "reason: ..."}) without a reason
   */
  public SummaryRevision reject(String reviewer, long expectedVersion, String reason, Instant at) {
    requireVersion(expectedVersion);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason: say why the summary is rejected");
    }
    return review(ReviewState.REJECTED, text, reviewer, expectedVersion, reason, at);
  }

  /** The version check comes first: a reviewer who read an old version must read it again. */
  private void requireVersion(long expectedVersion) {
    if (expectedVersion != version) {
      throw new StaleSummaryException(id == null ? 0 : id, expectedVersion, version);
    }
  }

  /**
   * Checks everything first (version, transition, reviewer, time), then changes state, text and
   * review fields together, so a refused review leaves the summary as it was.
   */
  private SummaryRevision review(
      ReviewState newState,
      String newText,
      String reviewer,
      long expectedVersion,
      String comment,
      Instant at) {
    requireVersion(expectedVersion);
    state.requireCanBecome(newState);
    if (reviewer == null || reviewer.isBlank()) {
      throw new IllegalArgumentException("reviewer: a review needs the reviewer's name");
    }
    Objects.requireNonNull(at, "at");
    this.state = newState;
    this.text = newText;
    this.reviewer = reviewer;
    this.reviewedAt = at;
    this.reviewComment = comment;
    return new SummaryRevision(this, newState, newText, reviewer, comment, at);
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
