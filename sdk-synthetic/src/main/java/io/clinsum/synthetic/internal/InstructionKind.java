package io.clinsum.synthetic.internal;

/**
 * What an instruction asks a summary to cover. A record without an instruction gets a {@link
 * #ONE_LINE} summary. How often each kind is asked and how it is phrased are data ({@link
 * Instructions}).
 */
enum InstructionKind {
  ONE_LINE("oneLine"),
  SYMPTOMS("symptoms"),
  DIAGNOSIS_AND_TREATMENT("diagnosisAndTreatment"),
  MEDICATIONS("medications"),
  OUTCOME("outcome");

  /** The kind's name in {@code instructions.json}. */
  final String key;

  InstructionKind(String key) {
    this.key = key;
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
}
