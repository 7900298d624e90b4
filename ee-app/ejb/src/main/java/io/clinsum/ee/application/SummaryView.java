package io.clinsum.ee.application;

import java.time.Instant;

/**
 * A summary with its review state. {@code noteText} is filled only when one summary is read for
 * review (an audited read); lists leave it null.
 */
public record SummaryView(
    long id,
    long noteId,
    String patientId,
    String noteType,
    String state,
    String text,
    String generatedText,
    String backend,
    String modelId,
    String modelVersion,
    long elapsedMs,
    int inputTokens,
    int outputTokens,
    int chunks,
    String reviewer,
    Instant reviewedAt,
    String reviewComment,
    Instant createdAt,
    long version,
    String noteText) {}
