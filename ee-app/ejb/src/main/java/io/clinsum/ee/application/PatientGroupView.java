package io.clinsum.ee.application;

import java.time.Instant;

/**
 * The group a patient is in, in the newest grouping that includes them.
 *
 * @param groupingId the grouping version
 * @param groupedAt when it was made
 * @param group the group
 * @param similarity the patient's cosine similarity to the group's centre
 */
public record PatientGroupView(
    long groupingId, Instant groupedAt, String patientId, GroupView group, double similarity) {}
