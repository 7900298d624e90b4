package io.clinsum.synthetic.internal;

import java.util.SplittableRandom;

/**
 * Writes one note for a {@link PatientCase} in the style its {@link NoteType} calls for, and
 * records in {@link Facts} every fact it states that a summary may repeat.
 *
 * <p>Styles: narrative, bullet-like timeline and DAR (data/action/response) nursing notes; ED
 * triage notes; SOAP progress notes; SBAR handoffs; discharge notes; terse caregiver notes. Each
 * note also draws a voice: terse charting with abbreviations or fuller sentences, {@code 0215} or
 * {@code 02:15} clock times, Celsius or Fahrenheit, mmol/L or mg/dL.
 */
final class NoteComposer {
  private final PatientCase c;
  private final Phrases phrases;
  private final SplittableRandom rng;
  private final Facts facts;
  private final StringBuilder out = new StringBuilder(1024);
  private final boolean terse;
  private final boolean colonTimes;
  private final boolean fahrenheit;
  private final boolean mgPerDl;
  private final int vitalsStyle;
  private final boolean child;

  /** 0 brief, 1 usual, 2 detailed: how many optional sentences the note gets. */
  private final int detail;

  private int clock;
  private String noteType;
  private String authorRole;

  private NoteComposer(PatientCase c, Phrases phrases, SplittableRandom rng, Facts facts) {
    this.c = c;
    this.phrases = phrases;
    this.rng = rng;
    this.facts = facts;
    this.terse = rng.nextBoolean();
    this.colonTimes = rng.nextInt(3) == 0;
    this.fahrenheit = rng.nextInt(4) == 0;
    this.mgPerDl = rng.nextInt(3) == 0;
    this.vitalsStyle = rng.nextInt(3);
    this.child = c.ageMonths < PatientCase.ADULT_MONTHS;
    this.detail = rng.nextInt(3);
    this.clock = c.time;
    this.noteType = c.type.label;
  }

  /** A written note with the labels that go into the record's metadata. */
  record Written(String text, String noteType, String authorRole) {}

  /**
   * Writes the note for {@code c}, drawing shared wording from {@code phrases}, and records what it
   * states in {@code facts}.
   */
  static Written write(PatientCase c, Phrases phrases, SplittableRandom rng, Facts facts) {
    NoteComposer composer = new NoteComposer(c, phrases, rng, facts);
    composer.compose();
    return new Written(composer.out.toString(), composer.noteType, composer.authorRole);
  }

  private void compose() {
    boolean obstetric = "obstetrics".equals(c.scenario.specialty);
    switch (c.type) {
      case NURSING -> {
        authorRole =
            c.scenario.setting == Setting.HOME
                ? "community nurse"
                : obstetric
                    ? "midwife"
                    : rng.nextInt(7) == 0 ? "licensed practical nurse" : "registered nurse";
        int style = rng.nextInt(20);
        if (style < 6 && c.scenario.setting != Setting.HOME) {
          timeline();
        } else if (style < 12) {
          dar();
        } else {
          narrative();
        }
      }
      case TRIAGE -> {
        authorRole = obstetric ? "midwife" : "triage nurse";
        if (c.scenario.setting == Setting.MATERNITY) {
          noteType = "obstetric triage note";
        }
        triage();
      }
      case PROGRESS -> {
        authorRole = pick("physician", "nurse practitioner", "resident physician");
        soap();
      }
      case HANDOFF -> {
        authorRole = obstetric ? "midwife" : "registered nurse";
        sbar();
      }
      case DISCHARGE -> {
        authorRole = pick("registered nurse", "physician");
        discharge();
      }
      case CAREGIVER -> caregiver();
    }
  }

  // ---------------------------------------------------------------- note styles

  private void narrative() {
    intro();
    if (optional(75)) {
      negatives();
    }
    if (c.scenario.setting != Setting.WARD && optional(55)) {
      history();
    }
    if (optional(40)) {
      allergies();
    }
    vitals(pick("VS: ", "Vitals: ", "Obs: ", ""));
    exam();
    if (optional(80)) {
      tests();
    }
    diagnosis();
    if (optional(85)) {
      meds();
    }
    if (optional(60)) {
      nursing();
    }
    intervention();
    if (optional(80)) {
      outcome(true);
    }
    if (optional(70)) {
      disposition();
    }
    if (optional(50)) {
      closing();
    }
    if (detail == 2) {
      sentence("plan: " + recommendation());
    }
  }

