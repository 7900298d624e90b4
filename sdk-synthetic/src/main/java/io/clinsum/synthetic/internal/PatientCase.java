package io.clinsum.synthetic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The facts of one synthetic patient, drawn from a {@link Scenario}: everything a note could say.
 * Which of these facts a note actually states is recorded in {@link Facts} as it is written.
 */
final class PatientCase {
  /** Age from which notes treat a patient as an adult: 16 years, in months. */
  static final int ADULT_MONTHS = 16 * 12;

  final Scenario scenario;
  final NoteType type;
  final int ageMonths;
  final Sex sex;

  /** Minute of the day when the story starts. */
  final int time;

  final String context;
  final List<Term> symptoms;

  /** Note wording of each of {@link #symptoms}, in the same order. */
  final List<String> symptomText;

  final String onset;
  final List<String> negatives;
  final List<String> history;

  /** {@code null} for no known drug allergies. */
  final String allergy;

  final VitalSigns vitals;
  final List<String> exam;
  final List<String> tests;
  final Term diagnosis;
  final String diagnosisText;
  final List<Med> meds;

  /** Note wording of each of {@link #meds}: name, dose and route. */
  final List<String> medText;

  final Term intervention;
  final String interventionText;
  final List<String> nursing;
  final Term outcome;
  final String outcomeText;
  final Term disposition;
  final String dispositionText;

  /** {@code null} when the scenario has no follow-up (no discharge notes). */
  final String followUp;

  final String escalation;
  final int esi;

  PatientCase(Scenario s, NoteType type, Phrases phrases, SplittableRandom rng) {
    this.scenario = s;
    this.type = type;
    this.ageMonths = s.minAgeMonths + rng.nextInt(s.maxAgeMonths - s.minAgeMonths + 1);
    this.sex = s.onlySex != null ? s.onlySex : rng.nextBoolean() ? Sex.FEMALE : Sex.MALE;
    this.time = rng.nextInt(24 * 60);
    this.context = s.context.length == 0 ? null : pick(s.context, rng).render(rng);
    this.symptoms = new ArrayList<>(4);
    this.symptomText = new ArrayList<>(4);
    boolean preferLay = type == NoteType.CAREGIVER;
    addSymptom(s.symptoms[0], preferLay, rng);
    int extra = 1 + rng.nextInt(Math.min(3, s.symptoms.length - 1));
    for (int i = 1, needed = extra; i < s.symptoms.length && needed > 0; i++) {
      if (rng.nextInt(s.symptoms.length - i) < needed) {
        addSymptom(s.symptoms[i], preferLay, rng);
        needed--;
      }
    }
    this.onset = pick(s.onsets, rng).render(rng);
    this.negatives = renderSome(s.negatives, 1, 3, rng);
    this.history = renderSome(s.history, 1, 3, rng);
    this.allergy = rng.nextInt(10) < 7 ? null : pick(phrases.allergies, rng);
    this.vitals = VitalSigns.sample(s.vitals, s.oxygen, rng);
    this.exam = renderSome(s.exam, 1, 3, rng);
    this.tests = renderSome(s.tests, 1, 3, rng);
    this.diagnosis = pick(s.diagnoses, rng);
    this.diagnosisText = diagnosis.note().render(rng);
    this.meds = new ArrayList<>(3);
    this.medText = new ArrayList<>(3);
    for (int i : subset(s.meds.length, 1, 3, rng)) {
      Med med = pick(s.meds[i], rng);
      meds.add(med);
      StringBuilder text = new StringBuilder(32).append(med.name()).append(' ');
      med.dose().render(rng, text);
      medText.add(text.toString());
    }
    this.intervention = pick(s.interventions, rng);
    this.interventionText = intervention.note().render(rng);
    this.nursing = renderSome(s.nursing, 1, 2, rng);
    this.outcome = pick(s.outcomes, rng);
    this.outcomeText = outcome.note().render(rng);
    this.disposition = pick(s.dispositions, rng);
    this.dispositionText = disposition.note().render(rng);
    this.followUp = s.followUps.length == 0 ? null : pick(s.followUps, rng).render(rng);
    this.escalation = pick(s.escalations, rng).render(rng);
    this.esi = s.esiLo + rng.nextInt(s.esiHi - s.esiLo + 1);
  }

  /** Age in whole years. */
  int ageYears() {
    return ageMonths / 12;
  }

  private void addSymptom(Term[] wordings, boolean preferLay, SplittableRandom rng) {
    int matching = 0;
    for (Term wording : wordings) {
      matching += wording.lay() == preferLay ? 1 : 0;
    }
    Term chosen = pick(wordings, rng);
    if (matching > 0 && chosen.lay() != preferLay) {
      int wanted = rng.nextInt(matching);
      for (Term wording : wordings) {
        if (wording.lay() == preferLay && wanted-- == 0) {
          chosen = wording;
          break;
        }
      }
    }
    symptoms.add(chosen);
    symptomText.add(chosen.note().render(rng));
  }

  static <T> T pick(T[] options, SplittableRandom rng) {
    return options[rng.nextInt(options.length)];
  }

  private static List<String> renderSome(
      Template[] templates, int min, int max, SplittableRandom rng) {
    int[] chosen = subset(templates.length, min, max, rng);
    List<String> out = new ArrayList<>(chosen.length);
    for (int i : chosen) {
      out.add(templates[i].render(rng));
    }
    return out;
  }

  /** Between {@code min} and {@code max} distinct indices below {@code n}, in ascending order. */
  private static int[] subset(int n, int min, int max, SplittableRandom rng) {
    int hi = Math.min(max, n);
    int lo = Math.min(min, hi);
    int k = lo + rng.nextInt(hi - lo + 1);
    int[] out = new int[k];
    for (int i = 0, found = 0; i < n && found < k; i++) {
      if (rng.nextInt(n - i) < k - found) {
        out[found++] = i;
      }
    }
    return out;
  }
}
