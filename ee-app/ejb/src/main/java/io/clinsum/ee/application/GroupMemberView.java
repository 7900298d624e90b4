package io.clinsum.ee.application;

/**
 * A patient's place in a grouping.
 *
 * @param patientNumber the patient's number (database id)
 * @param patientId the patient's identifier
 * @param group the {@link GroupView#number()}
 * @param similarity cosine similarity to the group's centre
 * @param x first coordinate on the grouping's map
 * @param y second coordinate
 */
public record GroupMemberView(
    long patientNumber, String patientId, int group, double similarity, float x, float y) {}