  private void timeline() {
    String dash = pick(" - ", ": ", " ");
    stamp(dash);
    if (c.scenario.setting == Setting.WARD) {
      Text.appendCapitalised(out, c.context);
      out.append("; ").append(patient()).append(terse ? " c/o " : " is complaining of ");
      symptoms(true);
      onset();
      out.append('.');
    } else {
      out.append(demo());
      context(true);
      out.append(' ').append(arrival()).append(complaintOf());
      symptoms(false);
      onset();
      out.append('.');
    }
    if (optional(70)) {
      negatives();
    }
    line(dash, 5, 20);
    vitals("VS ");
    exam();
    if (optional(80)) {
      line(dash, 10, 40);
      tests();
    }
    line(dash, 5, 30);
    sentence(pick("MD notified", "Dr aware", "Doctor notified", "Team aware"));
    diagnosis();
    if (optional(85)) {
      line(dash, 5, 20);
      meds();
    }
    line(dash, 10, 60);
    intervention();
    if (optional(80)) {
      line(dash, 30, 120);
      outcome(false);
    }
    if (optional(70)) {
      line(dash, 10, 60);
      disposition();
    }
  }

  private void dar() {
    boolean lines = chance(50);
    out.append("Focus: ").append(c.symptoms.get(0).summary()).append('.');
    section(lines, "D: ");
    reporter(patient());
    symptoms(true);
    onset();
    out.append('.');
    if (optional(70)) {
      negatives();
    }
    vitals("");
    if (optional(70)) {
      exam();
    }
    if (optional(50)) {
      tests();
    }
    section(lines, "A: ");
    if (optional(70)) {
      nursing();
    }
    if (optional(85)) {
      meds();
    }
    sentence(pick("MD notified", "Dr notified", "Team aware"));
    diagnosis();
    intervention();
    section(lines, "R: ");
    outcome(false);
    if (optional(60)) {
      disposition();
    }
  }

  private void triage() {
    if (optional(60)) {
      sentence(pick("Triage at ", "ED triage ", "Triaged at ") + time());
    }
    sentence("CC: " + c.symptoms.get(0).summary());
    sep();
    out.append(Text.capitalise(demo()));
    context(true);
    out.append(' ').append(arrival()).append(complaintOf());
    symptoms(false);
    onset();
    out.append('.');
    if (optional(70)) {
      negatives();
    }
    if (optional(50)) {
      history();
    }
    if (optional(50)) {
      allergies();
    }
    vitals("VS: ");
    if (optional(50)) {
      sentence(c.exam.get(0));
    }
    facts.triage = (chance(70) ? "ESI " : "triage category ") + c.esi;
    sentence(facts.triage);
    facts.qualifier = pick("suspected", "likely", "possible");
    facts.diagnosis = c.diagnosis.summary();
    sentence(facts.qualifier + " " + c.diagnosisText);
    if (optional(40)) {
      String med = c.medText.get(0);
      facts.meds.add(c.meds.get(0).name());
      sentence(med + " given at triage");
    }
    if (optional(50)) {
      sentence(c.nursing.get(0));
    }
    String area =
        c.esi <= 2
            ? "resus"
            : c.esi == 3 ? pick("majors", "bed " + (1 + rng.nextInt(24))) : "fast track";
    sentence(
        pick("To ", "Moved to ", "Roomed in ")
            + area
            + pick("", ", MD notified", ", charge RN aware"));
  }

  private void soap() {
    boolean lines = chance(50);
    boolean longLabels = chance(30);
    out.append(longLabels ? "Subjective: " : "S: ");
    reporter(chance(50) ? patient() : demo());
    symptoms(true);
    onset();
    out.append('.');
    if (optional(70)) {
      negatives();
    }
    section(lines, longLabels ? "Objective: " : "O: ");
    vitals("");
    exam();
    if (optional(80)) {
      tests();
    }
    section(lines, longLabels ? "Assessment: " : "A: ");
    facts.diagnosis = c.diagnosis.summary();
    sentence(c.diagnosisText);
    if (optional(60)) {
      outcome(false);
    }
    section(lines, longLabels ? "Plan: " : "P: ");
    intervention();
    if (optional(80)) {
      meds();
    }
    if (optional(50)) {
      nursing();
    }
    if (optional(70)) {
      disposition();
    }
  }

