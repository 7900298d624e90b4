package io.clinsum.synthetic.internal;

import java.util.Map;

/**
 * The phrase lists that notes draw from beside a scenario's own facts ({@code phrases.json}):
 * allergies, closing remarks by who writes, handoff recommendations, what a caregiver does when a
 * scenario names nothing, and the misspellings of hurried charting. Arrays are never modified after
 * construction.
 */
final class Phrases {
  final String[] allergies;

  /** Closing remarks of nursing notes in hospital. */
  final String[] closings;

  final String[] homeClosings;
  final String[] childClosings;
  final String[] aideClosings;
  final String[] familyClosings;
  final String[] careHomeClosings;
  final String[] parentClosings;

  /** What a handoff recommends ("repeat obs in {1|2|4} hrs"). */
  final Template[] recommendations;

  /** A caregiver's escalation when a home scenario names none ("called the GP"). */
  final Template homeEscalation;

  /** A caregiver's escalation when any other scenario names none ("called 911"). */
  final Template otherEscalation;

  /** Correct word to its common misspelling ({@code patient} to {@code pateint}). */
  final Map<String, String> misspellings;

  Phrases(
      String[] allergies,
      String[] closings,
      String[] homeClosings,
      String[] childClosings,
      String[] aideClosings,
      String[] familyClosings,
      String[] careHomeClosings,
      String[] parentClosings,
      Template[] recommendations,
      Template homeEscalation,
      Template otherEscalation,
      Map<String, String> misspellings) {
    this.allergies = allergies;
    this.closings = closings;
    this.homeClosings = homeClosings;
    this.childClosings = childClosings;
    this.aideClosings = aideClosings;
    this.familyClosings = familyClosings;
    this.careHomeClosings = careHomeClosings;
    this.parentClosings = parentClosings;
    this.recommendations = recommendations;
    this.homeEscalation = homeEscalation;
    this.otherEscalation = otherEscalation;
    this.misspellings = Map.copyOf(misspellings);
  }

  /** The escalation for a scenario of {@code setting} that names none. */
  Template defaultEscalation(Setting setting) {
    return setting == Setting.HOME ? homeEscalation : otherEscalation;
  }
}
