/**
 * Seeded generator of synthetic nursing and caregiver notes with reference summaries, for demos,
 * tests and training; start at {@link io.clinsum.synthetic.SyntheticNoteGenerator}.
 */
package io.clinsum.synthetic;
