package io.clinsum.local.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * The score adjustments of Hugging Face {@code generate}, applied in its order: repetition penalty,
 * no-repeat n-grams, minimum new tokens, forced BOS, forced EOS. Works in place on one row of
 * scores for one hypothesis.
 */
final class LogitsProcessor {
  private final ModelConfig config;
  private final GenerationParams params;

  LogitsProcessor(ModelConfig config, GenerationParams params) {
    this.config = config;
    this.params = params;
  }

  /**
   * @param scores logits (greedy) or log-probabilities (beam search) of the next token
   * @param sequence tokens so far: the decoder start token (seq2seq) or the prompt (decoder-only),
   *     then the generated ones
   * @param length how many of {@code sequence} are valid
   * @param generated how many of them were generated
   */
  void process(float[] scores, long[] sequence, int length, int generated) {
    if (params.repetitionPenalty() != 1.0) {
      float penalty = (float) params.repetitionPenalty();
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < length; i++) {
        int t = (int) sequence[i];
        if (seen.add(sequence[i])) {
          scores[t] = scores[t] < 0 ? scores[t] * penalty : scores[t] / penalty;
        }
      }
    }
    int n = params.noRepeatNgramSize();
    if (n > 0 && length + 1 >= n) {
      banRepeatedNgrams(scores, sequence, length, n);
    }
    if (generated < params.minNewTokens()) {
      for (long eos : config.eosTokenIds()) {
        scores[(int) eos] = Float.NEGATIVE_INFINITY;
      }
    }
    if (generated == 0 && params.forcedBosTokenId() >= 0) {
      force(scores, new long[] {params.forcedBosTokenId()});
    }
    if (generated == params.maxNewTokens() - 1 && params.forcedEosTokenId() >= 0) {
      force(scores, new long[] {params.forcedEosTokenId()});
    }
  }

  private static void banRepeatedNgrams(float[] scores, long[] seq, int length, int n) {
    // The last n-1 tokens, followed by any token that completed the same prefix before, would
    // repeat an n-gram.
    int prefixStart = length - (n - 1);
    for (int start = 0; start + n <= length; start++) {
      boolean match = true;
      for (int k = 0; k < n - 1 && match; k++) {
        match = seq[start + k] == seq[prefixStart + k];
      }
      if (match) {
        scores[(int) seq[start + n - 1]] = Float.NEGATIVE_INFINITY;
      }
    }
  }

  private static void force(float[] scores, long[] allowed) {
    java.util.Arrays.fill(scores, Float.NEGATIVE_INFINITY);
    for (long t : allowed) {
      scores[(int) t] = 0f;
    }
  }
}
