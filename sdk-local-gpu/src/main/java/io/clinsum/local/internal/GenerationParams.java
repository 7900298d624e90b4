package io.clinsum.local.internal;

import java.util.function.Predicate;

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
 * @param sampling seeded sampling instead of greedy search, or {@code null}
 * @param stop told a row's generated tokens after each step; {@code true} finishes the row (stop
 *     strings), or {@code null}
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
    long forcedEosTokenId,
    Sampling sampling,
    Predicate<long[]> stop) {

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
        || earlyStopping == null
        || ((sampling != null || stop != null) && numBeams != 1)) {
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

  /** Greedy or beam search settings (no sampling). */
  public GenerationParams(
      int maxNewTokens,
      int minNewTokens,
      int numBeams,
      double lengthPenalty,
      EarlyStopping earlyStopping,
      int noRepeatNgramSize,
      double repetitionPenalty,
      long forcedBosTokenId,
      long forcedEosTokenId) {
    this(
        maxNewTokens,
        minNewTokens,
        numBeams,
        lengthPenalty,
        earlyStopping,
        noRepeatNgramSize,
        repetitionPenalty,
        forcedBosTokenId,
        forcedEosTokenId,
        null,
        null);
  }

  /** These settings with seeded sampling ({@code null}: greedy or beam search). */
  public GenerationParams withSampling(Sampling sampling) {
    if (sampling != null && numBeams != 1) {
      throw new IllegalArgumentException(
          "sampling (temperature > 0) draws one sequence; it needs num_beams 1, not " + numBeams);
    }
    return new GenerationParams(
        maxNewTokens,
        minNewTokens,
        numBeams,
        lengthPenalty,
        earlyStopping,
        noRepeatNgramSize,
        repetitionPenalty,
        forcedBosTokenId,
        forcedEosTokenId,
        sampling,
        stop);
  }

  /**
   * These settings, finishing a row when {@code stop} is true of its generated tokens (greedy and
   * sampling; beam search refuses it).
   */
  public GenerationParams withStop(Predicate<long[]> stop) {
    if (stop != null && numBeams != 1) {
      throw new IllegalArgumentException(
          "stop strings are checked per row; they need num_beams 1, not " + numBeams);
    }
    return new GenerationParams(
        maxNewTokens,
        minNewTokens,
        numBeams,
        lengthPenalty,
        earlyStopping,
        noRepeatNgramSize,
        repetitionPenalty,
        forcedBosTokenId,
        forcedEosTokenId,
        sampling,
        stop);
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
