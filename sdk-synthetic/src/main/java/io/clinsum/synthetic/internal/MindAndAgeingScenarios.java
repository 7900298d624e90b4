package io.clinsum.synthetic.internal;

import static io.clinsum.synthetic.internal.Med.med;
import static io.clinsum.synthetic.internal.Term.lay;
import static io.clinsum.synthetic.internal.Term.t;

import java.util.List;

/** Psychiatry and geriatrics scenarios. */
final class MindAndAgeingScenarios {
  private static final String PSYCHIATRY = "psychiatry";
  private static final String GERIATRICS = "geriatrics";

  private MindAndAgeingScenarios() {}

  static List<Scenario> all() {
    return List.of(alcoholWithdrawal(), suicidalIdeation(), pressureInjury(), fallAtHome());
  }

  private static Scenario alcoholWithdrawal() {
    return Scenario.builder("alcohol-withdrawal", PSYCHIATRY)
        .ages(30, 70)
        .setting(Setting.WARD)
        .context(
            "day {1..3} of admission for cellulitis",
            "day {1..3} of admission after a fall",
            "admitted {1|2} days ago with pancreatitis")
        .symptom(t("tremor"), t("coarse tremor of both hands", "tremor"))
        .symptom(t("sweating"), t("diaphoresis"))
        .symptom(t("agitation"), t("anxiety and restlessness", "anxiety"))
        .symptom(
            t("visual hallucinations"),
            t("visual hallucinations of insects", "visual hallucinations"))
        .symptom(t("nausea"))
        .onset("since the early hours", "over the past {6..12} hours", "overnight")
        .negatives(
            "{no seizures|no seizure activity}",
            Negatives.FEVER,
            "{denies SI|no suicidal ideation}")
        .history(
            "alcohol {60..120} units/week",
            "last drink {12..36} hrs before admission",
            "previous withdrawal seizures",
            "liver disease")
        .hr(102, 126)
        .bp(146, 176, 90, 104)
        .rr(18, 24)
        .temp(37.0, 37.7)
        .exam("CIWA-Ar score {16..28}", "coarse tremor", "diaphoretic", "oriented but distractible")
        .tests("Mg {0.55..0.68}", "GGT {120..480}", "phosphate {0.6..0.8}", "BGL {5.1..7.4}")
        .diagnosis(
            t("alcohol withdrawal"),
            t("moderate alcohol withdrawal"),
            t("alcohol withdrawal syndrome", "alcohol withdrawal"))
        .medOneOf(
            med("diazepam", "{10|20} mg PO"),
            med("chlordiazepoxide", "{20|30} mg PO"),
            med("lorazepam", "{1|2} mg IV"))
        .medOneOf(med("Pabrinex", "2 pairs IV TDS"), med("thiamine", "100 mg PO"))
        .intervention(
            t(
                "CIWA protocol started with benzodiazepines and thiamine",
                "CIWA protocol, benzodiazepines, thiamine"),
            t(
                "symptom-triggered benzodiazepines and vitamin replacement",
                "benzodiazepines and vitamin replacement"))
        .nursing(
            "CIWA scoring hourly", "falls precautions", "quiet side room", "seizure precautions")
        .outcome(
            t("CIWA down to {4..8}, settled", "settled"), t("tremor settling", "tremor settling"))
        .disposition(t("remains on ward"), t("seen by alcohol liaison team"))
        .followUp("community alcohol team referral", "GP review in 1 week")
        .build();
  }

  private static Scenario suicidalIdeation() {
    return Scenario.builder("suicidal-ideation", PSYCHIATRY)
        .ages(16, 70)
        .esi(2, 2)
        .symptom(
            t("suicidal ideation with a plan to overdose", "suicidal ideation with plan"),
            t("thoughts of suicide"),
            t("suicidal thoughts"))
        .symptom(t("low mood"), t("low mood for {2|3|6} weeks", "low mood"))
        .symptom(t("hopelessness"))
        .symptom(t("poor sleep"), t("not sleeping", "not sleeping"))
        .symptom(t("poor appetite"))
        .onset(
            "for {7..14} days, worse today",
            "increasing over {3..10} days",
            "since a relationship breakdown")
        .negatives(
            "{denies HI|no homicidal ideation}",
            "{no self-harm today|no overdose taken}",
            "{denies hallucinations|no psychotic symptoms}")
        .history(
            "depression", "previous overdose {2|3} years ago", "recently lost job", "lives alone")
        .exam(
            "flat affect, poor eye contact",
            "calm and cooperative",
            "oriented, no psychotic features")
        .tests(
            "paracetamol and salicylate levels negative",
            "urine drug screen negative",
            "risk assessment: high risk")
        .diagnosis(
            t("major depression with suicidal ideation", "depression with suicidal ideation"),
            t("suicidal ideation"),
            t("acute suicidal crisis"))
        .meds(med("lorazepam", "1 mg PO PRN"), med("zopiclone", "7.5 mg PO nocte"))
        .intervention(
            t(
                "placed on 1:1 observation, seen by psychiatry liaison",
                "1:1 observation, psychiatry liaison"),
            t(
                "psychiatry assessment, safety plan completed",
                "psychiatry assessment and safety plan"))
        .nursing(
            "belongings searched, ligature risks removed",
            "1:1 observation",
            "room free of ligature points")
        .outcome(t("calm and engaging"), t("remains settled on observations", "settled"))
        .disposition(
            t("admitted to psychiatric inpatient unit"), t("discharged with crisis team follow-up"))
        .followUp(
            "crisis team visit within 24 hrs", "GP and community mental health team in 1 week")
        .build();
  }

