package io.clinsum.grouping;

/**
 * Where one patient landed.
 *
 * @param patientId the patient
 * @param groupId the {@link PatientGroup#id()}, or {@link Grouping#UNGROUPED} when the patient fits
 *     no group (HDBSCAN noise)
 * @param similarity cosine similarity to the centre of their group (to all patients' centre when
 *     ungrouped), in [-1, 1]
 * @param x first coordinate of the patient on the 2-D map of the grouping
 * @param y second coordinate
 */
public record Membership(String patientId, int groupId, double similarity, float x, float y) {}
