package io.clinsum.ee.application;

import java.time.Instant;

/**
 * A job with its progress in [0, 1]. {@code launches} above 1 means it was interrupted (server or
 * database failure, stop) and resumed; {@code attempts} counts executions in a row that stored
 * nothing.
 */
public record JobView(
    long id,
    String kind,
    String status,
    long total,
    long processed,
    long succeeded,
    long failed,
    double progress,
    int attempts,
    int launches,
    String error,
    String createdBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {}