  private static Scenario pressureInjury() {
    return Scenario.builder("pressure-injury", GERIATRICS)
        .ages(70, 98)
        .setting(Setting.HOME)
        .context(
            "largely bed-bound after a stroke, living at home with carers",
            "resident of a nursing home with advanced dementia",
            "with limited mobility after a hip fracture, cared for at home")
        .symptom(
            t("pain over the sacrum", "pain over sacrum"),
            lay("a sore on the bottom", "sore on bottom"))
        .symptom(t("broken skin on the sacrum", "broken skin on sacrum"))
        .symptom(t("reduced appetite"), lay("not eating much", "not eating much"))
        .symptom(t("incontinence"))
        .escalation("{called the community nurse|rang the district nurse}")
        .onset("noticed at the morning wash", "over the past {3..7} days", "since the last visit")
        .negatives(Negatives.FEVER, "{no wound odour|no purulent discharge}")
        .history("T2DM", "incontinence", "poor nutrition", "previous pressure injury on heel")
        .hr(72, 96)
        .bp(108, 140, 60, 82)
        .exam(
            "stage {2|3} pressure injury over sacrum, {2..4} x {2..3} cm",
            "wound bed sloughy, no odour",
            "surrounding skin intact, blanching erythema")
        .tests(
            "Braden score {10..13}",
            "Waterlow score {15..22}",
            "albumin {26..32} g/L",
            "wound swab: no growth")
        .diagnosis(
            t("stage {2|3} sacral pressure injury", "sacral pressure injury"),
            t("category {2|3} pressure ulcer to the sacrum", "pressure ulcer to sacrum"))
        .meds(med("paracetamol", "1 g PO QID"), med("oral nutritional supplement", "1 bottle BD"))
        .intervention(
            t(
                "wound cleaned and foam dressing applied, repositioning q2h",
                "dressing and repositioning"),
            t(
                "pressure-relieving mattress ordered, dressing applied",
                "pressure-relieving mattress and dressing"))
        .nursing("repositioned q2h", "skin inspected", "barrier cream applied", "fluids encouraged")
        .outcome(
            t("wound edges healthy, no signs of infection", "no signs of infection"),
            t("wound slowly improving", "slowly improving"))
        .disposition(
            t("remains at home with carers, nurse visits {2|3} times weekly", "remains at home"),
            t("referred to tissue viability"))
        .build();
  }

  private static Scenario fallAtHome() {
    return Scenario.builder("fall-at-home", GERIATRICS)
        .ages(75, 98)
        .esi(3, 3)
        .caregiver()
        .symptom(
            t("fall at home with a long lie of {3..10} hours", "fall with long lie"),
            t("unwitnessed fall at home", "unwitnessed fall"),
            lay("a fall, found on the kitchen floor", "fall, found on floor"))
        .symptom(
            t("laceration to the forehead", "forehead laceration"),
            lay("a cut on the forehead", "cut on forehead"))
        .symptom(t("pain in the left wrist", "left wrist pain"))
        .symptom(t("dizziness on standing"), lay("dizzy spells", "dizzy spells"))
        .symptom(t("confusion"))
        .onset("overnight", "earlier today", "after getting up at night to use the toilet")
        .negatives(Negatives.LOC, Negatives.CHEST_PAIN, Negatives.PALPITATIONS)
        .history(
            "AF on apixaban",
            "osteoporosis",
            "lives alone",
            "previous falls",
            "Parkinson's disease")
        .hr(62, 96)
        .bp(102, 150, 58, 86)
        .exam(
            "{3|4} cm forehead laceration",
            "GCS 15",
            "bruising over left hip",
            "postural BP drop of {20..30} mmHg")
        .tests(
            "CT head: no intracranial bleed",
            "CK {800..3500}",
            "urine dip negative",
            "ECG: sinus rhythm")
        .diagnosis(
            t("mechanical fall with long lie", "mechanical fall"),
            t("fall with head injury, no intracranial bleed", "fall with head injury"),
            t("fall due to orthostatic hypotension"))
        .meds(med("paracetamol", "1 g PO"), med("normal saline", "1 L IV over 4 hrs"))
        .intervention(
            t(
                "laceration closed with steri-strips, IV fluids for raised CK",
                "steri-strips and IV fluids"),
            t("falls assessment, medications reviewed", "falls assessment"))
        .nursing("falls precautions", "neuro obs for 24 hrs", "pressure areas checked")
        .outcome(t("mobilising with frame"), t("CK trending down"))
        .disposition(
            t("admitted to geriatrics"),
            t("discharged home with an increased care package", "discharged home"))
        .followUp("falls clinic", "GP review in 1 week")
        .build();
  }
}
