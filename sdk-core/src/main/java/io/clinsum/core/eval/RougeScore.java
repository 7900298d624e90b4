package io.clinsum.core.eval;

/**
 * One ROUGE score of a candidate against a reference, as {@code rouge_score.scoring.Score}.
 *
 * @param precision matched units over the candidate's units, in {@code [0, 1]}
 * @param recall matched units over the reference's units, in {@code [0, 1]}
 * @param fmeasure harmonic mean of precision and recall; 0 when both are 0
 */
public record RougeScore(double precision, double recall, double fmeasure) {
  public RougeScore {
    checkUnitInterval("precision", precision);
    checkUnitInterval("recall", recall);
    checkUnitInterval("fmeasure", fmeasure);
  }

  private static void checkUnitInterval(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
    }
  }
}
