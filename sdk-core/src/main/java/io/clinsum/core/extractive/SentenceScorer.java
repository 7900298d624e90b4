package io.clinsum.core.extractive;

import io.clinsum.core.text.NoteSegmenter;
import io.clinsum.core.text.Section;
import io.clinsum.core.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores and selects a note's sentences for {@link ExtractiveBackend}. Thread-safe and stateless
 * apart from its mode.
 */
public final class SentenceScorer {
  /** How sentences are chosen. */
  public enum Mode {
    /** Section weights, position and term centrality: ClinSum's extractive backend. */
    SECTION_AWARE,
    /** The first sentence(s) of the note: the classic baseline. */
    LEAD
  }

  private static final Set<String> STOP_WORDS =
      Set.of(
          "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "was", "were", "is",
          "are", "be", "been", "has", "had", "have", "he", "she", "his", "her", "they", "their",
          "it", "this", "that", "at", "by", "as", "from", "but", "not", "no", "patient", "pt",
          "which", "who", "will", "then", "there", "also", "any", "all", "after", "into", "did",
          "does");
  private static final Set<String> SYMPTOM_WORDS =
      Set.of(
          "pain",
          "ache",
          "aches",
          "painful",
          "tender",
          "tenderness",
          "sob",
          "dyspnea",
          "dyspnoea",
          "breath",
          "cough",
          "fever",
          "febrile",
          "chills",
          "nausea",
          "vomiting",
          "diarrhea",
          "diarrhoea",
          "dizziness",
          "dizzy",
          "weakness",
          "fatigue",
          "numbness",
          "swelling",
          "rash",
          "headache",
          "confusion",
          "confused",
          "bleeding",
          "wheeze",
          "wheezing",
          "palpitations",
          "diaphoresis",
          "diaphoretic",
          "c/o",
          "complains",
          "complaint",
          "complaints",
          "reports",
          "presents",
          "presented",
          "itching",
          "itchy",
          "anxious",
          "lethargic",
          "seizure",
          "syncope");
  private static final Set<String> DIAGNOSIS_WORDS =
      Set.of(
          "diagnosis",
          "diagnosed",
          "impression",
          "assessment",
          "infarction",
          "mi",
          "stemi",
          "fracture",
          "pneumonia",
          "sepsis",
          "stroke",
          "exacerbation",
          "failure",
          "infection",
          "ketoacidosis",
          "dka",
          "bleed",
          "hemorrhage",
          "haemorrhage",
          "cancer",
          "carcinoma",
          "tumor",
          "mass",
          "disease",
          "syndrome",
          "procedure",
          "performed",
          "underwent",
          "pci",
          "surgery",
          "repair",
          "excision",
          "removal",
          "resection",
          "ectomy",
          "plasty",
          "otomy",
          "scopy",
          "treated",
          "started",
          "given",
          "admitted",
          "transferred",
          "catheterization");

  private final Mode mode;
  private final NoteSegmenter segmenter = NoteSegmenter.get();

  public SentenceScorer(Mode mode) {
    this.mode = mode;
  }

  /** The chosen sentences of {@code note}, in note order, within {@code maxWords} words. */
  public String summarize(String note, String instruction, int maxWords) {
    List<Candidate> candidates = candidates(note);
    if (candidates.isEmpty()) {
      return "";
    }
    if (mode == Mode.SECTION_AWARE) {
      score(candidates, Focus.of(instruction));
      candidates.sort(
          Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingInt(c -> c.order));
    }
    List<Candidate> chosen = new ArrayList<>();
    int words = 0;
    for (Candidate c : candidates) {
      if (!chosen.isEmpty() && c.sectionWeight < 0) {
        continue; // medications, vitals, anaesthesia: never worth a second sentence
      }
      if (chosen.stream().anyMatch(k -> similar(k, c))) {
        continue; // pre- and post-operative diagnoses often repeat each other
      }
      if (chosen.isEmpty() || words + c.words <= maxWords) {
        chosen.add(c);
        words += c.words;
      }
      if (words >= maxWords * 0.6 || (mode == Mode.LEAD && !chosen.isEmpty())) {
        break;
      }
    }
    chosen.sort(Comparator.comparingInt(c -> c.order));
    StringBuilder out = new StringBuilder();
    for (Candidate c : chosen) {
      out.append(out.length() == 0 ? "" : " ").append(trimToWords(c.text, maxWords));
    }
    return out.toString();
  }

