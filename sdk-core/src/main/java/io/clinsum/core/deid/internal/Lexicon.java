package io.clinsum.core.deid.internal;

import io.clinsum.core.ConfigurationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of the rule detector: names, places, facilities, the clinical allow-list and
 * common words, read from {@code io/clinsum/core/deid/*.txt} once per class loader on first use,
 * plus what a builder added. Immutable once built.
 */
final class Lexicon {
  final Set<String> firstNames;
  final Set<String> surnames;
  final Set<String> clinical;
  final Set<String> common;

  /** First word (lower case) → whole phrases (lower case, words split by one space). */
  final Map<String, List<String[]>> places;

  final Map<String, List<String[]>> facilities;

  private Lexicon(
      Set<String> firstNames,
      Set<String> surnames,
      Set<String> clinical,
      Set<String> common,
      Map<String, List<String[]>> places,
      Map<String, List<String[]>> facilities) {
    this.firstNames = firstNames;
    this.surnames = surnames;
    this.clinical = clinical;
    this.common = common;
    this.places = places;
    this.facilities = facilities;
  }

  private static final class Builtin {
    static final Lexicon INSTANCE =
        new Lexicon(
            words("first-names.txt"),
            words("surnames.txt"),
            words("clinical-terms.txt"),
            words("common-words.txt"),
            phrases(lines("places.txt")),
            phrases(lines("facilities.txt")));
  }

  /** The built-in lists. */
  static Lexicon builtin() {
    return Builtin.INSTANCE;
  }

  /** The built-in lists plus extra names, places and words to keep. */
  static Lexicon extended(
      Collection<String> names, Collection<String> places, Collection<String> keep) {
    Lexicon base = builtin();
    if (names.isEmpty() && places.isEmpty() && keep.isEmpty()) {
      return base;
    }
    Set<String> first = new HashSet<>(base.firstNames);
    Set<String> last = new HashSet<>(base.surnames);
    for (String name : names) {
      String n = lower(name.strip());
      if (!n.isEmpty()) {
        first.add(n);
        last.add(n);
      }
    }
    Set<String> clinical = new HashSet<>(base.clinical);
    keep.forEach(k -> clinical.add(lower(k.strip())));
    Map<String, List<String[]>> placeMap = new HashMap<>(base.places);
    for (Map.Entry<String, List<String[]>> e : phrases(List.copyOf(places)).entrySet()) {
      placeMap.merge(
          e.getKey(),
          e.getValue(),
          (a, b) -> {
            List<String[]> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
          });
    }
    return new Lexicon(
        Set.copyOf(first),
        Set.copyOf(last),
        Set.copyOf(clinical),
        base.common,
        Map.copyOf(placeMap),
        base.facilities);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static Set<String> words(String file) {
    Set<String> out = new HashSet<>();
    for (String line : lines(file)) {
      for (String w : line.split("\\s+")) {
        if (!w.isEmpty()) {
          out.add(lower(w));
        }
      }
    }
    return Set.copyOf(out);
  }

  private static Map<String, List<String[]>> phrases(List<String> lines) {
    Map<String, List<String[]>> out = new HashMap<>();
    for (String line : lines) {
      String[] words = lower(line.strip()).split("\\s+");
      if (words.length > 0 && !words[0].isEmpty()) {
        out.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
      }
    }
    // Longest phrase first, so "new york city" wins over "new york".
    out.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.length, a.length)));
    return out;
  }

  static List<String> lines(String file) {
    String path = "/io/clinsum/core/deid/" + file;
    try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new ConfigurationException(
            "De-identification dictionary " + path + " is missing from the class path");
      }
      List<String> out = new ArrayList<>();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          String t = line.strip();
          if (!t.isEmpty() && !t.startsWith("#")) {
            out.add(t);
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new ConfigurationException("Cannot read de-identification dictionary " + path, e);
    }
  }
}
