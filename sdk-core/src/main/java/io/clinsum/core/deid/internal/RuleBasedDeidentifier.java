package io.clinsum.core.deid.internal;

import io.clinsum.core.ClinSumException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.Summarizer;
import io.clinsum.core.deid.DeidentifiedText;
import io.clinsum.core.deid.Deidentifier;
import io.clinsum.core.deid.MaskingMode;
import io.clinsum.core.deid.PhiCategory;
import io.clinsum.core.deid.PhiSpan;
import io.clinsum.core.deid.ReidentificationMap;
import io.clinsum.core.deid.spi.PhiDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The deidentifier that {@link Deidentifier#builder()} builds: the built-in rules plus any added
 * detectors, overlap resolution, and masking in one of the three modes. Immutable.
 */
public final class RuleBasedDeidentifier implements Deidentifier {
  private final MaskingMode mode;
  private final byte[] secret;
  private final boolean keepMap;
  private final Set<PhiCategory> categories;
  private final double minConfidence;
  private final List<PhiDetector> detectors;
  private final String[] surrogateFirst;
  private final String[] surrogateLast;

  /** Called by {@link Deidentifier.Builder#build()}, which validates the arguments. */
  public RuleBasedDeidentifier(
      MaskingMode mode,
      byte[] secret,
      boolean keepMap,
      Set<PhiCategory> categories,
      double minConfidence,
      List<PhiDetector> extra,
      List<String> names,
      List<String> places,
      List<String> keep) {
    this.mode = mode;
    this.secret = secret.clone();
    this.keepMap = keepMap;
    this.categories = Set.copyOf(categories);
    this.minConfidence = minConfidence;
    Lexicon lex = Lexicon.extended(names, places, keep);
    List<PhiDetector> all = new ArrayList<>();
    all.add(new RuleDetector(lex, Regions.get()));
    all.addAll(extra);
    this.detectors = List.copyOf(all);
    Lexicon builtin = Lexicon.builtin();
    this.surrogateFirst = pool(builtin.firstNames, builtin);
    this.surrogateLast = pool(builtin.surnames, builtin);
  }

  private static String[] pool(Set<String> names, Lexicon lex) {
    return names.stream()
        .filter(
            n ->
                n.length() > 2
                    && !lex.common.contains(n)
                    && !lex.clinical.contains(n)
                    && n.indexOf('\'') < 0)
        .sorted()
        .toArray(String[]::new);
  }

  @Override
  public MaskingMode mode() {
    return mode;
  }

  @Override
  public List<PhiSpan> find(String text) {
    check(text);
    return detect(text, false);
  }

  private List<PhiSpan> detect(String text, boolean onlyMasked) {
    List<PhiSpan> raw = new ArrayList<>();
    for (PhiDetector d : detectors) {
      List<PhiSpan> found = d.detect(text);
      for (PhiSpan s : found) {
        if (s.end() > text.length()) {
          throw new IllegalStateException(
              "a PHI detector returned a span past the end of the text ("
                  + s.end()
                  + " > "
                  + text.length()
                  + ")");
        }
        if (s.confidence() >= minConfidence && (!onlyMasked || categories.contains(s.category()))) {
          raw.add(s);
        }
      }
    }
    return resolve(raw);
  }

  /**
   * Non-overlapping spans in order: overlapping candidates merge into the better one's category.
   */
  static List<PhiSpan> resolve(List<PhiSpan> raw) {
    raw.sort(
        Comparator.comparingInt(PhiSpan::start)
            .thenComparing(Comparator.comparingInt(PhiSpan::end).reversed()));
    List<PhiSpan> out = new ArrayList<>(raw.size());
    for (PhiSpan s : raw) {
      if (out.isEmpty()) {
        out.add(s);
        continue;
      }
      PhiSpan last = out.get(out.size() - 1);
      if (!last.overlaps(s)) {
        out.add(s);
        continue;
      }
      PhiSpan better = better(last, s);
      out.set(
          out.size() - 1,
          new PhiSpan(
              last.start(),
              Math.max(last.end(), s.end()),
              better.category(),
              Math.max(last.confidence(), s.confidence()),
              better.rule()));
    }
    return out;
  }

  private static PhiSpan better(PhiSpan a, PhiSpan b) {
    double diff = a.confidence() - b.confidence();
    if (Math.abs(diff) >= 0.15) {
      return diff > 0 ? a : b;
    }
    if (a.length() != b.length()) {
      return a.length() > b.length() ? a : b;
    }
    return diff >= 0 ? a : b;
  }

  @Override
  public DeidentifiedText deidentify(String text, String patientKey) {
    check(text);
    try {
      List<PhiSpan> spans = detect(text, true);
      Map<String, String> reverse = keepMap ? new LinkedHashMap<>() : null;
      Surrogates surrogates =
          mode == MaskingMode.SURROGATE
              ? new Surrogates(secret, patientKey, surrogateFirst, surrogateLast)
              : null;
      StringBuilder out = new StringBuilder(text.length() + 16);
      List<PhiSpan> replacements = new ArrayList<>(spans.size());
      int at = 0;
      for (PhiSpan s : spans) {
        out.append(text, at, s.start());
        String original = text.substring(s.start(), s.end());
        String replacement =
            switch (mode) {
              case TAG -> s.category().tag();
              case REMOVE -> "";
              case SURROGATE -> surrogates.surrogate(s.category(), original, false);
            };
        int replacedAt = out.length();
        out.append(replacement);
        if (!replacement.isEmpty()) {
          replacements.add(
              new PhiSpan(replacedAt, out.length(), s.category(), s.confidence(), s.rule()));
        }
        if (reverse != null
            && mode == MaskingMode.SURROGATE
            && !replacement.equals(s.category().tag())) {
          reverse.put(replacement, original);
          if (s.category() == PhiCategory.NAME) {
            for (String word : original.split("[\\s.]+")) {
              if (word.length() > 1) {
                reverse.put(surrogates.nameToken(word), word);
              }
            }
          }
        }
        at = s.end();
      }
      out.append(text, at, text.length());
      return new DeidentifiedText(
          out.toString(),
          spans,
          replacements,
          reverse == null ? Optional.empty() : Optional.of(new ReidentificationMap(reverse)));
    } catch (ClinSumException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // Never the text, never a partial result: the caller must not send this note.
      throw new ClinSumException(
          FailureReason.INTERNAL,
          "De-identification failed ("
              + e.getClass().getSimpleName()
              + "); the note was not masked and must not be sent. Report this with the note's id.",
          null,
          null);
    }
  }

  private static void check(String text) {
    if (text == null) {
      throw new InvalidRequestException("text", "is required");
    }
    if (text.length() > Summarizer.MAX_NOTE_CHARS) {
      throw new InvalidRequestException(
          "text",
          "is "
              + text.length()
              + " characters, over the limit of "
              + Summarizer.MAX_NOTE_CHARS
              + "; split the document into notes");
    }
  }

  @Override
  public String toString() {
    return "RuleBasedDeidentifier[mode="
        + mode
        + ", categories="
        + categories.size()
        + ", detectors="
        + detectors.size()
        + "]";
  }

  /** The states, countries and regions that are not PHI. */
  static final class Regions {
    private static final class Holder {
      static final Set<String> REGIONS = load();
    }

    static Set<String> get() {
      return Holder.REGIONS;
    }

    private static Set<String> load() {
      Set<String> out = new HashSet<>();
      Lexicon.builtin(); // fail early on a broken class path
      for (String line : Lexicon.lines("regions.txt")) {
        out.add(Lexicon.lower(line));
      }
      return Set.copyOf(out);
    }
  }
}
