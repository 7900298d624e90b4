package io.clinsum.ee.application;

import java.time.Instant;

/**
 * A note as the API shows it. {@code text} is null in lists: note text is read one note at a time,
 * and each read is audited.
 */
public record NoteView(
    long id,
    String patientId,
    String noteId,
    String noteType,
    String authorRole,
    String source,
    Instant recordedAt,
    Instant createdAt,
    String createdBy,
    Long summaryId,
    String summaryState,
    String text) {}
