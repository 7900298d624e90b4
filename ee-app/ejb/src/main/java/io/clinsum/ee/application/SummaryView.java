package io.clinsum.ee.application;

import java.time.Instant;
import java.util.List;

/**
 * A summary with its review state. {@code noteText} and {@code phi} are filled only when one
 * summary is read for review (an audited read); lists leave them null.
 *
 * @param phi where the note holds protected health information, as the SDK's de-identifier finds it
 *     (offsets into {@code noteText}; categories, never the text), so that reviewers see what would
 *     be masked before a note leaves the hospital
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
    String noteText,
    List<PhiSpanView> phi) {}
