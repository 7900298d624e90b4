package io.clinsum.local.internal;

/**
 * Resolved settings of one generation call, with Hugging Face {@code generate} semantics.
 *
 * @param maxNewTokens most tokens generated after the decoder start token
 * @param minNewTokens fewest tokens before EOS is allowed
 * @param numBeams 1 for greedy search
 * @param lengthPenalty exponent of the length normalisation of finished beams
 * @param earlyStopping when a beam search stops taking finished hypotheses
 * @param noRepeatNgramSize 0 disables
 * @param repetitionPenalty 1.0 disables
 * @param forcedBosTokenId token forced first, or -1
 * @param forcedEosTokenId token forced at the length limit, or -1
 */
public record GenerationParams(
    int maxNewTokens,
    int minNewTokens,
    int numBeams,
    double lengthPenalty,
    EarlyStopping earlyStopping,
    int noRepeatNgramSize,
    double repetitionPenalty,
    long forcedBosTokenId,
    long forcedEosTokenId) {

  /** transformers' {@code early_stopping}: {@code True}, {@code False} or {@code "never"}. */
  public enum EarlyStopping {
    /** Stop as soon as {@code numBeams} hypotheses are finished. */
    TRUE,
    /** Stop when no running beam can beat the worst finished one at the current length. */
    FALSE,
    /**
     * As FALSE, but estimating the best running score at the maximum length (canonical beam
     * search).
     */
    NEVER;

    public static EarlyStopping of(boolean b) {
      return b ? TRUE : FALSE;
    }
  }

  public GenerationParams {
    if (maxNewTokens < 1
        || minNewTokens < 0
        || numBeams < 1
        || noRepeatNgramSize < 0
        || !(repetitionPenalty > 0)
        || earlyStopping == null) {
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

  /** Settings with the model's forced BOS/EOS tokens. */
  public static GenerationParams of(
      ModelConfig config,
      int maxNewTokens,
      int minNewTokens,
      int numBeams,
      double lengthPenalty,
      boolean earlyStopping,
      int noRepeatNgramSize,
      double repetitionPenalty) {
    return new GenerationParams(
        maxNewTokens,
        minNewTokens,
        numBeams,
        lengthPenalty,
        EarlyStopping.of(earlyStopping),
        noRepeatNgramSize,
        repetitionPenalty,
        config.forcedBosTokenId(),
        config.forcedEosTokenId());
  }
}
