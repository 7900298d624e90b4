package io.clinsum.core.deid;

/** How a {@link Deidentifier} replaces the PHI it finds. */
public enum MaskingMode {
  /**
   * Each span becomes its category tag, {@code [NAME]}, {@code [DATE]}... Readable, not reversible.
   */
  TAG,
  /**
   * Each span becomes a realistic fake of the same kind, the same for the same value and patient
   * key (keyed by the caller's secret); dates move by one offset per patient, so intervals survive.
   * Reversible through a {@link ReidentificationMap} when one is asked for.
   */
  SURROGATE,
  /** Each span is deleted. */
  REMOVE
}
