package io.clinsum.grouping.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Content words of clinical text for TF-IDF and group labels: lower-cased words of three or more
 * letters, without English stop words and the filler every note shares ("patient", "year-old"),
 * plus the bigrams of adjacent content words ("chest pain").
 */
public final class Terms {
  private static final Set<String> STOP =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "and",
          "any",
          "are",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "did",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "few",
          "for",
          "from",
          "further",
          "had",
          "has",
          "have",
          "having",
          "her",
          "here",
          "hers",
          "herself",
          "him",
          "himself",
          "his",
          "how",
          "into",
          "its",
          "itself",
          "just",
          "more",
          "most",
          "not",
          "now",
          "off",
          "once",
          "only",
          "other",
          "our",
          "out",
          "over",
          "own",
          "same",
          "she",
          "should",
          "some",
          "such",
          "than",
          "that",
          "the",
          "their",
          "them",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "through",
          "too",
          "under",
          "until",
          "very",
          "was",
          "were",
          "what",
          "when",
          "where",
          "which",
          "while",
          "who",
          "whom",
          "why",
          "will",
          "with",
          "would",
          "you",
          "your",
          "patient",
          "patients",
          "year",
          "years",
          "old",
          "male",
          "female",
          "man",
          "woman",
          "presents",
          "presented",
          "presenting",
          "history",
          "today",
          "noted",
          "per",
          "well",
          "given",
          "seen");

  private Terms() {}

  /** Unigrams then bigrams of {@code text}'s content words. */
  public static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : ' ';
      if (Character.isLetter(c)) {
        word.append(c);
      } else if (word.length() > 0) {
        String w = word.toString();
        words.add(w.length() >= 3 && !STOP.contains(w) ? w : null);
        word.setLength(0);
      }
    }
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w != null) {
        terms.add(w);
        if (i + 1 < words.size() && words.get(i + 1) != null) {
          terms.add(w + " " + words.get(i + 1));
        }
      }
    }
    return terms;
  }
}
