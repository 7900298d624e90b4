package io.clinsum.synthetic.internal;

import static io.clinsum.synthetic.internal.Med.med;
import static io.clinsum.synthetic.internal.Term.lay;
import static io.clinsum.synthetic.internal.Term.t;

import java.util.List;

/** Oncology, haematology and palliative care scenarios. */
final class CancerBloodScenarios {
  private static final String ONCOLOGY = "oncology";
  private static final String HAEMATOLOGY = "haematology";
  private static final String PALLIATIVE_CARE = "palliative care";

  private CancerBloodScenarios() {}

  static List<Scenario> all() {
    return List.of(
        neutropenicFever(),
        spinalCordCompression(),
        sickleCellCrisis(),
        deepVeinThrombosis(),
        endOfLifeCare(),
        cancerPainCrisis());
  }

  private static Scenario neutropenicFever() {
    return Scenario.builder("neutropenic-fever", ONCOLOGY)
        .ages(20, 80)
        .esi(2, 2)
        .caregiver()
        .symptom(
            t("fever"), t("high fever", "fever"), lay("a high temperature", "high temperature"))
        .symptom(t("rigors"), lay("shivering fits", "shivering"))
        .symptom(t("fatigue"), t("malaise"))
        .symptom(t("sore throat"), t("mouth ulcers"))
        .onset("for {4..12} hours", "since the previous evening", "since the afternoon")
        .negatives(Negatives.CHEST_PAIN, Negatives.COUGH, Negatives.DIARRHOEA, Negatives.DYSURIA)
        .history(
            "{breast cancer on chemotherapy|lymphoma on R-CHOP|AML on induction chemotherapy}",
            "last chemotherapy {7..12} days ago",
            "Hickman line in situ")
        .hr(102, 126)
        .bp(94, 124, 54, 76)
        .rr(18, 24)
        .temp(38.3, 39.5)
        .exam(
            "central line site clean", "mucositis", "no obvious source of infection", "chest clear")
        .tests(
            "neutrophils {0.1..0.4} x10^9/L",
            "lactate {1.4..2.6}",
            "blood cultures from line and peripheral sent",
            "CXR clear")
        .diagnosis(t("neutropenic sepsis"), t("febrile neutropenia"))
        .medOneOf(med("piperacillin-tazobactam", "4.5 g IV"), med("meropenem", "1 g IV"))
        .meds(med("paracetamol", "1 g IV"), med("normal saline", "1 L IV bolus"))
        .intervention(
            t("IV antibiotics within 1 hr of arrival", "IV antibiotics within 1 hr"),
            t("neutropenic sepsis pathway, IV antibiotics and fluids", "IV antibiotics and fluids"))
        .nursing("protective isolation", "neutropenic precautions", "obs hourly")
        .outcome(
            t("afebrile at 48 hrs", "afebrile"),
            t("haemodynamically stable, fever settling", "fever settling"))
        .disposition(t("admitted to oncology ward in a side room", "admitted to oncology ward"))
        .followUp("oncology clinic before next cycle", "oral antibiotics to complete 7 days")
        .build();
  }

  private static Scenario spinalCordCompression() {
    return Scenario.builder("malignant-spinal-cord-compression", ONCOLOGY)
        .ages(50, 88)
        .esi(2, 2)
        .symptom(t("worsening thoracic back pain", "back pain"), t("severe back pain"))
        .symptom(t("bilateral leg weakness"), lay("legs giving way", "legs giving way"))
        .symptom(t("numbness in both legs", "leg numbness"))
        .symptom(t("urinary retention"), t("difficulty passing urine"))
        .onset(
            "for {2|3} weeks, weakness for {1|2} days", "worse over {3..7} days", "for {2..4} days")
        .negatives(
            Negatives.FEVER,
            "{no trauma|denies recent injury}",
            "{no bowel incontinence|bowels normal}")
        .history(
            "{lung cancer with bone mets|myeloma|renal cell carcinoma with spinal mets}",
            "on palliative chemotherapy",
            "ECOG {1|2}")
        .hr(80, 104)
        .pain(6, 9)
        .exam(
            "power {3|4}/5 in both legs",
            "sensory level at T10",
            "reduced anal tone",
            "bladder scan {600..900} mL")
        .tests(
            "MRI whole spine: T10 metastatic cord compression",
            "calcium {2.3..2.6}",
            "creatinine {70..120}")
        .diagnosis(t("metastatic spinal cord compression"), t("MSCC at T10", "MSCC"))
        .meds(
            med("dexamethasone", "16 mg PO"),
            med("morphine", "{2.5|5} mg IV"),
            med("omeprazole", "20 mg PO"))
        .intervention(
            t(
                "high-dose dexamethasone, urgent radiotherapy referral",
                "dexamethasone and radiotherapy"),
            t(
                "flat bed rest, dexamethasone, neurosurgical referral",
                "dexamethasone, neurosurgical referral"),
            t("catheterised for retention, spinal precautions", "catheterised, spinal precautions"))
        .nursing("log roll", "IDC inserted", "pressure area care", "neuro obs 4-hourly")
        .outcome(t("pain improved, leg power unchanged", "pain improved"), t("pain controlled"))
        .disposition(t("admitted under oncology"))
        .followUp("oncology clinic in 2 weeks", "community physio and OT")
        .build();
  }