  private void sbar() {
    boolean lines = chance(50);
    boolean longLabels = chance(40);
    out.append(longLabels ? "Situation: " : "S: ");
    out.append(Text.capitalise(demo()))
        .append(
            pick(
                " in bed ",
                " in room ",
                c.scenario.setting == Setting.WARD ? " in bed " : " in ED bay "))
        .append(1 + rng.nextInt(30))
        .append(" with ")
        .append(c.diagnosisText)
        .append('.');
    facts.diagnosis = c.diagnosis.summary();
    section(lines, longLabels ? "Background: " : "B: ");
    if (c.scenario.setting == Setting.WARD) {
      out.append(Text.capitalise(c.context)).append("; developed ");
    } else {
      out.append(pick("Presented ", "Arrived ")).append(when()).append(" with ");
    }
    symptoms(!terse);
    onset();
    out.append('.');
    if (optional(70)) {
      history();
    }
    if (optional(60)) {
      allergies();
    }
    section(lines, longLabels ? "Assessment: " : "A: ");
    vitals("");
    if (optional(70)) {
      exam();
    }
    if (optional(60)) {
      tests();
    }
    if (optional(80)) {
      meds();
    }
    intervention();
    if (optional(70)) {
      outcome(false);
    }
    section(lines, longLabels ? "Recommendation: " : "R: ");
    if (optional(80)) {
      disposition();
    }
    sentence(recommendation());
  }

  private void discharge() {
    boolean lines = chance(40);
    if (optional(70)) {
      out.append(pick("Discharge note.", "DISCHARGE NOTE", "Discharge summary:"));
      out.append(lines ? '\n' : ' ');
    }
    sep();
    out.append(Text.capitalise(demo()));
    if (c.scenario.setting == Setting.WARD) {
      out.append(", ").append(c.context).append(". During admission developed ");
      symptoms(true);
      out.append('.');
    } else {
      context(true);
      out.append(" admitted ")
          .append(chance(70) ? (2 + rng.nextInt(6)) + " days ago" : "last week")
          .append(" with ");
      symptoms(true);
      out.append('.');
    }
    sep();
    out.append(pick("Diagnosed with ", "Dx: ", "Final diagnosis: "))
        .append(c.diagnosisText)
        .append('.');
    facts.diagnosis = c.diagnosis.summary();
    if (optional(60)) {
      tests();
    }
    if (optional(80)) {
      sep();
      out.append("Treated with ");
      medList();
      out.append('.');
    }
    intervention();
    outcome(false);
    if (lines) {
      out.append('\n');
    }
    String where =
        c.ageYears() >= 70 && chance(40)
            ? "discharged to rehab"
            : chance(50) ? "discharged home" : "discharged home with family";
    facts.disposition = where.startsWith("discharged home") ? "discharged home" : where;
    sentence(where);
    sentence(pick("Follow-up: ", "F/u ", "Follow up ") + c.followUp);
    if (optional(50)) {
      sentence(
          pick(
              "discharge instructions reviewed, pt verbalised understanding",
              "teach-back completed",
              "written information given"));
    }
  }

