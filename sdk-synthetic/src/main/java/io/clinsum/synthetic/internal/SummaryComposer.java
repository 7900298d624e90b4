package io.clinsum.synthetic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the reference summary of a note from the {@link Facts} the note states, in the terse style
 * of the seed data: {@code "Chest pain, anterior MI, PCI."}. Summaries have 3 to 15 words for
 * one-line summaries; instruction-specific summaries answer only what was asked (the symptoms, the
 * diagnosis and treatment, the medications, the outcome).
 */
final class SummaryComposer {
  static final int MAX_WORDS = 15;

  private SummaryComposer() {}

  static String summarize(InstructionKind kind, Facts facts, SplittableRandom rng) {
    List<String> parts =
        switch (kind) {
          case ONE_LINE -> oneLine(facts, rng);
          case SYMPTOMS -> new ArrayList<>(facts.symptoms);
          case DIAGNOSIS_AND_TREATMENT -> diagnosisAndTreatment(facts, rng);
          case MEDICATIONS -> new ArrayList<>(facts.meds);
          case OUTCOME -> outcome(facts);
        };
    while (parts.size() > 1 && words(parts) > MAX_WORDS) {
      parts.remove(parts.size() - 1);
    }
    StringBuilder out = new StringBuilder(96);
    Text.appendList(out, parts, false);
    out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
    out.append('.');
    return out.toString();
  }

  private static List<String> oneLine(Facts facts, SplittableRandom rng) {
    List<String> parts = new ArrayList<>(4);
    String symptom = facts.symptoms.get(0);
    String diagnosis = facts.qualifiedDiagnosis();
    boolean symptomInDiagnosis = diagnosis.contains(headNoun(symptom));
    if (facts.triage != null) {
      addUnless(symptomInDiagnosis, parts, symptom);
      parts.add(diagnosis);
      if (rng.nextInt(10) < 7) {
        parts.add(facts.triage);
      } else if (!facts.meds.isEmpty()) {
        parts.add(facts.meds.get(0));
      }
      return parts;
    }
    String treatment = treatment(facts);
    String result = facts.outcome != null ? facts.outcome : facts.disposition;
    int pattern = rng.nextInt(10);
    if (pattern < 5) {
      addUnless(symptomInDiagnosis, parts, symptom);
      parts.add(diagnosis);
      addUnless(treatment == null, parts, treatment);
    } else if (pattern < 8 || result == null) {
      parts.add(diagnosis);
      addUnless(treatment == null, parts, treatment);
      addUnless(result == null, parts, result);
    } else {
      addUnless(symptomInDiagnosis, parts, twoSymptoms(facts));
      parts.add(diagnosis);
      addUnless(treatment == null, parts, treatment);
      parts.add(result);
    }
    if (words(parts) < 3) {
      // A caregiver note may state no treatment or outcome: lead with the symptoms instead.
      parts.add(0, twoSymptoms(facts));
    }
    return parts;
  }

  /** The first two symptoms ("chest pain and diaphoresis"), or the first alone if that is long. */
  private static String twoSymptoms(Facts facts) {
    String first = facts.symptoms.get(0);
    if (facts.symptoms.size() < 2) {
      return first;
    }
    String second = facts.symptoms.get(1);
    if (first.contains(" and ") || second.contains(" and ")) {
      return first;
    }
    String both = first + " and " + second;
    return Text.wordCount(both) <= 6 ? both : first;
  }

  /** The last word of a symptom ("seizure" of "generalised seizure"), to spot repeats. */
  private static String headNoun(String symptom) {
    return symptom.substring(symptom.lastIndexOf(' ') + 1);
  }

  private static List<String> diagnosisAndTreatment(Facts facts, SplittableRandom rng) {
    List<String> treatments = new ArrayList<>(3);
    if (facts.intervention != null) {
      treatments.add(facts.intervention);
    }
    // With an intervention, one medication is enough; without one, list up to three.
    int limit = facts.intervention == null ? 3 : 2;
    for (String med : facts.meds) {
      if (treatments.size() < limit
          && (facts.intervention == null || !facts.intervention.contains(med))) {
        treatments.add(med);
      }
    }
    StringBuilder joined = new StringBuilder(64);
    boolean treatedWith = rng.nextBoolean();
    if (treatedWith) {
      joined.append("treated with ");
    }
    Text.appendList(joined, treatments, treatedWith);
    List<String> parts = new ArrayList<>(2);
    parts.add(facts.qualifiedDiagnosis());
    parts.add(joined.toString());
    return parts;
  }

  private static List<String> outcome(Facts facts) {
    List<String> parts = new ArrayList<>(2);
    addUnless(facts.outcome == null, parts, facts.outcome);
    addUnless(facts.disposition == null, parts, facts.disposition);
    return parts;
  }

  /** The key treatment: the intervention, else the first medications given. */
  private static String treatment(Facts facts) {
    if (facts.intervention != null) {
      return facts.intervention;
    }
    if (facts.meds.isEmpty()) {
      return null;
    }
    return facts.meds.size() == 1
        ? facts.meds.get(0)
        : facts.meds.get(0) + " and " + facts.meds.get(1);
  }

  private static void addUnless(boolean skip, List<String> parts, String part) {
    if (!skip) {
      parts.add(part);
    }
  }

  private static int words(List<String> parts) {
    int words = 0;
    for (String part : parts) {
      words += Text.wordCount(part);
    }
    return words;
  }
}
