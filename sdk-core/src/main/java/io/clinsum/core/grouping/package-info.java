/** Grouping patients with similar diagnoses: evaluation against reference labels. */
package io.clinsum.core.grouping;
