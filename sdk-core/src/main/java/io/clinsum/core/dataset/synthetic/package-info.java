/**
 * Seeded generator of synthetic nursing and caregiver notes with reference summaries, for demos,
 * tests and training; start at {@link io.clinsum.core.dataset.synthetic.SyntheticNoteGenerator}.
 */
package io.clinsum.core.dataset.synthetic;
