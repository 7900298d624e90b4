package io.clinsum.synthetic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One clinical story the generator can tell (an anterior STEMI, a COPD exacerbation...): who the
 * patient can be, the facts a note can state about them, and how each fact reads in a summary. The
 * stories are data: {@link CatalogueReader} reads them from the scenario files.
 *
 * <p>Lists hold alternatives; a case draws from them. The first {@linkplain Builder#symptom
 * symptom} is the presenting complaint and is always stated; the others are drawn as a subset.
 * Fields are package-private and never modified after {@link Builder#build}.
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

  /**
   * Builder for {@link Scenario}, filled from a scenario file; {@link #build} checks that the story
   * is complete.
   */
  static final class Builder {
    private final String id;
    private final String specialty;
    private int minAgeMonths;
    private int maxAgeMonths = -1;
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

    /** Age range in months, both inclusive (required). */
    Builder ageMonths(int min, int max) {
      this.minAgeMonths = min;
      this.maxAgeMonths = max;
      return this;
    }

    /** Only patients of this sex ({@code null}, the default, for both). */
    Builder onlySex(Sex sex) {
      this.onlySex = sex;
      return this;
    }

    /** Where the story happens (default {@link Setting#EMERGENCY}). */
    Builder setting(Setting setting) {
      this.setting = setting;
      return this;
    }

    /** Allows caregiver notes (family, parents, home care aides) for this scenario. */
    Builder caregiver(boolean allowed) {
      this.caregiver = allowed;
      return this;
    }

    /** Background that follows the patient's age and sex ("POD 2 after appendectomy"). */
    Builder context(List<Template> templates) {
      context.addAll(templates);
      return this;
    }

    /** One symptom and its wordings; the first symptom added is the presenting complaint. */
    Builder symptom(Term... wordings) {
      symptoms.add(wordings.clone());
      return this;
    }

    /** How long or since when, as it follows the symptoms ("for {1..3} hours"). */
    Builder onsets(List<Template> templates) {
      onsets.addAll(templates);
      return this;
    }

    /** Pertinent negatives, each with its negation ("{denies SOB|no SOB}"). */
    Builder negatives(List<Template> templates) {
      negatives.addAll(templates);
      return this;
    }

    /** Past history items ("HTN", "T2DM on metformin"). */
    Builder history(List<Template> templates) {
      history.addAll(templates);
      return this;
    }

    /**
     * Overrides one of the baseline ranges: {@code index} into {@link VitalRanges#NAMES}, bounds in
     * the record's units (tenths for temperature and glucose).
     */
    Builder vital(int index, int lo, int hi) {
      vitals[2 * index] = lo;
      vitals[2 * index + 1] = hi;
      vitalSet[2 * index] = true;
      vitalSet[2 * index + 1] = true;
      return this;
    }

    /** Oxygen the patient is already on when SpO2 is measured ("{2|3} L NC"); default air. */
    Builder oxygen(Template template) {
      this.oxygen = template;
      return this;
    }

    Builder exam(List<Template> templates) {
      exam.addAll(templates);
      return this;
    }

    /** Investigations with their results ("troponin I {1.2..18.0} ng/mL"). */
    Builder tests(List<Template> templates) {
      tests.addAll(templates);
      return this;
    }

    Builder diagnoses(List<Term> wordings) {
      diagnoses.addAll(wordings);
      return this;
    }

    /**
     * One medication slot, in the order a note would list them: one drug, or alternatives of which
     * a note gives at most one (apixaban or enoxaparin).
     */
    Builder medSlot(Med... alternatives) {
      meds.add(alternatives.clone());
      return this;
    }

    /** The key treatment, as a past-tense phrase without subject ("taken for PCI"). */
    Builder interventions(List<Term> wordings) {
      interventions.addAll(wordings);
      return this;
    }

    /** Nursing actions, as past-participle phrases ("placed on cardiac monitor"). */
    Builder nursing(List<Template> templates) {
      nursing.addAll(templates);
      return this;
    }

    /** How the patient responded ("pain resolved post-procedure"). */
    Builder outcomes(List<Term> wordings) {
      outcomes.addAll(wordings);
      return this;
    }

    /** Where the patient went next ("admitted to CCU"). */
    Builder dispositions(List<Term> wordings) {
      dispositions.addAll(wordings);
      return this;
    }

    /** Follow-up after discharge; without any, the scenario has no discharge notes. */
    Builder followUps(List<Template> templates) {
      followUps.addAll(templates);
      return this;
    }

    /** What a caregiver did about it ("called 911"); without any, the setting's default. */
    Builder escalations(List<Template> templates) {
      escalations.addAll(templates);
      return this;
    }

    /** Emergency Severity Index range at triage (default 3). */
    Builder esi(int lo, int hi) {
      this.esiLo = lo;
      this.esiHi = hi;
      return this;
    }

    /**
     * Checks the story and builds it.
     *
     * @param baselines normal ranges that the scenario's own vital ranges override
     * @param defaultEscalation what a caregiver does when the scenario names nothing, for this
     *     scenario's setting
     * @throws IllegalArgumentException naming the field (as in the data files) that is missing or
     *     inconsistent
     */
    Scenario build(VitalBaselines baselines, Template defaultEscalation) {
      require(symptoms.size() >= 2, "symptoms", "at least two symptoms");
      require(!onsets.isEmpty(), "onsets", "an onset");
      require(!negatives.isEmpty(), "negatives", "a pertinent negative");
      require(!history.isEmpty(), "history", "a history item");
      require(!exam.isEmpty(), "exam", "an exam finding");
      require(!tests.isEmpty(), "tests", "a test result");
      require(!diagnoses.isEmpty(), "diagnoses", "a diagnosis");
      require(!meds.isEmpty(), "meds", "a medication");
      require(!interventions.isEmpty(), "interventions", "an intervention");
      require(!nursing.isEmpty(), "nursing", "a nursing action");
      require(!outcomes.isEmpty(), "outcomes", "an outcome");
      require(!dispositions.isEmpty(), "dispositions", "a disposition");
      require(
          minAgeMonths >= 0 && minAgeMonths <= maxAgeMonths,
          "ages",
          "an age range from 0 with low <= high");
      require(esiLo >= 1 && esiLo <= esiHi && esiHi <= 5, "esi", "an ESI range within 1..5");
      require(
          (setting != Setting.WARD && setting != Setting.HOME) || !context.isEmpty(),
          "context",
          "a context (ward and home stories start from one)");
      VitalRanges ranges = mergedVitals(baselines.forMinAge(minAgeMonths));
      for (Template negative : negatives) {
        String text = negative.source().toLowerCase(Locale.ROOT);
        boolean deniesFever = text.contains("afebrile") || text.contains("fever");
        require(
            !deniesFever || ranges.tempHi() < 378,
            "negatives",
            "no fever denial with a febrile range (vitals.temp reaches 37.8)");
      }
      if (escalations.isEmpty()) {
        escalations.add(defaultEscalation);
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

    private VitalRanges mergedVitals(VitalRanges base) {
      int[] v = base.bounds();
      for (int i = 0; i < v.length; i++) {
        if (vitalSet[i]) {
          v[i] = vitals[i];
        }
      }
      for (int i = 0; i < v.length; i += 2) {
        require(v[i] <= v[i + 1], "vitals." + VitalRanges.NAMES[i / 2], "a range with low <= high");
      }
      return VitalRanges.of(v);
    }

    private void require(boolean condition, String field, String what) {
      if (!condition) {
        throw new IllegalArgumentException("needs " + what + " (field " + field + ")");
      }
    }
  }
}
