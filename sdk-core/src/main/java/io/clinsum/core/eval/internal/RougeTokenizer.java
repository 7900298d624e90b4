package io.clinsum.core.eval.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokenizer of {@code rouge-score} ({@code rouge_score.tokenize.tokenize}): lower-case the
 * text, turn every run of characters other than {@code [a-z0-9]} into a space, split on spaces, and
 * Porter-stem the tokens longer than three characters.
 *
 * <p>Python lower-cases with full Unicode case mapping before it drops non-ASCII characters, so two
 * non-ASCII characters survive as ASCII letters: the Kelvin sign (U+212A) becomes {@code k}, and
 * the capital I with dot above (U+0130) becomes {@code i} followed by a combining dot, which ends
 * the token. Every other non-ASCII character, accented letters and non-ASCII digits included,
 * separates tokens. This was checked over every code point of Unicode 14 (Python 3.11) and holds
 * the same for the JDK's Unicode tables.
 *
 * <p>Thread-safe. Stems are cached in a map shared by all threads; when the map reaches its
 * capacity it is emptied and starts over, which bounds its memory without any bookkeeping on the
 * hot path.
 */
public final class RougeTokenizer {
  private static final char KELVIN_SIGN = '\u212A';
  private static final char CAPITAL_I_WITH_DOT_ABOVE = '\u0130';

  /** Tokens of at most this many characters are never stemmed, as in {@code rouge-score}. */
  private static final int MAX_UNSTEMMED_LENGTH = 3;

  private final PorterStemmer stemmer;
  private final ConcurrentHashMap<String, String> stemCache;
  private final int stemCacheCapacity;

  /**
   * @param useStemmer whether to Porter-stem tokens longer than three characters
   * @param stemCacheCapacity how many distinct words to keep stems for; ignored without stemming
   */
  public RougeTokenizer(boolean useStemmer, int stemCacheCapacity) {
    if (stemCacheCapacity < 1) {
      throw new IllegalArgumentException("stemCacheCapacity must be positive");
    }
    this.stemmer = useStemmer ? new PorterStemmer() : null;
    this.stemCache = useStemmer ? new ConcurrentHashMap<>() : null;
    this.stemCacheCapacity = stemCacheCapacity;
  }

  /**
   * Appends the tokens of {@code text.substring(from, to)} to {@code out}, in order.
   *
   * <p>Tokenizing each line of a text separately and concatenating gives exactly the tokens of the
   * whole text, since a line break separates tokens.
   */
  public void tokenize(String text, int from, int to, List<String> out) {
    char[] token = new char[to - from];
    int length = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        token[length++] = c;
      } else if (c >= 'A' && c <= 'Z') {
        token[length++] = (char) (c + ('a' - 'A'));
      } else if (c == KELVIN_SIGN) {
        token[length++] = 'k';
      } else if (c == CAPITAL_I_WITH_DOT_ABOVE) {
        token[length++] = 'i';
        emit(token, length, out);
        length = 0;
      } else if (length > 0) {
        emit(token, length, out);
        length = 0;
      }
    }
    if (length > 0) {
      emit(token, length, out);
    }
  }

  private void emit(char[] token, int length, List<String> out) {
    String word = new String(token, 0, length);
    out.add(stemmer == null || length <= MAX_UNSTEMMED_LENGTH ? word : stem(word));
  }

  private String stem(String word) {
    String stem = stemCache.get(word);
    if (stem == null) {
      stem = stemmer.stem(word);
      if (stemCache.size() >= stemCacheCapacity) {
        stemCache.clear();
      }
      stemCache.put(word, stem);
    }
    return stem;
  }
}
