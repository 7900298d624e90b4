package io.clinsum.ee.application;

import java.time.Instant;

/** A patient with how many notes and summaries they have. */
public record PatientView(
    long id, String patientId, Instant createdAt, long notes, long summaries) {}
