package io.clinsum.synthetic.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One clinical story the generator can tell (an anterior STEMI, a COPD exacerbation...): who the
 * patient can be, the facts a note can state about them, and how each fact reads in a summary.
 *
 * <p>Lists hold alternatives; a case draws from them. The first {@linkplain Builder#symptom
 * symptom} is the presenting complaint and is always stated; the others are drawn as a subset.
 * Fields are package-private and never modified after {@link Builder#build()}.
 */
final class Scenario {
  final String id;
  final String specialty;
  final int minAgeMonths;
  final int maxAgeMonths;
  final Sex onlySex;
  final Setting setting;
  final NoteType[] noteTypes;
  final Template[] context;
  final Term[][] symptoms;
  final Template[] onsets;
  final Template[] negatives;
  final Template[] history;
  final VitalRanges vitals;
  final Template oxygen;
  final Template[] exam;
  final Template[] tests;
  final Term[] diagnoses;

  /** Medication slots; each slot holds alternatives (drugs a note would not give together). */
  final Med[][] meds;

  final Term[] interventions;
  final Template[] nursing;
  final Term[] outcomes;
  final Term[] dispositions;
  final Template[] followUps;
  final Template[] escalations;
  final int esiLo;
  final int esiHi;

  private Scenario(Builder b, VitalRanges vitals, NoteType[] noteTypes) {
    this.id = b.id;
    this.specialty = b.specialty;
    this.minAgeMonths = b.minAgeMonths;
    this.maxAgeMonths = b.maxAgeMonths;
    this.onlySex = b.onlySex;
    this.setting = b.setting;
    this.noteTypes = noteTypes;
    this.context = b.context.toArray(new Template[0]);
    this.symptoms = b.symptoms.toArray(new Term[0][]);
    this.onsets = b.onsets.toArray(new Template[0]);
    this.negatives = b.negatives.toArray(new Template[0]);
    this.history = b.history.toArray(new Template[0]);
    this.vitals = vitals;
    this.oxygen = b.oxygen;
    this.exam = b.exam.toArray(new Template[0]);
    this.tests = b.tests.toArray(new Template[0]);
    this.diagnoses = b.diagnoses.toArray(new Term[0]);
    this.meds = b.meds.toArray(new Med[0][]);
    this.interventions = b.interventions.toArray(new Term[0]);
    this.nursing = b.nursing.toArray(new Template[0]);
    this.outcomes = b.outcomes.toArray(new Term[0]);
    this.dispositions = b.dispositions.toArray(new Term[0]);
    this.followUps = b.followUps.toArray(new Template[0]);
    this.escalations = b.escalations.toArray(new Template[0]);
    this.esiLo = b.esiLo;
    this.esiHi = b.esiHi;
  }

  static Builder builder(String id, String specialty) {
    return new Builder(id, specialty);
  }

  /** Builder for {@link Scenario}; {@link #build()} checks that the story is complete. */
  static final class Builder {
    private final String id;
    private final String specialty;
    private int minAgeMonths = 18 * 12;
    private int maxAgeMonths = 90 * 12;
    private Sex onlySex;
    private Setting setting = Setting.EMERGENCY;
    private boolean caregiver;
    private final List<Template> context = new ArrayList<>();
    private final List<Term[]> symptoms = new ArrayList<>();
    private final List<Template> onsets = new ArrayList<>();
    private final List<Template> negatives = new ArrayList<>();
    private final List<Template> history = new ArrayList<>();
    private final int[] vitals = new int[16];
    private final boolean[] vitalSet = new boolean[16];
    private Template oxygen;
    private final List<Template> exam = new ArrayList<>();
    private final List<Template> tests = new ArrayList<>();
    private final List<Term> diagnoses = new ArrayList<>();
    private final List<Med[]> meds = new ArrayList<>();
    private final List<Term> interventions = new ArrayList<>();
    private final List<Template> nursing = new ArrayList<>();
    private final List<Term> outcomes = new ArrayList<>();
    private final List<Term> dispositions = new ArrayList<>();
    private final List<Template> followUps = new ArrayList<>();
    private final List<Template> escalations = new ArrayList<>();
    private int esiLo = 3;
    private int esiHi = 3;

    private Builder(String id, String specialty) {
      this.id = id;
      this.specialty = specialty;
    }

    /** Age range in whole years (default 18 to 90). */
    Builder ages(int minYears, int maxYears) {
      return ageMonths(minYears * 12, maxYears * 12 + 11);
    }

    /** Age range in months, for infants and toddlers. */
    Builder ageMonths(int min, int max) {
      this.minAgeMonths = min;
      this.maxAgeMonths = max;
      return this;
    }

    Builder female() {
      this.onlySex = Sex.FEMALE;
      return this;
    }

    Builder male() {
      this.onlySex = Sex.MALE;
      return this;
    }

    /** Where the story happens (default {@link Setting#EMERGENCY}). */
    Builder setting(Setting setting) {
      this.setting = setting;
      return this;
    }

    /** Allows caregiver notes (family, parents, home care aides) for this scenario. */
    Builder caregiver() {
      this.caregiver = true;
      return this;
    }

    /** Background that follows the patient's age and sex ("POD 2 after appendectomy"). */
    Builder context(String... patterns) {
      return add(context, patterns);
    }

    /** One symptom and its wordings; the first symptom added is the presenting complaint. */
    Builder symptom(Term... wordings) {
      symptoms.add(wordings.clone());
      return this;
    }

    /** How long or since when, as it follows the symptoms ("for {1..3} hours"). */
    Builder onset(String... patterns) {
      return add(onsets, patterns);
    }

    /** Pertinent negatives, each with its negation ("{denies SOB|no SOB}"). */
    Builder negatives(String... patterns) {
      return add(negatives, patterns);
    }

    /** Past history items ("HTN", "T2DM on metformin"). */
    Builder history(String... patterns) {
      return add(history, patterns);
    }

    Builder hr(int lo, int hi) {
      return vital(0, lo, hi);
    }

    Builder bp(int systolicLo, int systolicHi, int diastolicLo, int diastolicHi) {
      vital(2, systolicLo, systolicHi);
      return vital(4, diastolicLo, diastolicHi);
    }

    Builder rr(int lo, int hi) {
      return vital(6, lo, hi);
    }

    Builder spo2(int lo, int hi) {
      return vital(8, lo, hi);
    }

    /** Temperature range in degrees Celsius. */
    Builder temp(double lo, double hi) {
      return vital(10, tenths(lo), tenths(hi));
    }

    /** Blood glucose range in mmol/L; charting it makes it part of every set of vitals. */
    Builder bgl(double lo, double hi) {
      return vital(12, tenths(lo), tenths(hi));
    }

    /** Pain score range (0–10); charting it adds a pain score to notes. */
    Builder pain(int lo, int hi) {
      return vital(14, lo, hi);
    }

    /** Oxygen the patient is already on when SpO2 is measured ("{2|3} L NC"); default air. */
    Builder oxygen(String pattern) {
      this.oxygen = Template.of(pattern);
      return this;
    }

    Builder exam(String... patterns) {
      return add(exam, patterns);
    }

    /** Investigations with their results ("troponin I {1.2..18.0} ng/mL"). */
    Builder tests(String... patterns) {
      return add(tests, patterns);
    }

    Builder diagnosis(Term... wordings) {
      diagnoses.addAll(Arrays.asList(wordings));
      return this;
    }

    /** Medications, each in its own slot, in the order a note would list them. */
    Builder meds(Med... given) {
      for (Med med : given) {
        meds.add(new Med[] {med});
      }
      return this;
    }

    /** One slot of alternatives: a note gives at most one of them (apixaban or enoxaparin). */
    Builder medOneOf(Med... alternatives) {
      meds.add(alternatives.clone());
      return this;
    }

    /** The key treatment, as a past-tense phrase without subject ("taken for PCI"). */
    Builder intervention(Term... wordings) {
      interventions.addAll(Arrays.asList(wordings));
      return this;
    }

    /** Nursing actions, as past-participle phrases ("placed on cardiac monitor"). */
    Builder nursing(String... patterns) {
      return add(nursing, patterns);
    }

    /** How the patient responded ("pain resolved post-procedure"). */
    Builder outcome(Term... wordings) {
      outcomes.addAll(Arrays.asList(wordings));
      return this;
    }

    /** Where the patient went next ("admitted to CCU"). */
    Builder disposition(Term... wordings) {
      dispositions.addAll(Arrays.asList(wordings));
      return this;
    }

    /** Follow-up after discharge; without any, the scenario has no discharge notes. */
    Builder followUp(String... patterns) {
      return add(followUps, patterns);
    }

    /** What a caregiver did about it ("called 911"); defaults suit the setting. */
    Builder escalation(String... patterns) {
      return add(escalations, patterns);
    }

    /** Emergency Severity Index range at triage (default 3). */
    Builder esi(int lo, int hi) {
      this.esiLo = lo;
      this.esiHi = hi;
      return this;
    }

    Scenario build() {
      require(symptoms.size() >= 2, "at least two symptoms");
      require(!onsets.isEmpty(), "an onset");
      require(!negatives.isEmpty(), "a pertinent negative");
      require(!history.isEmpty(), "a history item");
      require(!exam.isEmpty(), "an exam finding");
      require(!tests.isEmpty(), "a test result");
      require(!diagnoses.isEmpty(), "a diagnosis");
      require(!meds.isEmpty(), "a medication");
      require(!interventions.isEmpty(), "an intervention");
      require(!nursing.isEmpty(), "a nursing action");
      require(!outcomes.isEmpty(), "an outcome");
      require(!dispositions.isEmpty(), "a disposition");
      require(minAgeMonths <= maxAgeMonths, "a non-empty age range");
      require(esiLo >= 1 && esiLo <= esiHi && esiHi <= 5, "an ESI range within 1..5");
      require(
          (setting != Setting.WARD && setting != Setting.HOME) || !context.isEmpty(),
          "a context (ward and home stories start from one)");
      VitalRanges ranges = mergedVitals();
      for (Template negative : negatives) {
        String text = negative.source().toLowerCase(Locale.ROOT);
        boolean deniesFever = text.contains("afebrile") || text.contains("fever");
        require(!deniesFever || ranges.tempHi() < 378, "no fever denial with a febrile range");
      }
      if (escalations.isEmpty()) {
        escalation(
            setting == Setting.HOME
                ? "{called the GP|called the community nurse|rang the on-call nurse}"
                : "{called 911|called an ambulance|called for an ambulance}");
      }
      return new Scenario(this, ranges, noteTypes());
    }

    private NoteType[] noteTypes() {
      List<NoteType> types = new ArrayList<>();
      types.add(NoteType.NURSING);
      types.add(NoteType.NURSING);
      if (setting == Setting.HOME) {
        types.add(NoteType.CAREGIVER);
        types.add(NoteType.CAREGIVER);
      } else {
        if (setting != Setting.WARD) {
          types.add(NoteType.TRIAGE);
        }
        types.add(NoteType.PROGRESS);
        types.add(NoteType.HANDOFF);
        if (caregiver) {
          types.add(NoteType.CAREGIVER);
        }
      }
      if (!followUps.isEmpty()) {
        types.add(NoteType.DISCHARGE);
      }
      return types.toArray(new NoteType[0]);
    }

    private VitalRanges mergedVitals() {
      VitalRanges base =
          minAgeMonths >= 16 * 12 ? VitalRanges.adult() : VitalRanges.child(minAgeMonths);
      int[] v = {
        base.hrLo(), base.hrHi(), base.sbpLo(), base.sbpHi(), base.dbpLo(), base.dbpHi(),
        base.rrLo(), base.rrHi(), base.spo2Lo(), base.spo2Hi(), base.tempLo(), base.tempHi(),
        base.bglLo(), base.bglHi(), base.painLo(), base.painHi()
      };
      for (int i = 0; i < v.length; i++) {
        if (vitalSet[i]) {
          v[i] = vitals[i];
        }
      }
      for (int i = 0; i < v.length; i += 2) {
        require(v[i] <= v[i + 1], "vital ranges with low <= high");
      }
      return new VitalRanges(
          v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
          v[14], v[15]);
    }

    private Builder vital(int index, int lo, int hi) {
      vitals[index] = lo;
      vitals[index + 1] = hi;
      vitalSet[index] = true;
      vitalSet[index + 1] = true;
      return this;
    }

    private static int tenths(double value) {
      return (int) Math.round(value * 10);
    }

    private Builder add(List<Template> list, String... patterns) {
      for (String pattern : patterns) {
        list.add(Template.of(pattern));
      }
      return this;
    }

    private void require(boolean condition, String what) {
      if (!condition) {
        throw new IllegalStateException("Scenario " + id + " needs " + what);
      }
    }
  }
}
