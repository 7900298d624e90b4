package io.clinsum.synthetic.internal;

/** The kind of note, as recorded in the {@code note_type} metadata, with who writes it. */
enum NoteType {
  NURSING("nursing note"),
  CAREGIVER("caregiver note"),
  TRIAGE("ED triage note"),
  PROGRESS("progress note"),
  HANDOFF("handoff note (SBAR)"),
  DISCHARGE("discharge note");

  final String label;

  NoteType(String label) {
    this.label = label;
  }
}
