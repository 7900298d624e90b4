package io.clinsum.ee.application;

import java.time.Instant;

/** A job with its progress in [0, 1]. */
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
    String error,
    String createdBy,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {}
