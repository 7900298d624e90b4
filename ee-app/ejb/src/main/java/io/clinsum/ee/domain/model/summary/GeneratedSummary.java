package io.clinsum.ee.domain.model.summary;

/**
 * A summary as a model wrote it, ready to be stored as a new GENERATED summary of note {@code
 * noteId} (with revision 0 of its history).
 *
 * @param jobId the summarization job that made it; null for a note summarized on demand
 */
public record GeneratedSummary(
    long noteId,
    String text,
    String backend,
    String modelId,
    String modelVersion,
    String options,
    long elapsedMs,
    int inputTokens,
    int outputTokens,
    int chunks,
    Long jobId) {}
