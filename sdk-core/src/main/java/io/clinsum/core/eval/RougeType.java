package io.clinsum.core.eval;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The ROUGE variants {@link RougeScorer} computes, named as in {@code rouge-score}. */
public enum RougeType {
  /** Unigram overlap. */
  ROUGE_1("rouge1"),
  /** Bigram overlap. */
  ROUGE_2("rouge2"),
  /** Longest common subsequence of the whole texts, newlines ignored. */
  ROUGE_L("rougeL"),
  /**
   * Summary-level longest common subsequence: each text is split into sentences at every newline
   * character, and each reference sentence is matched against the union of its LCS with each
   * candidate sentence.
   */
  ROUGE_LSUM("rougeLsum");

  private final String key;

  RougeType(String key) {
    this.key = key;
  }

  /**
   * The name {@code rouge-score} uses for this type, such as {@code rouge1} or {@code rougeLsum}.
   */
  public String key() {
    return key;
  }

  /**
   * The type named {@code key} in {@code rouge-score}.
   *
   * @throws IllegalArgumentException if {@code key} names no type; the message lists the keys
   */
  public static RougeType fromKey(String key) {
    for (RougeType type : values()) {
      if (type.key.equals(key)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown ROUGE type '"
            + key
            + "'; use one of "
            + Arrays.stream(values()).map(RougeType::key).collect(Collectors.joining(", ")));
  }
}
