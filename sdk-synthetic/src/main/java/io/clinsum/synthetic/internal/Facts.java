package io.clinsum.synthetic.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What a note actually states, recorded by {@link NoteComposer} as it writes each fact, in summary
 * wording. {@link SummaryComposer} builds summaries from these facts only, so a summary never holds
 * a fact its note lacks.
 */
final class Facts {
  final List<String> symptoms = new ArrayList<>(4);
  final List<String> meds = new ArrayList<>(3);
  String diagnosis;

  /** "suspected", "likely" or "possible" when the note only suspects the diagnosis. */
  String qualifier;

  String intervention;
  String outcome;
  String disposition;

  /** The triage category as written ("ESI 2"), or {@code null}. */
  String triage;

  /** The diagnosis with its qualifier, if any ("suspected anterior STEMI"). */
  String qualifiedDiagnosis() {
    return qualifier == null ? diagnosis : qualifier + " " + diagnosis;
  }
}