  private static Scenario sickleCellCrisis() {
    return Scenario.builder("sickle-cell-crisis", HAEMATOLOGY)
        .ages(16, 40)
        .esi(2, 2)
        .caregiver()
        .symptom(
            t("severe pain in the lower back and thighs", "severe pain in back and thighs"),
            t("severe bone pain in the legs", "severe bone pain"),
            lay("terrible pain in the back and legs", "pain in back and legs"))
        .symptom(t("fatigue"))
        .symptom(t("low-grade fever"))
        .symptom(t("joint pain"), t("arm pain"))
        .onset("for {12..36} hours", "since the previous night", "after a cold {2|3} days ago")
        .negatives(Negatives.CHEST_PAIN, Negatives.SOB, Negatives.HEADACHE)
        .history(
            "HbSS disease",
            "previous acute chest syndrome",
            "on hydroxyurea",
            "{3|4} crises this year")
        .hr(96, 122)
        .rr(16, 22)
        .spo2(94, 98)
        .temp(37.3, 38.2)
        .pain(8, 10)
        .exam("A&Ox3, tender over long bones", "scleral icterus", "chest clear")
        .tests(
            "Hb {62..78} g/L", "reticulocytes {8..15}%", "LDH {420..900}", "CXR: no new infiltrate")
        .diagnosis(
            t("sickle cell vaso-occlusive crisis", "vaso-occlusive crisis"),
            t("sickle cell pain crisis", "sickle cell crisis"))
        .meds(
            med("morphine", "0.1 mg/kg IV"),
            med("oxycodone", "10 mg PO"),
            med("paracetamol", "1 g PO"),
            med("normal saline", "1 L IV over 8 hrs"))
        .intervention(
            t("IV morphine within 30 min, PCA started", "IV morphine and PCA"),
            t(
                "analgesia per sickle pathway, IV fluids, incentive spirometry",
                "analgesia, IV fluids, incentive spirometry"))
        .nursing(
            "pain reassessed every 30 min", "incentive spirometry hourly", "O2 if sats below 95%")
        .outcome(
            t("pain down to {3..5}/10", "pain down"),
            t("pain better controlled", "pain better controlled"))
        .disposition(t("admitted to haematology ward"))
        .followUp("haematology clinic in 2 weeks", "day unit review in 1 week")
        .build();
  }

  private static Scenario deepVeinThrombosis() {
    return Scenario.builder("deep-vein-thrombosis", HAEMATOLOGY)
        .ages(25, 85)
        .esi(3, 3)
        .symptom(
            t("left calf swelling"),
            t("swollen left leg", "swollen left leg"),
            lay("swollen, painful left leg", "swollen painful left leg"))
        .symptom(t("calf pain"), t("left calf pain"))
        .symptom(t("redness of the left calf", "redness of left calf"))
        .symptom(t("warmth over the calf", "warmth"))
        .onset("for {2..5} days", "since returning from a long flight", "over the past week")
        .negatives(Negatives.CHEST_PAIN, Negatives.SOB, Negatives.FEVER, Negatives.HAEMOPTYSIS)
        .history("recent long-haul flight", "active cancer", "recent knee surgery", "previous DVT")
        .hr(72, 96)
        .exam(
            "left calf {3|4} cm larger than right",
            "pitting oedema of left leg",
            "tender along deep veins")
        .tests(
            "Doppler: left popliteal DVT",
            "Wells score {2..4}",
            "D-dimer {1.2..4.5} mg/L",
            "creatinine {60..100}")
        .diagnosis(t("left leg DVT", "left DVT"), t("proximal DVT of the left leg", "proximal DVT"))
        .medOneOf(
            med("apixaban", "10 mg PO BD"),
            med("rivaroxaban", "15 mg PO BD"),
            med("enoxaparin", "1.5 mg/kg subcut"))
        .meds(med("paracetamol", "1 g PO"))
        .intervention(
            t("anticoagulation started"),
            t("commenced on therapeutic anticoagulation", "therapeutic anticoagulation"))
        .nursing(
            "leg elevated",
            "anticoagulation education given",
            "weight recorded for dosing",
            "obs q4h")
        .outcome(t("swelling stable, pain improving", "pain improving"), t("comfortable at rest"))
        .disposition(t("discharged home on anticoagulation"), t("discharged home"))
        .followUp("anticoagulation clinic in {1|2} weeks", "GP review in 3 months")
        .build();
  }

