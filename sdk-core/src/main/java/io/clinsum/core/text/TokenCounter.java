package io.clinsum.core.text;

/**
 * Counts tokens the way a model's tokenizer would, so that notes can be split to fit its input
 * budget. Backends with a real tokenizer supply an exact counter; {@link #approximate()} serves
 * backends without one.
 */
@FunctionalInterface
public interface TokenCounter {

  /** Number of tokens in {@code text}. */
  int count(CharSequence text);

  /**
   * A tokenizer-free estimate close to subword tokenizers on English clinical text: one token per
   * punctuation mark and one per six letters or digits of each word (rounded up). It tends to
   * over-count slightly, which keeps chunks inside a real model's budget.
   */
  static TokenCounter approximate() {
    return ApproximateTokenCounter.INSTANCE;
  }
}