  private void caregiver() {
    // Parents write for children and young adults, spouses for adults; for the elderly, care
    // aides, care home staff or a grown-up child.
    boolean parent = c.ageYears() < 25;
    String subject;
    String[] closings;
    if (parent) {
      authorRole = "parent";
      subject = pick("my ", "our ") + c.sex.asChild;
      closings = phrases.parentClosings;
    } else {
      boolean elderly = c.ageYears() >= 65;
      int writer = elderly ? rng.nextInt(3) : 1;
      authorRole =
          writer == 0 ? "home care aide" : writer == 1 ? "family member" : "care home staff";
      subject =
          writer == 0
              ? "client"
              : writer == 2 ? "resident" : elderly ? c.sex.asParent : "my " + c.sex.asSpouse;
      closings =
          writer == 0
              ? phrases.aideClosings
              : writer == 1 ? phrases.familyClosings : phrases.careHomeClosings;
      if (optional(80)) {
        out.append(time()).append(' ');
        out.append(
                writer == 1 && elderly ? pick("Checked on ", "Went round to see ") : "Checked on ")
            .append(subject)
            .append('.');
      }
    }
    sep();
    out.append(Text.capitalise(subject))
        .append(
            parent
                ? pick(" has had ", " had ", " woke up with ")
                : pick(" c/o ", " had ", " has "));
    symptoms(true);
    onset();
    out.append('.');
    if (optional(50)) {
      negatives();
    }
    if (optional(50)) {
      sep();
      out.append(pick("Took ", "Checked ")).append(c.sex.possessive).append(" obs: ");
      c.vitals.appendHomeReadings(out, fahrenheit, !parent && chance(50));
      out.append('.');
    }
    sentence(c.escalation);
    boolean home = c.scenario.setting == Setting.HOME;
    facts.diagnosis = c.diagnosis.summary();
    sentence(
        (home
                ? pick("Nurse assessed: ", "Per the nurse: ")
                : pick("Doctor said it is ", "ED doctor said ", "Hospital said it was "))
            + c.diagnosisText);
    if (optional(80)) {
      sep();
      out.append(home ? "Update: " : pick("Update: ", "At hospital: ", "In ED: "));
      out.append(c.interventionText).append('.');
      facts.intervention = c.intervention.summary();
    }
    if (optional(60)) {
      outcome(false);
    }
    if (optional(50)) {
      disposition();
    }
    if (optional(50)) {
      sentence(pick(closings));
    }
  }

  // ---------------------------------------------------------------- sentences

  private void intro() {
    switch (c.scenario.setting) {
      case EMERGENCY, MATERNITY -> arrivalIntro();
      case WARD -> wardIntro();
      case HOME -> homeIntro();
    }
  }

  private void arrivalIntro() {
    int variant = rng.nextInt(3);
    String demo = demo();
    if (variant == 0) {
      out.append(terse ? "Pt is " : "Patient is ").append(article(demo)).append(demo);
      context(true);
      out.append(" who ").append(arrival()).append(' ').append(when()).append(" with ");
    } else if (variant == 1) {
      out.append(Text.capitalise(demo));
      context(true);
      out.append(' ')
          .append(arrival())
          .append(' ')
          .append(when())
          .append(terse ? complaintOf() : " with ");
    } else {
      Text.appendCapitalised(out, when());
      out.append(", ").append(article(demo)).append(demo);
      context(true);
      out.append(' ').append(arrival()).append(" with ");
    }
    symptoms(!terse);
    onset();
    out.append('.');
  }

  private void wardIntro() {
    String demo = demo();
    if (chance(50)) {
      out.append(Text.capitalise(demo)).append(", ").append(c.context).append(". ");
      out.append("At ").append(time()).append(' ').append(patient());
    } else {
      out.append(terse ? "Pt is " : "Patient is ").append(article(demo)).append(demo);
      out.append(", ").append(c.context).append(". ");
      out.append(pick("Overnight ", "During the shift ", "At " + time() + " "))
          .append(c.sex.subject);
    }
    out.append(terse ? " c/o " : pick(" reported ", " developed ", " complained of "));
    symptoms(!terse);
    onset();
    out.append('.');
  }

  private void homeIntro() {
    String demo = demo();
    out.append(pick("Home visit at ", "Visited at home at ", "Community nursing visit at "))
        .append(time())
        .append(". ");
    out.append(Text.capitalise(demo)).append(", ").append(c.context).append(". ");
    out.append(Text.capitalise(patient())).append(terse ? " c/o " : pick(" reports ", " has "));
    symptoms(!terse);
    onset();
    out.append('.');
  }

