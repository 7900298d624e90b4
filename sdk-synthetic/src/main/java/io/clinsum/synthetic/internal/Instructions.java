package io.clinsum.synthetic.internal;

import java.util.SplittableRandom;

/**
 * How often each {@link InstructionKind} is asked (a weight) and the ways it is phrased ({@code
 * instructions.json}). Arrays are indexed by the kind's ordinal and never modified.
 */
final class Instructions {
  private static final InstructionKind[] KINDS = InstructionKind.values();

  private final int[] weights;
  private final String[][] phrasings;

  /**
   * @param weights a positive weight per kind, by ordinal
   * @param phrasings at least one phrasing per kind, by ordinal
   */
  Instructions(int[] weights, String[][] phrasings) {
    this.weights = weights.clone();
    this.phrasings = phrasings.clone();
  }

  /** Draws a kind the note can answer, by weight. */
  InstructionKind draw(Facts facts, SplittableRandom rng) {
    int total = 0;
    for (InstructionKind kind : KINDS) {
      total += kind.answerableFrom(facts) ? weights[kind.ordinal()] : 0;
    }
    int ticket = rng.nextInt(total);
    for (InstructionKind kind : KINDS) {
      if (kind.answerableFrom(facts)) {
        ticket -= weights[kind.ordinal()];
        if (ticket < 0) {
          return kind;
        }
      }
    }
    throw new IllegalStateException("unreachable: ONE_LINE is always answerable");
  }

  /** One of the ways {@code kind} is phrased. */
  String phrase(InstructionKind kind, SplittableRandom rng) {
    String[] options = phrasings[kind.ordinal()];
    return options[rng.nextInt(options.length)];
  }
}
