package io.clinsum.synthetic.internal;

import java.util.SplittableRandom;

/**
 * What an instruction asks a summary to cover, with the ways it is phrased. A record without an
 * instruction gets a {@link #ONE_LINE} summary.
 */
enum InstructionKind {
  ONE_LINE(
      25,
      "Summarize this note in one line.",
      "Summarize the note.",
      "Write a one-line summary of this note.",
      "Give a brief summary of this note."),
  SYMPTOMS(
      30,
      "Summarize the symptoms that the patient is experiencing.",
      "What symptoms does the patient have?",
      "List the patient's presenting symptoms."),
  DIAGNOSIS_AND_TREATMENT(
      25,
      "Summarize the diagnosis and treatment.",
      "What was the diagnosis and how was it treated?",
      "State the diagnosis and the treatment given."),
  MEDICATIONS(
      10,
      "List the medications given.",
      "Summarize the medications administered.",
      "Which medications were given?"),
  OUTCOME(10, "Summarize the outcome and disposition.", "Summarize the patient's outcome.");

  private static final InstructionKind[] ALL = values();

  final int weight;
  final String[] phrasings;

  InstructionKind(int weight, String... phrasings) {
    this.weight = weight;
    this.phrasings = phrasings;
  }

  /** Whether the note states what this instruction asks about. */
  boolean answerableFrom(Facts facts) {
    return switch (this) {
      case ONE_LINE, SYMPTOMS -> true;
      case DIAGNOSIS_AND_TREATMENT -> facts.intervention != null || !facts.meds.isEmpty();
      case MEDICATIONS -> !facts.meds.isEmpty();
      case OUTCOME -> facts.outcome != null || facts.disposition != null;
    };
  }

  /** Draws a kind the note can answer, by weight. */
  static InstructionKind draw(Facts facts, SplittableRandom rng) {
    int total = 0;
    for (InstructionKind kind : ALL) {
      total += kind.answerableFrom(facts) ? kind.weight : 0;
    }
    int ticket = rng.nextInt(total);
    for (InstructionKind kind : ALL) {
      if (kind.answerableFrom(facts)) {
        ticket -= kind.weight;
        if (ticket < 0) {
          return kind;
        }
      }
    }
    throw new IllegalStateException("unreachable: ONE_LINE is always answerable");
  }
}