  /**
   * Starts the subjective sentence: who reports the symptoms. Young children do not report their
   * own symptoms; their parents do.
   */
  private void reporter(String who) {
    if (c.ageMonths < 12 * 12) {
      out.append(pick("Parents report ", "Mother reports ", "Per parents, child has "));
    } else {
      out.append(Text.capitalise(who)).append(pick(" reports ", " c/o ", " is complaining of "));
    }
  }

  /** {@code c/o}, or {@code with} for young children, who complain of nothing themselves. */
  private String complaintOf() {
    return c.ageMonths < 12 * 12 ? " with " : " c/o ";
  }

  /** Appends all the case's symptoms as a list and records them. */
  private void symptoms(boolean withAnd) {
    Text.appendList(out, c.symptomText, withAnd);
    for (Term symptom : c.symptoms) {
      facts.symptoms.add(symptom.summary());
    }
  }

  private void onset() {
    out.append(' ').append(c.onset);
  }

  private void context(boolean commas) {
    if (c.context != null
        && c.scenario.setting != Setting.HOME
        && c.scenario.setting != Setting.WARD) {
      out.append(", ").append(c.context).append(commas ? "," : "");
    }
  }

  private void negatives() {
    sep();
    int start = out.length();
    Text.appendList(out, c.negatives, false);
    out.setCharAt(start, Character.toUpperCase(out.charAt(start)));
    out.append('.');
  }

  private void history() {
    sep();
    out.append(pick("PMH: ", "Hx: ", "PMHx: ", "Past history: "));
    Text.appendList(out, c.history, false);
    out.append('.');
  }

  private void allergies() {
    sentence(
        c.allergy == null ? pick("NKDA", "Allergies: NKDA", "No known drug allergies") : c.allergy);
  }

  private void vitals(String label) {
    sep();
    out.append(label);
    c.vitals.appendTo(out, vitalsStyle, fahrenheit, mgPerDl);
    out.append('.');
    if (c.vitals.hasPain() && optional(70)) {
      sep();
      out.append(pick("Pain ", "Pain score ")).append(c.vitals.pain()).append("/10.");
    }
  }

  private void exam() {
    sep();
    int variant = rng.nextInt(3);
    if (variant == 2) {
      for (String finding : c.exam) {
        sentence(finding);
      }
      return;
    }
    out.append(variant == 0 ? "On assessment " : "O/E: ");
    Text.appendList(out, c.exam, false);
    out.append('.');
  }

  private void tests() {
    if (chance(50)) {
      sep();
      out.append("Results: ");
      for (int i = 0; i < c.tests.size(); i++) {
        out.append(i == 0 ? "" : "; ").append(c.tests.get(i));
      }
      out.append('.');
    } else {
      for (String test : c.tests) {
        sentence(test);
      }
    }
  }

  private void diagnosis() {
    facts.diagnosis = c.diagnosis.summary();
    sep();
    out.append(
        pick(
            "Impression: ",
            "Dx: ",
            "Diagnosed with ",
            "Assessed as ",
            "Findings consistent with "));
    out.append(c.diagnosisText).append('.');
  }

  private void meds() {
    sep();
    int variant = rng.nextInt(4);
    if (variant == 0) {
      out.append("Given ");
      medList();
    } else if (variant == 1) {
      int start = out.length();
      medList();
      out.setCharAt(start, Character.toUpperCase(out.charAt(start)));
      out.append(" given");
    } else if (variant == 2) {
      out.append("Administered ");
      medList();
    } else {
      out.append("Meds: ");
      medList();
    }
    out.append('.');
  }

  private void medList() {
    Text.appendList(out, c.medText, !terse);
    for (Med med : c.meds) {
      facts.meds.add(med.name());
    }
  }

  private void nursing() {
    sep();
    int start = out.length();
    Text.appendList(out, c.nursing, false);
    out.setCharAt(start, Character.toUpperCase(out.charAt(start)));
    out.append('.');
  }

  private void intervention() {
    facts.intervention = c.intervention.summary();
    sentence(c.interventionText);
  }

  private void outcome(boolean withTime) {
    facts.outcome = c.outcome.summary();
    sep();
    if (withTime && chance(50)) {
      clock += 30 + rng.nextInt(150);
      out.append(pick("At " + time() + ", ", "On reassessment, ", "Subsequently "));
      out.append(c.outcomeText);
    } else {
      Text.appendCapitalised(out, c.outcomeText);
    }
    out.append('.');
  }

