package io.clinsum.core.eval.internal;

import java.util.Locale;
import java.util.Map;

/**
 * The Porter stemmer exactly as NLTK implements it in its default {@code NLTK_EXTENSIONS} mode,
 * which is the mode {@code rouge-score} uses ({@code nltk.stem.porter.PorterStemmer()}).
 *
 * <p>Besides Porter's published algorithm this includes Martin Porter's own later changes and
 * NLTK's: a pool of irregular forms ({@code dying -> die}, {@code news -> news}); words of one or
 * two letters returned as they are; four-letter words in -ies or -ied kept as -ie; y to i only
 * after a consonant; -alli handled first in step 2; the -fulli and -logi rules; and *o also true
 * for a two-letter vowel-consonant stem. Each step mirrors the method of the same name in NLTK's
 * {@code porter.py}, including which rule wins when several suffixes match.
 *
 * <p>Stateless and thread-safe. Every call stems from scratch; callers that see the same words
 * again should cache the results (see {@link RougeTokenizer}).
 */
public final class PorterStemmer {
  private static final Map<String, String> IRREGULAR_FORMS =
      Map.ofEntries(
          Map.entry("sky", "sky"),
          Map.entry("skies", "sky"),
          Map.entry("dying", "die"),
          Map.entry("lying", "lie"),
          Map.entry("tying", "tie"),
          Map.entry("news", "news"),
          Map.entry("innings", "inning"),
          Map.entry("inning", "inning"),
          Map.entry("outings", "outing"),
          Map.entry("outing", "outing"),
          Map.entry("cannings", "canning"),
          Map.entry("canning", "canning"),
          Map.entry("howe", "howe"),
          Map.entry("proceed", "proceed"),
          Map.entry("exceed", "exceed"),
          Map.entry("succeed", "succeed"));

  /** Step 2 suffixes and their replacements, in NLTK's order; all need measure > 0. */
  private static final String[] STEP2_SUFFIXES = {
    "ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization",
    "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "fulli",
    "logi"
  };

  private static final String[] STEP2_REPLACEMENTS = {
    "ate", "tion", "ence", "ance", "ize", "ble", "al", "ent", "e", "ous", "ize", "ate", "ate", "al",
    "ive", "ful", "ous", "al", "ive", "ble", "ful", "log"
  };

  /** Step 3 suffixes and their replacements, in NLTK's order; all need measure > 0. */
  private static final String[] STEP3_SUFFIXES = {
    "icate", "ative", "alize", "iciti", "ical", "ful", "ness"
  };

  private static final String[] STEP3_REPLACEMENTS = {"ic", "", "al", "ic", "ic", "", ""};

  /** Step 4 suffixes, in NLTK's order; each is removed when the measure of the rest is > 1. */
  private static final String[] STEP4_SUFFIXES = {
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize"
  };

  /**
   * Stems one word. The word is lower-cased first (as NLTK does by default); {@code rouge-score}
   * passes only lower-case ASCII letters and digits.
   */
  public String stem(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    String irregular = IRREGULAR_FORMS.get(lower);
    if (irregular != null) {
      return irregular;
    }
    if (word.length() <= 2) {
      return lower;
    }
    Word w = new Word(lower);
    w.step1a();
    w.step1b();
    w.step1c();
    w.step2();
    w.step3();
    w.step4();
    w.step5a();
    w.step5b();
    return w.toString();
  }

  /**
   * The word being stemmed: {@code chars[0, length)}. NLTK evaluates its conditions on prefixes of
   * the current word ({@code word[:-n]}); here they take the prefix length {@code end}.
   */
  private static final class Word {
    private final char[] chars;
    private int length;

    Word(String word) {
      // No step makes the word longer than it was: step 1b appends an "e" only after removing
      // "ed" or "ing".
      chars = word.toCharArray();
      length = chars.length;
    }

    // --- Step 1a: plurals -----------------------------------------------------------------

    void step1a() {
      if (length == 4 && endsWith("ies")) {
        length--; // NLTK: "ties" -> "tie", not "ti"
      } else if (endsWith("sses") || endsWith("ies")) {
        length -= 2;
      } else if (!endsWith("ss") && endsWith("s")) {
        length--;
      }
    }

    // --- Step 1b: -eed, -ed, -ing -----------------------------------------------------------

    void step1b() {
      if (endsWith("ied")) {
        length -= length == 4 ? 1 : 2; // NLTK: "died" -> "die", "spied" -> "spi"
        return;
      }
      if (endsWith("eed")) {
        if (measure(length - 3) > 0) {
          length--;
        }
        return;
      }
      if (endsWith("ed") && containsVowel(length - 2)) {
        length -= 2;
      } else if (endsWith("ing") && containsVowel(length - 3)) {
        length -= 3;
      } else {
        return;
      }
      if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
        append('e');
      } else if (endsDoubleConsonant(length)) {
        char last = chars[length - 1];
        if (last != 'l' && last != 's' && last != 'z') {
          length--;
        }
      } else if (measure(length) == 1 && endsCvc(length)) {
        append('e');
      }
    }

    // --- Step 1c: y -> i after a consonant ----------------------------------------------------