  private static Scenario endOfLifeCare() {
    return Scenario.builder("end-of-life-care", PALLIATIVE_CARE)
        .ages(60, 98)
        .setting(Setting.HOME)
        .context(
            "with metastatic {lung|pancreatic|bowel} cancer on home hospice",
            "with end-stage heart failure, for comfort care only",
            "resident of a nursing home with advanced dementia, for comfort care")
        .symptom(t("increased pain"), lay("more pain", "more pain"))
        .symptom(t("terminal agitation"), lay("restlessness and calling out", "restlessness"))
        .symptom(
            t("noisy respiratory secretions", "noisy secretions"),
            lay("rattly breathing", "rattly breathing"))
        .symptom(t("reduced oral intake"), lay("not eating or drinking", "not eating or drinking"))
        .symptom(t("breathlessness"))
        .escalation(
            "{called the hospice nurse|rang the palliative care team|called the on-call palliative"
                + " nurse}")
        .onset("over the past {24|48} hours", "since the previous visit", "overnight")
        .negatives(Negatives.VOMITING, Negatives.FEVER)
        .history(
            "DNACPR in place",
            "advance care plan: wishes to die at home",
            "syringe driver not yet started")
        .hr(100, 126)
        .bp(82, 104, 44, 62)
        .rr(8, 28)
        .spo2(84, 92)
        .temp(36.4, 37.6)
        .exam(
            "mottled peripheries", "Cheyne-Stokes breathing", "unresponsive to voice", "dry mouth")
        .tests("PPS {10|20}%", "RASS +{1|2}", "bladder scan {150..300} mL")
        .diagnosis(
            t("actively dying"),
            t("last days of life"),
            t("terminal phase of illness", "terminal phase"))
        .meds(
            med("morphine", "{2.5|5} mg subcut PRN"),
            med("midazolam", "2.5 mg subcut PRN"),
            med("glycopyrronium", "200 mcg subcut PRN"),
            med("haloperidol", "{0.5|1} mg subcut"))
        .intervention(
            t("PRN subcut morphine and midazolam given, syringe driver started", "syringe driver"),
            t("comfort care: mouth care, repositioning, anticipatory meds", "comfort care"))
        .nursing("mouth care", "repositioned 4-hourly", "family supported")
        .outcome(
            t("settled and comfortable", "comfortable"),
            t("died peacefully with family present", "died peacefully"))
        .disposition(t("family at bedside"), t("hospice team informed"))
        .build();
  }

  private static Scenario cancerPainCrisis() {
    return Scenario.builder("cancer-pain-crisis", PALLIATIVE_CARE)
        .ages(45, 90)
        .esi(2, 3)
        .caregiver()
        .symptom(
            t("severe back pain {8|9|10}/10 despite oxycodone", "severe back pain"),
            t("uncontrolled bone pain", "bone pain"),
            lay("pain not helped by the usual tablets", "pain not helped by usual tablets"))
        .symptom(t("poor sleep from pain", "poor sleep"), t("insomnia from pain", "insomnia"))
        .symptom(t("constipation"))
        .symptom(t("nausea"))
        .onset("for {2..4} days", "worse over the past week", "since the previous night")
        .negatives(
            Negatives.FEVER,
            "{no leg weakness|normal power in legs}",
            "{no bladder or bowel dysfunction|continent}")
        .history(
            "{metastatic breast cancer|metastatic lung cancer|myeloma with lytic lesions}",
            "on oxycodone MR {20|30} mg BD",
            "known bone metastases")
        .hr(94, 114)
        .bp(138, 172, 78, 96)
        .pain(8, 10)
        .exam("grimacing, guarding", "no focal neuro deficit", "abdomen soft, faecal loading")
        .tests(
            "calcium {2.35..2.55}",
            "creatinine normal",
            "MRI spine: known bone mets, no cord compression")
        .diagnosis(t("uncontrolled cancer pain"), t("pain crisis from bone metastases"))
        .meds(
            med("morphine", "5 mg subcut"),
            med("oxycodone", "10 mg PO"),
            med("dexamethasone", "8 mg IV"),
            med("macrogol", "1 sachet PO BD"))
        .intervention(
            t("opioid dose titrated, regular laxatives", "opioid dose titrated"),
            t("palliative radiotherapy referral for painful bone mets", "radiotherapy referral"))
        .nursing("pain reassessed hourly", "bowel chart", "repositioned for comfort")
        .outcome(t("pain improved to {3|4}/10", "pain improved"), t("sleeping comfortably"))
        .disposition(t("admitted under palliative care"), t("admitted to hospice"))
        .followUp("palliative care clinic in 1 week", "community palliative team review")
        .build();
  }
}