  private void disposition() {
    facts.disposition = c.disposition.summary();
    sentence(c.dispositionText);
  }

  private String recommendation() {
    return phrases.recommendations[rng.nextInt(phrases.recommendations.length)].render(rng);
  }

  private void closing() {
    sentence(
        pick(
            child
                ? phrases.childClosings
                : c.scenario.setting == Setting.HOME ? phrases.homeClosings : phrases.closings));
  }

  // ---------------------------------------------------------------- words

  /** The patient's age and sex, as charted ({@code 67 y/o M}, {@code 9-month-old girl}). */
  private String demo() {
    if (c.ageMonths < 24) {
      int months = Math.max(1, c.ageMonths);
      return terse ? months + " mo old " + c.sex.child : months + "-month-old " + c.sex.child;
    }
    int years = c.ageYears();
    if (child) {
      return rng.nextBoolean()
          ? years + "-year-old " + c.sex.child
          : terse ? years + "yo " + c.sex.letter : years + " y/o " + c.sex.child;
    }
    if (terse) {
      int form = rng.nextInt(3);
      return form == 0
          ? years + " y/o " + c.sex.letter
          : form == 1 ? years + "yo " + c.sex.letter : years + c.sex.letter;
    }
    return years + "-year-old " + (rng.nextBoolean() ? c.sex.adult : c.sex.label);
  }

  private static String article(String demo) {
    boolean vowelSound =
        demo.charAt(0) == '8'
            || ((demo.startsWith("11") || demo.startsWith("18"))
                && (demo.length() == 2 || !Character.isDigit(demo.charAt(2))));
    return vowelSound ? "an " : "a ";
  }

  private String patient() {
    return terse ? "pt" : rng.nextBoolean() ? "patient" : c.sex.subject;
  }

  private String arrival() {
    if (c.scenario.setting == Setting.MATERNITY) {
      return pick(
          "presented to L&D triage",
          "presented to the maternity assessment unit",
          "self-presented to L&D");
    }
    if (child) {
      return pick("was brought to the ED by ", "brought in by ")
          + c.sex.possessive
          + pick(" mother", " father", " parents");
    }
    return terse
        ? pick("was BIBA to ED", "presented to ED", "arrived via EMS", "self-presented to ED")
        : pick(
            "presented to the emergency department",
            "presented to the ED",
            "was brought in by ambulance",
            "arrived by EMS");
  }

  /** When the story starts: {@code at 0215}, or {@code overnight} and the like. */
  private String when() {
    if (chance(70)) {
      return "at " + time();
    }
    int hour = c.time / 60;
    return hour < 6
        ? "overnight"
        : hour < 12 ? "this morning" : hour < 18 ? "this afternoon" : "this evening";
  }

  private String time() {
    return Text.clock(clock, colonTimes);
  }

  // ---------------------------------------------------------------- plumbing

  private void stamp(String dash) {
    out.append(time()).append(dash);
  }

  private void line(String dash, int minMinutes, int maxMinutes) {
    clock += minMinutes + rng.nextInt(maxMinutes - minMinutes + 1);
    out.append('\n');
    stamp(dash);
  }

  private void section(boolean onNewLine, String label) {
    out.append(onNewLine ? "\n" : " ").append(label);
  }

  /** Separates the next sentence from the text before it. */
  private void sep() {
    if (out.length() > 0) {
      char last = out.charAt(out.length() - 1);
      if (last != ' ' && last != '\n') {
        out.append(' ');
      }
    }
  }

  private void sentence(String text) {
    sep();
    Text.appendCapitalised(out, text);
    Text.endSentence(out);
  }

  private boolean chance(int percent) {
    return rng.nextInt(100) < percent;
  }

  /** Whether to write an optional sentence: likelier in detailed notes, rarer in brief ones. */
  private boolean optional(int percent) {
    int adjusted = detail == 0 ? percent / 2 : detail == 2 ? Math.min(100, percent + 30) : percent;
    return rng.nextInt(100) < adjusted;
  }

  private String pick(String... options) {
    return options[rng.nextInt(options.length)];
  }
}
