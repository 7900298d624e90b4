package io.clinsum.core.eval;

import io.clinsum.core.eval.internal.RougeTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores a candidate summary against a reference with ROUGE, reproducing number for number the
 * Python package rouge-score 0.1.2: {@code rouge_scorer.RougeScorer(types, use_stemmer=...)}.
 *
 * <pre>{@code
 * RougeScorer scorer = RougeScorer.standard();
 * Map<RougeType, RougeScore> scores = scorer.score(referenceSummary, generatedSummary);
 * double rougeL = scores.get(RougeType.ROUGE_L).fmeasure();
 *
 * RougeScorer unigrams =
 *     RougeScorer.builder().types(RougeType.ROUGE_1).useStemmer(false).build();
 * }</pre>
 *
 * <p>As in {@code rouge-score}, both texts are lower-cased, every character other than ASCII
 * letters and digits separates tokens (so accented letters, Greek and CJK text produce no tokens),
 * and with stemming on, tokens longer than three characters are reduced with NLTK's Porter stemmer.
 * {@link RougeType#ROUGE_LSUM} splits sentences at {@code "\n"} only: join sentences with newlines
 * before scoring, as {@code rouge-score} expects. A text without tokens scores 0 on every type.
 *
 * <p>Instances are immutable and thread-safe; share one. Instances that stem keep a bounded cache
 * of stems, so a long-lived scorer gets faster as it sees a corpus's vocabulary.
 */
public final class RougeScorer {
  private static final int STEM_CACHE_CAPACITY = 100_000;
  private static final RougeScore ZERO = new RougeScore(0, 0, 0);

  private final Set<RougeType> types;
  private final boolean useStemmer;
  private final RougeTokenizer tokenizer;

  private RougeScorer(Set<RougeType> types, boolean useStemmer) {
    this.types = Collections.unmodifiableSet(EnumSet.copyOf(types));
    this.useStemmer = useStemmer;
    this.tokenizer = new RougeTokenizer(useStemmer, STEM_CACHE_CAPACITY);
  }

  /** A builder; unset options default to all four types with stemming on. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A shared scorer for all four types with stemming on: the usual setting in summarization papers,
   * {@code RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)}.
   */
  public static RougeScorer standard() {
    return Standard.INSTANCE;
  }

  /** The types {@link #score} computes, in declaration order. */
  public Set<RougeType> types() {
    return types;
  }

  /** Whether tokens longer than three characters are Porter-stemmed. */
  public boolean useStemmer() {
    return useStemmer;
  }

  /**
   * Scores {@code candidate} against {@code reference} ({@code target} and {@code prediction} in
   * {@code rouge-score}).
   *
   * @return an unmodifiable map from each of {@link #types()} to its score, in declaration order
   */
  public Map<RougeType, RougeScore> score(String reference, String candidate) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(candidate, "candidate");
    Map<String, Integer> vocabulary = new HashMap<>();
    // The candidate is encoded first, so ids below vocabulary.size() here are exactly its tokens.
    Encoded cand = encode(candidate, vocabulary);
    Occurrences occurrences = new Occurrences(cand.ids, vocabulary.size());
    Encoded ref = encode(reference, vocabulary);

    Map<RougeType, RougeScore> scores = new EnumMap<>(RougeType.class);
    for (RougeType type : types) {
      scores.put(
          type,
          switch (type) {
            case ROUGE_1 -> ngramScore(ref.ids, cand.ids, 1);
            case ROUGE_2 -> ngramScore(ref.ids, cand.ids, 2);
            case ROUGE_L -> lcsScore(ref, cand, occurrences);
            case ROUGE_LSUM -> summaryLevelLcsScore(ref, cand, occurrences, vocabulary.size());
          });
    }
    return Collections.unmodifiableMap(scores);
  }

  @Override
  public String toString() {
    return "RougeScorer[types=" + types + ", useStemmer=" + useStemmer + "]";
  }

  // --- Tokens ---------------------------------------------------------------------------------

  /**
   * A text as token ids, with its sentences: the lines that have tokens. Sentence {@code s} is
   * {@code ids[sentenceEnds[s - 1], sentenceEnds[s])}.
   */
  private record Encoded(int[] ids, int[] sentenceEnds, int sentences) {
    int sentenceStart(int s) {
      return s == 0 ? 0 : sentenceEnds[s - 1];
    }
  }

  /**
   * Tokenizes {@code text} line by line and maps each distinct token to a small int, adding new
   * tokens to {@code vocabulary}. Lines are split at {@code "\n"} as {@code rouge-score} does for
   * rougeLsum; their tokens concatenated are the tokens of the whole text.
   */
  private Encoded encode(String text, Map<String, Integer> vocabulary) {
    List<String> tokens = new ArrayList<>();
    int[] sentenceEnds = new int[countLines(text)];
    int sentences = 0;
    int lineStart = 0;
    while (true) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? text.length() : newline;
      int before = tokens.size();
      tokenizer.tokenize(text, lineStart, lineEnd, tokens);
      if (tokens.size() > before) {
        sentenceEnds[sentences++] = tokens.size();
      }
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    int[] ids = new int[tokens.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = vocabulary.computeIfAbsent(tokens.get(i), token -> vocabulary.size());
    }
    return new Encoded(ids, sentenceEnds, sentences);
  }

  private static int countLines(String text) {
    int lines = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lines++;
    }
    return lines;
  }

  // --- rouge1, rouge2 -------------------------------------------------------------------------

  /** ROUGE-N: n-grams in common, counted with multiplicity (the smaller of the two counts). */
  private static RougeScore ngramScore(int[] ref, int[] cand, int n) {
    long[] refNgrams = sortedNgrams(ref, n);
    long[] candNgrams = sortedNgrams(cand, n);
    int overlap = 0;
    for (int i = 0, j = 0; i < refNgrams.length && j < candNgrams.length; ) {
      if (refNgrams[i] < candNgrams[j]) {
        i++;
      } else if (refNgrams[i] > candNgrams[j]) {
        j++;
      } else {
        overlap++;
        i++;
        j++;
      }
    }
    double precision = (double) overlap / Math.max(candNgrams.length, 1);
    double recall = (double) overlap / Math.max(refNgrams.length, 1);
    return score(precision, recall);
  }

  /** The n-grams of {@code ids} (n is 1 or 2) packed into longs, sorted. */
  private static long[] sortedNgrams(int[] ids, int n) {
    long[] ngrams = new long[Math.max(ids.length - n + 1, 0)];
    for (int i = 0; i < ngrams.length; i++) {
      ngrams[i] = n == 1 ? ids[i] : ((long) ids[i] << 32) | ids[i + 1];
    }
    Arrays.sort(ngrams);
    return ngrams;
  }

  // --- rougeL, rougeLsum ----------------------------------------------------------------------

  /** ROUGE-L: longest common subsequence of the two token sequences. */
  private static RougeScore lcsScore(Encoded ref, Encoded cand, Occurrences occurrences) {
    int m = ref.ids.length;
    int n = cand.ids.length;
    if (m == 0 || n == 0) {
      return ZERO;
    }
    BitLcs lcs = new BitLcs(cand.ids, occurrences, 1, n);
    int row = lcs.fill(ref.ids, 0, m, 0, n, false);
    int length = lcs.valueAt(row, n);
    return score((double) length / n, (double) length / m);
  }

  /**
   * ROUGE-Lsum, as {@code _summary_level_lcs}: for each reference sentence, the union of the
   * reference positions on one LCS with each candidate sentence; each token of that union is a hit
   * while both texts still have an unmatched occurrence of it.
   */
  private static RougeScore summaryLevelLcsScore(
      Encoded ref, Encoded cand, Occurrences occurrences, int vocabularySize) {
    int m = ref.ids.length;
    int n = cand.ids.length;
    if (m == 0 || n == 0) {
      return ZERO;
    }
    int[] refLeft = counts(ref.ids, vocabularySize);
    int[] candLeft = counts(cand.ids, vocabularySize);
    int longestRefSentence = 0;
    for (int s = 0; s < ref.sentences; s++) {
      longestRefSentence = Math.max(longestRefSentence, ref.sentenceEnds[s] - ref.sentenceStart(s));
    }
    int longestCandSentence = 0;
    for (int s = 0; s < cand.sentences; s++) {
      longestCandSentence =
          Math.max(longestCandSentence, cand.sentenceEnds[s] - cand.sentenceStart(s));
    }
    BitLcs lcs = new BitLcs(cand.ids, occurrences, longestRefSentence + 1, longestCandSentence);
    boolean[] inUnion = new boolean[longestRefSentence];

    int hits = 0;
    for (int r = 0; r < ref.sentences; r++) {
      int refStart = ref.sentenceStart(r);
      int refEnd = ref.sentenceEnds[r];
      Arrays.fill(inUnion, false);
      for (int c = 0; c < cand.sentences; c++) {
        lcs.markLcs(
            ref.ids, refStart, refEnd, cand.sentenceStart(c), cand.sentenceEnds[c], inUnion);
      }
      for (int i = 0; i < refEnd - refStart; i++) {
        int token = ref.ids[refStart + i];
        if (inUnion[i] && candLeft[token] > 0 && refLeft[token] > 0) {
          hits++;
          candLeft[token]--;
          refLeft[token]--;
        }
      }
    }
    return score((double) hits / n, (double) hits / m);
  }

  private static int[] counts(int[] ids, int vocabularySize) {
    int[] counts = new int[vocabularySize];
    for (int id : ids) {
      counts[id]++;
    }
    return counts;
  }

  /** Precision, recall and {@code rouge_score.scoring.fmeasure}, in the same operation order. */
  private static RougeScore score(double precision, double recall) {
    double fmeasure = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    return new RougeScore(precision, recall, fmeasure);
  }

  /** Where each candidate token occurs: {@code positions[start[id], start[id + 1])}, ascending. */
  private static final class Occurrences {
    final int[] start;
    final int[] positions;

    Occurrences(int[] ids, int vocabularySize) {
      start = new int[vocabularySize + 1];
      for (int id : ids) {
        start[id + 1]++;
      }
      for (int id = 0; id < vocabularySize; id++) {
        start[id + 1] += start[id];
      }
      positions = new int[ids.length];
      int[] next = Arrays.copyOf(start, vocabularySize);
      for (int i = 0; i < ids.length; i++) {
        positions[next[ids[i]]++] = i;
      }
    }

    /**
     * Index in {@link #positions} of the first occurrence of {@code id} at or after {@code from}.
     */
    int firstAtOrAfter(int id, int from) {
      int lo = start[id];
      int hi = start[id + 1];
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (positions[mid] < from) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  /**
   * The LCS table of reference tokens against a slice of the candidate, one bit per cell, with the
   * bit-parallel algorithm of Allison and Dix (1986) in Hyyrö's (2004) form. Row {@code i} holds a
   * bit per candidate position {@code j}, clear exactly where {@code L[i][j + 1] = L[i][j] + 1}, so
   * {@code L[i][j]} is the number of clear bits below {@code j}. Each row costs one pass over the
   * words that a match or a carry touches, and the full table needed to backtrack takes 1/32 of the
   * memory of an int table.
   */
  private static final class BitLcs {
    private final int[] cand;
    private final Occurrences occurrences;
    private final int wordsPerRow;
    private final long[] rows;
    private final long[] match;

    /**
     * @param maxRows how many rows {@link #fill} may keep: 1 to keep only the last, or the longest
     *     reference slice plus one to backtrack
     * @param maxColumns the longest candidate slice
     */
    BitLcs(int[] cand, Occurrences occurrences, int maxRows, int maxColumns) {
      this.cand = cand;
      this.occurrences = occurrences;
      this.wordsPerRow = (maxColumns + 63) >>> 6;
      this.rows = new long[maxRows * wordsPerRow];
      this.match = new long[wordsPerRow];
    }

    /**
     * Fills the table of {@code ref[refStart, refEnd)} against {@code cand[candStart, candEnd)},
     * every row kept when {@code keepRows}, else overwriting row 0.
     *
     * @return the offset in {@link #rows} of the last row
     */
    int fill(int[] ref, int refStart, int refEnd, int candStart, int candEnd, boolean keepRows) {
      int words = (candEnd - candStart + 63) >>> 6;
      Arrays.fill(rows, 0, words, -1L);
      int row = 0;
      for (int i = refStart; i < refEnd; i++) {
        int next = keepRows ? row + words : row;
        advance(ref[i], candStart, candEnd, words, row, next);
        row = next;
      }
      return row;
    }

    /**
     * Writes at offset {@code next} the row that follows the one at {@code previous} when the
     * reference token is {@code token}: {@code V' = (V + (V & M)) | (V & ~M)}, where M marks the
     * candidate positions that hold the token.
     */
    private void advance(int token, int candStart, int candEnd, int words, int previous, int next) {
      int firstWord = Integer.MAX_VALUE;
      int lastWord = -1;
      if (token < occurrences.start.length - 1) {
        int[] positions = occurrences.positions;
        int end = occurrences.start[token + 1];
        for (int p = occurrences.firstAtOrAfter(token, candStart);
            p < end && positions[p] < candEnd;
            p++) {
          int bit = positions[p] - candStart;
          match[bit >>> 6] |= 1L << bit;
          firstWord = Math.min(firstWord, bit >>> 6);
          lastWord = bit >>> 6;
        }
      }
      if (lastWord < 0) {
        if (next != previous) {
          System.arraycopy(rows, previous, rows, next, words);
        }
        return;
      }
      if (next != previous) {
        System.arraycopy(rows, previous, rows, next, firstWord);
      }
      long carry = 0;
      int k = firstWord;
      for (; k < words && (k <= lastWord || carry != 0); k++) {
        long v = rows[previous + k];
        long u = v & match[k];
        long partial = v + u;
        long sum = partial + carry;
        carry = Long.compareUnsigned(partial, v) < 0 || (carry != 0 && sum == 0) ? 1 : 0;
        rows[next + k] = sum | (v & ~match[k]);
        match[k] = 0;
      }
      if (next != previous) {
        System.arraycopy(rows, previous + k, rows, next + k, words - k);
      }
    }

    /** {@code L[i][j]} for the row at {@code row}: the clear bits below {@code j}. */
    int valueAt(int row, int j) {
      int set = 0;
      int fullWords = j >>> 6;
      for (int k = 0; k < fullWords; k++) {
        set += Long.bitCount(rows[row + k]);
      }
      if ((j & 63) != 0) {
        set += Long.bitCount(rows[row + fullWords] & ((1L << j) - 1));
      }
      return j - set;
    }

    /**
     * Marks in {@code inUnion} the reference positions on the LCS of {@code ref[refStart, refEnd)}
     * and {@code cand[candStart, candEnd)} that {@code rouge-score}'s {@code _backtrack_norec}
     * reads out: from the end, take a match, else step left when that keeps a longer LCS than
     * stepping up, else step up.
     */
    void markLcs(
        int[] ref, int refStart, int refEnd, int candStart, int candEnd, boolean[] inUnion) {
      int last = fill(ref, refStart, refEnd, candStart, candEnd, true);
      int words = (candEnd - candStart + 63) >>> 6;
      int i = refEnd - refStart;
      int j = candEnd - candStart;
      if (valueAt(last, j) == 0) {
        return;
      }
      while (i > 0 && j > 0) {
        if (ref[refStart + i - 1] == cand[candStart + j - 1]) {
          inUnion[i - 1] = true;
          i--;
          j--;
        } else if (valueAt(i * words, j - 1) > valueAt((i - 1) * words, j)) {
          j--;
        } else {
          i--;
        }
      }
    }
  }

  private static final class Standard {
    static final RougeScorer INSTANCE = builder().build();
  }

  /** Options for a {@link RougeScorer}; unset options take the defaults named on each setter. */
  public static final class Builder {
    private Set<RougeType> types;
    private Boolean useStemmer;

    private Builder() {}

    /**
     * The types to compute, at least one; default all four. Duplicates are ignored.
     *
     * @throws IllegalArgumentException if no type is given
     */
    public Builder types(RougeType... types) {
      if (types.length == 0) {
        throw new IllegalArgumentException("give at least one RougeType");
      }
      for (RougeType type : types) {
        Objects.requireNonNull(type, "types must not contain null");
      }
      this.types = EnumSet.copyOf(Arrays.asList(types));
      return this;
    }

    /**
     * Whether to Porter-stem tokens longer than three characters, as {@code use_stemmer=True};
     * default true. Stemming lets "infections" match "infection", and is what most published ROUGE
     * numbers use.
     */
    public Builder useStemmer(boolean useStemmer) {
      this.useStemmer = useStemmer;
      return this;
    }

    public RougeScorer build() {
      return new RougeScorer(
          types != null ? types : EnumSet.allOf(RougeType.class),
          useStemmer != null ? useStemmer : true);
    }
  }
}