    void step1c() {
      if (endsWith("y") && length - 1 > 1 && isConsonant(length - 2)) {
        chars[length - 1] = 'i';
      }
    }

    // --- Steps 2 to 5 -------------------------------------------------------------------------

    void step2() {
      // NLTK applies "alli" -> "al" first and, when it applies, runs step 2 again.
      if (endsWith("alli") && measure(length - 4) > 0) {
        replaceSuffix(4, "al");
        step2();
        return;
      }
      int rule = firstMatch(STEP2_SUFFIXES);
      if (rule < 0) {
        return;
      }
      String suffix = STEP2_SUFFIXES[rule];
      // "logi" keeps its "l" with the stem when measuring, so that "geo-logi" stems like
      // "archaeo-logi".
      int measured = suffix.equals("logi") ? length - 3 : length - suffix.length();
      if (measure(measured) > 0) {
        replaceSuffix(suffix.length(), STEP2_REPLACEMENTS[rule]);
      }
    }

    void step3() {
      int rule = firstMatch(STEP3_SUFFIXES);
      if (rule >= 0 && measure(length - STEP3_SUFFIXES[rule].length()) > 0) {
        replaceSuffix(STEP3_SUFFIXES[rule].length(), STEP3_REPLACEMENTS[rule]);
      }
    }

    void step4() {
      int rule = firstMatch(STEP4_SUFFIXES);
      if (rule < 0) {
        return;
      }
      String suffix = STEP4_SUFFIXES[rule];
      int stem = length - suffix.length();
      if (measure(stem) > 1
          && (!suffix.equals("ion") || chars[stem - 1] == 's' || chars[stem - 1] == 't')) {
        length = stem;
      }
    }

    void step5a() {
      if (endsWith("e")) {
        int measure = measure(length - 1);
        if (measure > 1 || (measure == 1 && !endsCvc(length - 1))) {
          length--;
        }
      }
    }

    void step5b() {
      if (endsWith("ll") && measure(length - 1) > 1) {
        length--;
      }
    }

    // --- Conditions from the paper, on the prefix chars[0, end) -----------------------------

    /** Whether {@code chars[i]} is a consonant: not a vowel, and a 'y' only after a vowel. */
    private boolean isConsonant(int i) {
      boolean negate = false;
      while (i > 0 && chars[i] == 'y') {
        negate = !negate;
        i--;
      }
      return !isVowel(chars[i]) != negate;
    }

    /**
     * Whether {@code c} at index {@code i} is a consonant given whether the letter before it is
     * one: the single left-to-right pass of NLTK's {@code _consonant_flags}.
     */
    private static boolean isConsonant(char c, int i, boolean previousConsonant) {
      return !isVowel(c) && (c != 'y' || i == 0 || !previousConsonant);
    }

    private static boolean isVowel(char c) {
      return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /** Porter's m: the number of vowel-consonant transitions in {@code chars[0, end)}. */
    private int measure(int end) {
      int m = 0;
      boolean previousConsonant = true;
      for (int i = 0; i < end; i++) {
        boolean consonant = isConsonant(chars[i], i, previousConsonant);
        if (consonant && !previousConsonant) {
          m++;
        }
        previousConsonant = consonant;
      }
      return m;
    }

    /** Porter's *v*: {@code chars[0, end)} contains a vowel. */
    private boolean containsVowel(int end) {
      boolean previousConsonant = true;
      for (int i = 0; i < end; i++) {
        boolean consonant = isConsonant(chars[i], i, previousConsonant);
        if (!consonant) {
          return true;
        }
        previousConsonant = consonant;
      }
      return false;
    }

    /** Porter's *d: {@code chars[0, end)} ends with a double consonant. */
    private boolean endsDoubleConsonant(int end) {
      return end >= 2 && chars[end - 1] == chars[end - 2] && isConsonant(end - 1);
    }

    /**
     * Porter's *o: {@code chars[0, end)} ends consonant-vowel-consonant, the last not w, x or y;
     * NLTK also accepts a whole stem of vowel-consonant.
     */
    private boolean endsCvc(int end) {
      if (end >= 3) {
        char last = chars[end - 1];
        return isConsonant(end - 3)
            && !isConsonant(end - 2)
            && isConsonant(end - 1)
            && last != 'w'
            && last != 'x'
            && last != 'y';
      }
      return end == 2 && !isConsonant(0) && isConsonant(1);
    }

    // --- Editing ------------------------------------------------------------------------------

    /** Index of the first suffix the word ends with, or -1: later rules never get a chance. */
    private int firstMatch(String[] suffixes) {
      for (int i = 0; i < suffixes.length; i++) {
        if (endsWith(suffixes[i])) {
          return i;
        }
      }
      return -1;
    }

    private boolean endsWith(String suffix) {
      int n = suffix.length();
      if (n > length) {
        return false;
      }
      for (int i = 0, offset = length - n; i < n; i++) {
        if (chars[offset + i] != suffix.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /** Replaces the last {@code suffixLength} characters, never growing the word. */
    private void replaceSuffix(int suffixLength, String replacement) {
      length -= suffixLength;
      replacement.getChars(0, replacement.length(), chars, length);
      length += replacement.length();
    }

    private void append(char c) {
      chars[length++] = c;
    }

    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }
}
