package io.clinsum.synthetic.internal;

/** Where a scenario's story happens; decides how a note opens and which note types fit. */
enum Setting {
  /** The patient arrives at an emergency department. */
  EMERGENCY,
  /** The patient arrives at obstetric triage (labour and delivery). */
  MATERNITY,
  /** Something happens to a patient already on a ward (post-op, during an admission). */
  WARD,
  /** The patient is at home or in a care home; caregivers and community nurses write. */
  HOME
}
