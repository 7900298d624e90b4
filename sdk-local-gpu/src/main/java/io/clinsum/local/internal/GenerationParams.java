package io.clinsum.local.internal;

/**
 * Resolved settings of one generation call, with Hugging Face {@code generate} semantics.
 *
 * @param maxNewTokens most tokens generated after the decoder start token
 * @param minNewTokens fewest tokens before EOS is allowed
 * @param numBeams 1 for greedy search
 * @param lengthPenalty exponent of the length normalisation of finished beams
 * @param earlyStopping stop a beam search once {@code numBeams} hypotheses are finished
 * @param noRepeatNgramSize 0 disables
 * @param repetitionPenalty 1.0 disables
 */
public record GenerationParams(
    int maxNewTokens,
    int minNewTokens,
    int numBeams,
    double lengthPenalty,
    boolean earlyStopping,
    int noRepeatNgramSize,
    double repetitionPenalty) {

  public GenerationParams {
    if (maxNewTokens < 1
        || minNewTokens < 0
        || numBeams < 1
        || noRepeatNgramSize < 0
        || !(repetitionPenalty > 0)) {
      throw new IllegalArgumentException(
          "invalid generation parameters: "
              + maxNewTokens
              + ", "
              + minNewTokens
              + ", "
              + numBeams
              + ", "
              + noRepeatNgramSize
              + ", "
              + repetitionPenalty);
    }
  }
}
