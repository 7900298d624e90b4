/**
 * Grouping patients with similar diagnoses ({@code clinsum-sdk-grouping}): {@link
 * io.clinsum.grouping.PatientGrouper} clusters the embedded texts of each patient into labelled
 * groups with a quality score; {@link io.clinsum.grouping.TfIdfEmbedder} is the baseline embedder,
 * {@link io.clinsum.grouping.GroupingEvaluator} scores a grouping against reference labels and
 * {@link io.clinsum.grouping.GroupingReport} renders it.
 */
package io.clinsum.grouping;
