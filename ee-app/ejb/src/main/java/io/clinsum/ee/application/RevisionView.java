package io.clinsum.ee.application;

import java.time.Instant;

/** One entry of a summary's history. */
public record RevisionView(
    int revision, String state, String text, String actor, String comment, Instant at) {}
