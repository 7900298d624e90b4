package io.clinsum.synthetic.internal;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Puts the slips of hurried charting into a note: common misspellings, swapped, dropped and doubled
 * letters. Only lower-case words of five letters or more are touched, so numbers, doses and
 * abbreviations ({@code SpO2}, {@code PRN}, {@code q4h}) stay intact.
 */
final class TypoInjector {
  private TypoInjector() {}

  /**
   * Returns {@code note} with each eligible word misspelt with probability {@code rate}: as {@code
   * misspellings} has it when it lists the word, else by a swapped, dropped or doubled letter.
   * Returns {@code note} itself when the rate is zero.
   */
  static String inject(
      String note, double rate, Map<String, String> misspellings, SplittableRandom rng) {
    if (rate <= 0) {
      return note;
    }
    StringBuilder out = null;
    int copied = 0;
    int n = note.length();
    int i = 0;
    while (i < n) {
      if (!isWordChar(note.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      boolean plain = true;
      for (; i < n && isWordChar(note.charAt(i)); i++) {
        char ch = note.charAt(i);
        plain &= ch >= 'a' && ch <= 'z';
      }
      if (plain && i - start >= 5 && rng.nextDouble() < rate) {
        if (out == null) {
          out = new StringBuilder(n + 8);
        }
        out.append(note, copied, start);
        misspell(note.substring(start, i), misspellings, rng, out);
        copied = i;
      }
    }
    return out == null ? note : out.append(note, copied, n).toString();
  }

  private static boolean isWordChar(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '/' || ch == '-' || ch == '\'';
  }

  private static void misspell(
      String word, Map<String, String> misspellings, SplittableRandom rng, StringBuilder out) {
    String known = misspellings.get(word);
    if (known != null) {
      out.append(known);
      return;
    }
    int at = 1 + rng.nextInt(word.length() - 2);
    switch (rng.nextInt(3)) {
      case 0 ->
          out.append(word, 0, at)
              .append(word.charAt(at + 1))
              .append(word.charAt(at))
              .append(word, at + 2, word.length());
      case 1 -> out.append(word, 0, at).append(word, at + 1, word.length());
      default -> out.append(word, 0, at + 1).append(word, at, word.length());
    }
  }
}