  private List<Candidate> candidates(String note) {
    List<Candidate> out = new ArrayList<>();
    int order = 0;
    for (Section section : segmenter.sections(note)) {
      double weight = SectionWeights.weight(section.heading());
      int index = 0;
      for (Span span : section.sentences()) {
        String text = clean(span.of(note));
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
          continue;
        }
        out.add(new Candidate(text, terms, section.heading(), weight, index++, order++));
      }
    }
    return out;
  }

  private void score(List<Candidate> candidates, Focus focus) {
    Map<String, Integer> frequency = new HashMap<>();
    for (Candidate c : candidates) {
      for (String t : c.terms) {
        if (!STOP_WORDS.contains(t)) {
          frequency.merge(t, 1, Integer::sum);
        }
      }
    }
    for (Candidate c : candidates) {
      double centrality = 0;
      int content = 0;
      int symptom = 0;
      int diagnosis = 0;
      for (String t : c.terms) {
        if (STOP_WORDS.contains(t)) {
          continue;
        }
        content++;
        centrality += Math.log1p(frequency.getOrDefault(t, 0));
        if (SYMPTOM_WORDS.contains(t)) {
          symptom++;
        }
        if (DIAGNOSIS_WORDS.contains(t)
            || t.endsWith("ectomy")
            || t.endsWith("itis")
            || t.endsWith("plasty")
            || t.endsWith("otomy")
            || t.endsWith("oscopy")) {
          diagnosis++;
        }
      }
      double density = content == 0 ? 0 : centrality / content;
      double position =
          (c.order == 0 ? 1.0 : 0)
              + (c.indexInSection == 0 ? 0.5 : 0)
              - Math.min(1.0, c.order * 0.02);
      double length = c.words < 4 ? -1.0 : c.words > 45 ? -0.8 : 0;
      double focusBonus =
          switch (focus) {
            case SYMPTOMS -> 1.2 * Math.min(3, symptom);
            case DIAGNOSIS -> 1.2 * Math.min(3, diagnosis);
            case NONE -> 0.3 * Math.min(2, symptom + diagnosis);
          };
      c.score = 2.0 * c.sectionWeight + position + 0.6 * density + length + focusBonus;
    }
  }

  /** Whether two sentences share at least 70% of their distinct terms (Jaccard). */
  private static boolean similar(Candidate a, Candidate b) {
    java.util.Set<String> x = new java.util.HashSet<>(a.terms);
    java.util.Set<String> y = new java.util.HashSet<>(b.terms);
    int union = x.size() + y.size();
    x.retainAll(y);
    union -= x.size();
    return union > 0 && x.size() >= 0.7 * union;
  }

  private static String clean(String sentence) {
    StringBuilder sb = new StringBuilder(sentence.length());
    boolean space = false;
    for (int i = 0; i < sentence.length(); i++) {
      char c = sentence.charAt(i);
      if (Character.isWhitespace(c)) {
        space = sb.length() > 0;
        continue;
      }
      if (space) {
        sb.append(' ');
        space = false;
      }
      sb.append(c);
    }
    // MTSamples artefacts: "text.," and a leading comma after a heading.
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ',') {
      end--;
    }
    return sb.substring(0, end);
  }

  private static List<String> terms(String sentence) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= sentence.length(); i++) {
      char c = i < sentence.length() ? sentence.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c) || c == '/') {
        word.append(Character.toLowerCase(c));
      } else if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
    }
    return out;
  }

  private static String trimToWords(String sentence, int maxWords) {
    int words = 0;
    for (int i = 0; i < sentence.length(); i++) {
      if (sentence.charAt(i) == ' ' && ++words >= maxWords) {
        return sentence.substring(0, i);
      }
    }
    return sentence;
  }

  private enum Focus {
    NONE,
    SYMPTOMS,
    DIAGNOSIS;

    static Focus of(String instruction) {
      if (instruction == null) {
        return NONE;
      }
      String s = instruction.toLowerCase(Locale.ROOT);
      if (s.contains("symptom") || s.contains("complain")) {
        return SYMPTOMS;
      }
      if (s.contains("diagnos") || s.contains("treat") || s.contains("procedure")) {
        return DIAGNOSIS;
      }
      return NONE;
    }
  }

  private static final class Candidate {
    final String text;
    final List<String> terms;
    final double sectionWeight;
    final int indexInSection;
    final int order;
    final int words;
    double score;

    Candidate(
        String text,
        List<String> terms,
        String heading,
        double sectionWeight,
        int indexInSection,
        int order) {
      this.text = text;
      this.terms = terms;
      this.sectionWeight = sectionWeight;
      this.indexInSection = indexInSection;
      this.order = order;
      this.words = text.isEmpty() ? 0 : text.split(" ").length;
    }
  }
}
