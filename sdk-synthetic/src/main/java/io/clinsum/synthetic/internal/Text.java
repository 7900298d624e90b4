package io.clinsum.synthetic.internal;

import java.util.List;

/** Small allocation-free text helpers for the hot path (no regex, no {@code String.format}). */
final class Text {
  private static final int MINUTES_PER_DAY = 24 * 60;

  private Text() {}

  /** A clock time as nurses chart it: {@code 0215} or, with {@code colon}, {@code 02:15}. */
  static String clock(int minuteOfDay, boolean colon) {
    int m = Math.floorMod(minuteOfDay, MINUTES_PER_DAY);
    int hour = m / 60;
    int minute = m % 60;
    char[] out = new char[colon ? 5 : 4];
    out[0] = (char) ('0' + hour / 10);
    out[1] = (char) ('0' + hour % 10);
    int at = 2;
    if (colon) {
      out[at++] = ':';
    }
    out[at] = (char) ('0' + minute / 10);
    out[at + 1] = (char) ('0' + minute % 10);
    return new String(out);
  }

  /** Appends {@code scaled / 10^decimals} with exactly {@code decimals} fraction digits. */
  static void appendScaled(StringBuilder out, int scaled, int decimals) {
    if (decimals == 0) {
      out.append(scaled);
      return;
    }
    if (scaled < 0) {
      out.append('-');
      scaled = -scaled;
    }
    int factor = 1;
    for (int i = 0; i < decimals; i++) {
      factor *= 10;
    }
    out.append(scaled / factor).append('.');
    int fraction = scaled % factor;
    for (int f = factor / 10; f > 1 && fraction < f; f /= 10) {
      out.append('0');
    }
    out.append(fraction);
  }

  /** Appends {@code text} with its first character in upper case. */
  static void appendCapitalised(StringBuilder out, String text) {
    if (text.isEmpty()) {
      return;
    }
    out.append(Character.toUpperCase(text.charAt(0))).append(text, 1, text.length());
  }

  /** {@code text} with its first character in upper case. */
  static String capitalise(String text) {
    if (text.isEmpty() || Character.isUpperCase(text.charAt(0))) {
      return text;
    }
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /**
   * Appends the items as a list: {@code a, b and c}, or {@code a, b, c} when {@code lastAnd} is
   * false or the last two items have an "and" of their own ({@code nausea and vomiting}).
   */
  static void appendList(StringBuilder out, List<String> items, boolean lastAnd) {
    int last = items.size() - 1;
    boolean and =
        lastAnd
            && last > 0
            && !items.get(last).contains(" and ")
            && !items.get(last - 1).contains(" and ");
    for (int i = 0; i <= last; i++) {
      if (i > 0) {
        out.append(and && i == last ? " and " : ", ");
      }
      out.append(items.get(i));
    }
  }

  /** Ends the sentence in {@code out} with a full stop unless it already ends in punctuation. */
  static void endSentence(StringBuilder out) {
    char last = out.charAt(out.length() - 1);
    if (last != '.' && last != '!' && last != '?') {
      out.append('.');
    }
  }

  /** Number of space-separated words in {@code text}. */
  static int wordCount(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = text.charAt(i) == ' ';
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }
}
