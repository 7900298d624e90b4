package io.clinsum.synthetic.internal;

import static io.clinsum.synthetic.internal.Med.med;
import static io.clinsum.synthetic.internal.Term.lay;
import static io.clinsum.synthetic.internal.Term.t;

import java.util.List;

/** Cardiology and pulmonology scenarios. */
final class CardiorespiratoryScenarios {
  private static final String CARDIOLOGY = "cardiology";
  private static final String PULMONOLOGY = "pulmonology";

  private CardiorespiratoryScenarios() {}

  static List<Scenario> all() {
    return List.of(
        anteriorStemi(),
        inferiorStemi(),
        nstemi(),
        atrialFibrillationRvr(),
        decompensatedHeartFailure(),
        hypertensiveUrgency(),
        copdExacerbation(),
        asthmaExacerbation(),
        pneumonia(),
        pulmonaryEmbolism(),
        pneumothorax());
  }

  private static Scenario anteriorStemi() {
    return Scenario.builder("anterior-stemi", CARDIOLOGY)
        .ages(40, 88)
        .esi(1, 2)
        .caregiver()
        .symptom(
            t("severe chest pain radiating to the left arm", "chest pain radiating to left arm"),
            t("crushing substernal chest pain", "chest pain"),
            t("central chest pressure radiating to the jaw", "chest pressure"),
            lay("crushing pain in the chest", "chest pain"))
        .symptom(t("diaphoresis"), t("sweating"), lay("cold sweats", "cold sweats"))
        .symptom(t("shortness of breath"), t("SOB"), lay("trouble breathing", "trouble breathing"))
        .symptom(t("nausea"), t("nausea and vomiting"))
        .onset(
            "for {30|40|45} minutes",
            "for {1..3} hours",
            "that started suddenly {1|2} hours prior",
            "that began at rest {45|90} minutes before arrival")
        .negatives(Negatives.FEVER, Negatives.LOC, "{no recent trauma|denies cocaine use}")
        .history(
            "HTN",
            "hyperlipidaemia",
            "T2DM",
            "current smoker, {20|30|40} pack-years",
            "family history of premature CAD",
            "obesity")
        .hr(88, 118)
        .bp(104, 172, 62, 100)
        .rr(18, 26)
        .spo2(92, 97)
        .pain(7, 10)
        .exam(
            "pale and diaphoretic",
            "A&Ox3, anxious, clutching chest",
            "heart sounds dual, no murmur",
            "chest clear",
            "cap refill 3 sec")
        .tests(
            "ECG showed ST elevation in {V1-V4|V2-V5|V1-V5} with reciprocal inferior changes",
            "troponin I {0.8..18.5} ng/mL",
            "hs-troponin T {180..2400} ng/L",
            "K {3.6..4.8}, creatinine {70..110}")
        .diagnosis(
            t("anterior STEMI"),
            t("acute anterior ST-elevation MI", "anterior MI"),
            t("anterior STEMI with LAD occlusion", "anterior STEMI"))
        .meds(
            med("aspirin", "{300|324} mg PO"),
            med("ticagrelor", "180 mg PO"),
            med("heparin", "{4000|5000} units IV"),
            med("nitroglycerin", "0.4 mg SL"),
            med("morphine", "{2|4} mg IV"))
        .intervention(
            t("taken for emergent cardiac catheterization with PCI to the LAD", "PCI"),
            t("underwent primary PCI with drug-eluting stent to the proximal LAD", "primary PCI"),
            t("STEMI code activated, taken to the cath lab for PCI", "PCI"),
            t("emergent cath, stent placed in the LAD", "cath and stent to LAD"))
        .nursing(
            "placed on continuous cardiac monitoring",
            "IV access x2",
            "serial ECGs",
            "defib pads applied")
        .outcome(
            t("chest pain resolved post-procedure", "pain resolved"),
            t("pain free after PCI, TIMI 3 flow restored", "pain free"),
            t("hemodynamically stable post-PCI", "stable post-PCI"))
        .disposition(
            t("admitted to CCU"),
            t("transferred to CCU for monitoring", "transferred to CCU"),
            t("admitted to the cardiac unit", "admitted to cardiac unit"))
        .followUp(
            "cardiology clinic in {2|4} weeks",
            "cardiac rehab referral",
            "cardiology in 6 weeks, cardiac rehab")
        .build();
  }

  private static Scenario inferiorStemi() {
    return Scenario.builder("inferior-stemi", CARDIOLOGY)
        .ages(40, 88)
        .esi(1, 2)
        .caregiver()
        .symptom(
            t("epigastric and lower chest pain", "chest pain"),
            t("heavy central chest pain", "chest pain"),
            lay("bad pain in the chest and upper stomach", "chest pain"))
        .symptom(t("nausea and vomiting"), t("nausea"))
        .symptom(t("lightheadedness"), t("dizziness"), lay("dizzy spells", "dizzy spells"))
        .symptom(t("diaphoresis"), t("sweating"))
        .onset("for {1..3} hours", "for {40|50} minutes", "that started during sleep")
        .negatives(Negatives.FEVER, Negatives.COUGH, Negatives.CALF)
        .history("HTN", "T2DM", "hyperlipidaemia", "ex-smoker", "previous TIA")
        .hr(46, 68)
        .bp(84, 112, 48, 70)
        .rr(16, 24)
        .spo2(93, 98)
        .pain(6, 9)
        .exam(
            "pale, clammy",
            "JVP raised, lungs clear",
            "bradycardic, peripheries cool",
            "heart sounds normal")
        .tests(
            "ECG: ST elevation in II, III and aVF, ST elevation in V4R",
            "troponin I {0.6..12.0} ng/mL",
            "ECG showed inferior ST elevation with complete heart block",
            "K {3.8..4.9}")
        .diagnosis(
            t("inferior STEMI"),
            t("inferior STEMI with RV involvement"),
            t("acute inferior MI", "inferior MI"))
        .meds(
            med("aspirin", "300 mg PO"),
            med("ticagrelor", "180 mg PO"),
            med("heparin", "5000 units IV"),
            med("normal saline", "{250|500} mL IV bolus"),
            med("atropine", "{0.5|0.6} mg IV"))
        .intervention(
            t("taken for primary PCI to the RCA", "PCI to RCA"),
            t("emergent cath, drug-eluting stent to the RCA", "cath and stent to RCA"),
            t("primary PCI, nitrates avoided given RV involvement", "primary PCI"))
        .nursing("placed on continuous cardiac monitoring", "pacing pads applied", "IV access x2")
        .outcome(
            t("pain resolved, HR {62..74} post-procedure", "pain resolved"),
            t("BP improved after fluids, pain free", "pain free"))
        .disposition(t("admitted to CCU"), t("transferred to CCU"))
        .followUp("cardiology clinic in {4|6} weeks", "cardiac rehab referral")
        .build();
  }

  private static Scenario nstemi() {
    return Scenario.builder("nstemi", CARDIOLOGY)
        .ages(45, 92)
        .esi(2, 2)
        .caregiver()
        .symptom(
            t("central chest tightness", "chest tightness"),
            t("intermittent chest pain at rest", "chest pain at rest"),
            t("chest pain on exertion"),
            lay("tight chest", "tight chest"))
        .symptom(t("shortness of breath"), t("SOB"))
        .symptom(t("fatigue"), t("nausea"))
        .symptom(t("pain radiating to the left shoulder", "pain radiating to left shoulder"))
        .onset(
            "on and off for {1..3} days",
            "for {2..6} hours",
            "that has been worsening over {1|2} days")
        .negatives(Negatives.FEVER, Negatives.SYNCOPE, Negatives.CALF)
        .history("HTN", "T2DM", "CKD stage 3", "previous PCI", "hyperlipidaemia", "ex-smoker")
        .hr(78, 104)
        .bp(130, 168, 70, 94)
        .rr(16, 22)
        .spo2(94, 98)
        .pain(3, 7)
        .exam(
            "A&Ox3, comfortable at rest",
            "chest clear",
            "no peripheral oedema",
            "heart sounds dual")
        .tests(
            "ECG: ST depression in {V4-V6|I, aVL and V5-V6}",
            "troponin rising, {45..140} then {220..980} ng/L",
            "no ST elevation on serial ECGs",
            "creatinine {90..140}")
        .diagnosis(t("NSTEMI"), t("non-ST-elevation MI", "non-ST-elevation MI"))
        .meds(
            med("aspirin", "300 mg PO"),
            med("clopidogrel", "300 mg PO"),
            med("enoxaparin", "1 mg/kg subcut"),
            med("metoprolol", "{12.5|25} mg PO"),
            med("atorvastatin", "80 mg PO"))
        .intervention(
            t(
                "started on dual antiplatelet therapy and anticoagulation with enoxaparin",
                "antiplatelet therapy and anticoagulation"),
            t("scheduled for inpatient coronary angiography", "angiography scheduled"),
            t("underwent coronary angiography with PCI to the circumflex", "angiography and PCI"))
        .nursing("placed on telemetry", "serial troponins", "IV access")
        .outcome(t("pain free on treatment", "pain free"), t("chest pain settled", "pain settled"))
        .disposition(t("admitted to cardiology"), t("admitted to telemetry"))
        .followUp("cardiology clinic in 6 weeks", "cardiac rehab referral", "GP review in 1 week")
        .build();
  }

  private static Scenario atrialFibrillationRvr() {
    return Scenario.builder("af-with-rvr", CARDIOLOGY)
        .ages(50, 92)
        .esi(2, 3)
        .caregiver()
        .symptom(
            t("palpitations"),
            t("racing heart", "racing heart"),
            lay("heart racing and fluttering", "heart racing"))
        .symptom(t("shortness of breath"), t("SOB on exertion"))
        .symptom(t("lightheadedness"), t("dizziness"))
        .symptom(t("fatigue"), t("chest discomfort"))
        .onset("for {3..12} hours", "since the previous evening", "for {1|2} days")
        .negatives(Negatives.SYNCOPE, Negatives.FEVER, "{no focal weakness|no speech changes}")
        .history("HTN", "hypothyroidism", "alcohol {20|30} units/week", "T2DM", "OSA")
        .hr(128, 172)
        .bp(98, 150, 60, 92)
        .rr(18, 24)
        .spo2(93, 98)
        .exam(
            "irregularly irregular pulse",
            "chest clear",
            "mild bibasal crackles",
            "no peripheral oedema")
        .tests(
            "ECG: AF with ventricular rate {130..170}",
            "TSH {0.9..3.2}",
            "troponin negative",
            "K {3.4..4.1}, Mg {0.68..0.84}",
            "CHA2DS2-VASc score {2..5}")
        .diagnosis(
            t("new-onset AF with RVR", "new AF with RVR"),
            t("rapid atrial fibrillation", "rapid AF"),
            t("AF with rapid ventricular response"))
        .meds(med("digoxin", "{250|500} mcg IV"), med("apixaban", "5 mg PO BD"))
        .medOneOf(med("metoprolol", "{2.5|5} mg IV"), med("diltiazem", "{10|15} mg IV"))
        .intervention(
            t("rate controlled with IV metoprolol", "rate control with metoprolol"),
            t("started on a diltiazem infusion for rate control", "diltiazem infusion"),
            t("synchronised DC cardioversion at {120|150} J", "DC cardioversion"))
        .nursing("placed on cardiac monitor", "IV access", "12-lead ECG repeated")
        .outcome(
            t("HR down to {80..100}, rate controlled", "rate controlled"),
            t("reverted to sinus rhythm", "sinus rhythm"))
        .disposition(
            t("admitted to telemetry"),
            t("discharged home with cardiology follow-up", "discharged home"))
        .followUp("cardiology clinic in {2|4} weeks", "AF clinic, echo as outpatient")
        .build();
  }

  private static Scenario decompensatedHeartFailure() {
    return Scenario.builder("acute-decompensated-heart-failure", CARDIOLOGY)
        .ages(55, 95)
        .esi(2, 3)
        .caregiver()
        .symptom(
            t("worsening shortness of breath", "shortness of breath"),
            t("SOB on minimal exertion", "SOB on exertion"),
            lay("trouble breathing", "trouble breathing"))
        .symptom(
            t("orthopnoea"),
            t("orthopnea"),
            t("orthopnoea, sleeping on {3|4} pillows", "orthopnoea"))
        .symptom(t("bilateral leg swelling"), lay("swollen ankles", "swollen ankles"))
        .symptom(t("weight gain of {2..5} kg", "weight gain"))
        .symptom(t("paroxysmal nocturnal dyspnoea"), t("PND"))
        .onset("for {3..7} days", "over the past week", "worse over {2|3} days")
        .negatives(Negatives.CHEST_PAIN, Negatives.FEVER, Negatives.COUGH)
        .history(
            "CHF with EF {25|30|35}%",
            "ischaemic cardiomyopathy",
            "CKD stage 3",
            "AF on apixaban",
            "recently ran out of furosemide")
        .hr(92, 118)
        .bp(138, 182, 78, 100)
        .rr(24, 32)
        .spo2(86, 92)
        .exam(
            "bibasal crackles to mid zones",
            "JVP raised {4|5} cm",
            "pitting oedema to the knees",
            "speaking in short sentences")
        .tests(
            "BNP {1200..4800} pg/mL",
            "CXR: pulmonary oedema and small bilateral effusions",
            "troponin flat",
            "creatinine {120..180}")
        .diagnosis(
            t("acute decompensated heart failure"),
            t("acute on chronic heart failure", "acute on chronic heart failure"),
            t("pulmonary oedema from decompensated HF", "pulmonary oedema"))
        .meds(
            med("furosemide", "{40|80} mg IV"),
            med("GTN infusion", "{10..50} mcg/min IV"),
            med("enoxaparin", "40 mg subcut"))
        .intervention(
            t("IV diuresis with furosemide {40|80} mg BD", "IV diuresis"),
            t("started on BiPAP and IV furosemide", "BiPAP and furosemide"),
            t("commenced on a furosemide infusion", "furosemide infusion"))
        .nursing("daily weights", "strict I&O", "fluid restriction 1.5 L", "HOB elevated")
        .outcome(
            t("breathing improved, SpO2 {93..96}% on {2|3} L NC", "breathing improved"),
            t("diuresing well, {1.2|1.5|2} L negative", "diuresing well"))
        .disposition(t("admitted to cardiology"), t("admitted to telemetry"))
        .followUp("heart failure nurse in 1 week", "cardiology clinic in {2|4} weeks")
        .build();
  }

  private static Scenario hypertensiveUrgency() {
    return Scenario.builder("hypertensive-urgency", CARDIOLOGY)
        .ages(35, 85)
        .esi(3, 3)
        .caregiver()
        .symptom(t("headache"), t("occipital headache"), lay("bad headache", "headache"))
        .symptom(t("blurred vision"))
        .symptom(t("dizziness"))
        .symptom(t("mild nausea"))
        .onset("for {1|2} days", "since the previous evening", "for {4..10} hours")
        .negatives(
            Negatives.CHEST_PAIN,
            Negatives.SOB,
            "{no focal neuro deficit|no weakness or numbness}",
            "{no confusion|alert and oriented}")
        .history(
            "HTN, non-adherent to meds",
            "ran out of amlodipine {3|5} days ago",
            "T2DM",
            "CKD stage 2")
        .hr(72, 98)
        .bp(186, 224, 110, 128)
        .rr(14, 20)
        .spo2(96, 99)
        .exam(
            "A&Ox3, GCS 15",
            "no papilloedema on fundoscopy",
            "neuro exam normal",
            "heart sounds normal")
        .tests(
            "troponin negative",
            "creatinine {70..100}, stable",
            "urinalysis: no protein",
            "ECG: LVH, no acute changes")
        .diagnosis(
            t("hypertensive urgency"),
            t("severe hypertension without end-organ damage", "severe hypertension"))
        .meds(
            med("amlodipine", "{5|10} mg PO"),
            med("labetalol", "200 mg PO"),
            med("paracetamol", "1 g PO"))
        .intervention(
            t("BP lowered gradually with oral labetalol", "oral labetalol"),
            t("home antihypertensives restarted", "home antihypertensives restarted"))
        .nursing("BP checked every 30 min", "quiet dark room")
        .outcome(
            t("BP improved to {150..165}/{88..98}", "BP improved"),
            t("headache settled", "headache settled"))
        .disposition(
            t("discharged home with GP follow-up in 48 hours", "discharged home"),
            t("kept for observation in the ED", "observation in ED"))
        .followUp("GP in {2|3} days for BP check", "home BP monitoring, GP in 1 week")
        .build();
  }

  private static Scenario copdExacerbation() {
    return Scenario.builder("copd-exacerbation", PULMONOLOGY)
        .ages(50, 92)
        .esi(2, 3)
        .caregiver()
        .symptom(
            t("increased shortness of breath", "shortness of breath"),
            t("worsening SOB", "SOB"),
            t("dyspnoea at rest", "dyspnoea"),
            lay("trouble getting breath", "trouble getting breath"))
        .symptom(
            t("productive cough with green sputum", "productive cough"),
            t("cough with purulent sputum", "purulent sputum"))
        .symptom(t("wheeze"), t("wheezing"))
        .symptom(t("chest tightness"))
        .onset("for {2..5} days", "over the past {3|4} days", "worse since the previous night")
        .negatives(Negatives.CHEST_PAIN, Negatives.CALF, Negatives.HAEMOPTYSIS)
        .history(
            "COPD (FEV1 {35|40|45}% predicted)",
            "ex-smoker, {40|50} pack-years", "{2|3} exacerbations this year", "HTN")
        .hr(96, 122)
        .rr(24, 32)
        .spo2(84, 90)
        .temp(36.5, 37.7)
        .exam(
            "using accessory muscles",
            "widespread expiratory wheeze",
            "reduced air entry bilaterally",
            "speaking in short sentences",
            "pursed-lip breathing")
        .tests(
            "VBG pH {7.28..7.34}, pCO2 {52..68} mmHg",
            "CXR: hyperinflation, no consolidation",
            "CRP {12..60}",
            "sputum sent for culture")
        .diagnosis(
            t("COPD exacerbation"),
            t("acute exacerbation of COPD", "COPD exacerbation"),
            t("infective exacerbation of COPD", "infective COPD exacerbation"))
        .meds(
            med("salbutamol", "5 mg neb"),
            med("ipratropium", "500 mcg neb"),
            med("doxycycline", "200 mg PO"))
        .medOneOf(med("prednisolone", "40 mg PO"), med("hydrocortisone", "100 mg IV"))
        .intervention(
            t("treated with nebulisers and oral steroids", "nebulisers and steroids"),
            t("back-to-back nebulisers, started on BiPAP for hypercapnia", "nebulisers and BiPAP"),
            t(
                "controlled O2 via {24|28}% venturi mask, nebulisers and steroids",
                "controlled O2, nebulisers, steroids"))
        .nursing("O2 titrated to sats 88-92%", "sat upright", "sputum sample sent")
        .outcome(
            t("improving, SpO2 {88..92}% on {1|2} L NC", "improving"),
            t("work of breathing improving", "improving"))
        .disposition(t("admitted to respiratory ward"), t("admitted to medical ward"))
        .followUp("respiratory clinic in {4|6} weeks", "pulmonary rehab referral")
        .build();
  }

  private static Scenario asthmaExacerbation() {
    return Scenario.builder("asthma-exacerbation", PULMONOLOGY)
        .ages(16, 45)
        .esi(2, 3)
        .caregiver()
        .symptom(t("wheeze"), t("wheezing"), lay("wheezy chest", "wheezy chest"))
        .symptom(t("shortness of breath"), t("SOB"), lay("trouble breathing", "trouble breathing"))
        .symptom(t("chest tightness"), lay("tight chest", "tight chest"))
        .symptom(t("dry cough"), t("nocturnal cough"))
        .onset("for {6..24} hours", "since the previous evening", "worse over {1|2} days")
        .negatives(Negatives.FEVER, Negatives.CHEST_PAIN, Negatives.CALF)
        .history(
            "asthma since childhood",
            "previous ICU admission for asthma",
            "uses salbutamol inhaler PRN",
            "ran out of preventer inhaler")
        .hr(108, 132)
        .rr(26, 32)
        .spo2(90, 94)
        .exam(
            "unable to complete sentences",
            "widespread polyphonic wheeze",
            "using accessory muscles",
            "PEFR {40..50}% of best")
        .tests("PEFR {180..260} L/min", "VBG pH {7.38..7.44}, pCO2 {32..40} mmHg", "K {3.3..4.0}")
        .diagnosis(
            t("acute severe asthma"),
            t("asthma exacerbation"),
            t("acute asthma attack", "asthma attack"))
        .meds(
            med("salbutamol", "5 mg neb x3"),
            med("ipratropium", "500 mcg neb"),
            med("magnesium sulfate", "2 g IV over 20 min"))
        .medOneOf(med("prednisolone", "{40|50} mg PO"), med("hydrocortisone", "100 mg IV"))
        .intervention(
            t(
                "treated with back-to-back salbutamol nebulisers and oral steroids",
                "nebulisers and steroids"),
            t("given IV magnesium after poor response to nebulisers", "IV magnesium"))
        .nursing("O2 to keep sats 94-98%", "PEFR monitored hourly", "sat upright")
        .outcome(
            t("wheeze settling, PEFR improved to {65..80}% predicted", "PEFR improved"),
            t("speaking full sentences, less wheeze", "less wheeze"))
        .disposition(
            t("admitted to medical ward"),
            t("discharged home after 4 hrs observation", "discharged home"))
        .followUp("GP review in 48 hours", "asthma nurse review of inhaler technique")
        .build();
  }

  private static Scenario pneumonia() {
    return Scenario.builder("community-acquired-pneumonia", PULMONOLOGY)
        .ages(30, 92)
        .esi(2, 3)
        .caregiver()
        .symptom(
            t("fever"),
            t("fevers and rigors"),
            lay("high temperature and shivers", "high temperature"))
        .symptom(
            t("productive cough"),
            t("cough with rusty sputum"),
            lay("chesty cough", "chesty cough"))
        .symptom(t("shortness of breath"), t("SOB"))
        .symptom(t("right-sided pleuritic chest pain", "pleuritic chest pain"))
        .symptom(t("fatigue"), t("reduced appetite"))
        .onset("for {2..5} days", "over the past {3|4} days", "since the weekend")
        .negatives(
            Negatives.HAEMOPTYSIS, Negatives.CALF, "{no recent travel|no recent hospital stay}")
        .history("COPD", "T2DM", "HTN", "smoker")
        .hr(96, 122)
        .bp(100, 136, 58, 82)
        .rr(22, 30)
        .spo2(88, 94)
        .temp(38.2, 39.6)
        .exam(
            "coarse crackles at the right base",
            "bronchial breathing right lower zone",
            "dullness to percussion at right base",
            "flushed")
        .tests(
            "CXR: right lower lobe consolidation",
            "WCC {14.2..22.8}",
            "CRP {110..280}",
            "lactate {1.2..2.1}",
            "CURB-65 score {1..3}")
        .diagnosis(
            t("community-acquired pneumonia"),
            t("right lower lobe pneumonia"),
            t("CAP, CURB-65 score {1|2}", "CAP"))
        .medOneOf(med("amoxicillin", "1 g IV TDS"), med("ceftriaxone", "{1|2} g IV"))
        .medOneOf(med("clarithromycin", "500 mg IV BD"), med("azithromycin", "500 mg IV"))
        .meds(med("paracetamol", "1 g PO"))
        .intervention(
            t("started on IV antibiotics and O2 via NC", "IV antibiotics and O2"),
            t(
                "IV antibiotics, fluids and supplemental oxygen",
                "IV antibiotics, fluids and oxygen"))
        .nursing("sputum and blood cultures sent", "O2 via NC", "encouraged deep breathing")
        .outcome(
            t("afebrile after 24 hrs, improving", "improving"),
            t("SpO2 {94..96}% on {2|3} L NC, more comfortable", "more comfortable"))
        .disposition(t("admitted to medical ward"), t("admitted to respiratory ward"))
        .followUp("GP review in 1 week", "repeat CXR in 6 weeks")
        .build();
  }

  private static Scenario pulmonaryEmbolism() {
    return Scenario.builder("pulmonary-embolism", PULMONOLOGY)
        .ages(25, 85)
        .esi(2, 2)
        .symptom(
            t("sudden shortness of breath", "sudden shortness of breath"),
            t("acute onset SOB", "acute SOB"))
        .symptom(
            t("pleuritic chest pain"), t("sharp chest pain on inspiration", "sharp chest pain"))
        .symptom(t("left calf swelling"), t("calf pain"))
        .symptom(t("haemoptysis"), t("lightheadedness"))
        .onset("for {4..12} hours", "since the morning", "that began suddenly {2|3} hours prior")
        .negatives(Negatives.FEVER, Negatives.COUGH, Negatives.SYNCOPE)
        .history(
            "recent long-haul flight",
            "{10..14} days after knee arthroscopy",
            "active malignancy",
            "previous DVT")
        .hr(104, 130)
        .bp(108, 138, 64, 86)
        .rr(22, 30)
        .spo2(88, 94)
        .exam("tachypnoeic, chest clear", "left calf tender and swollen", "anxious")
        .tests(
            "CTPA: bilateral segmental PE",
            "CTPA confirmed right lower lobe PE",
            "D-dimer {1.8..6.0} mg/L",
            "ECG: sinus tachycardia, S1Q3T3",
            "troponin normal")
        .diagnosis(t("pulmonary embolism"), t("PE"), t("acute bilateral PE", "bilateral PE"))
        .medOneOf(
            med("enoxaparin", "1.5 mg/kg subcut"),
            med("apixaban", "10 mg PO BD"),
            med("heparin", "80 units/kg IV bolus then infusion"))
        .meds(med("morphine", "2.5 mg IV"), med("paracetamol", "1 g PO"))
        .intervention(
            t("started on therapeutic anticoagulation", "therapeutic anticoagulation"),
            t("anticoagulated, O2 via NC", "anticoagulated, O2"),
            t("commenced on anticoagulation, thrombolysis not indicated", "anticoagulation"))
        .nursing("O2 via NC", "placed on cardiac monitor", "IV access")
        .outcome(
            t("SOB easing, SpO2 {94..97}% on {2|4} L NC", "SOB easing"),
            t("haemodynamically stable, pain improving", "pain improving"))
        .disposition(t("admitted to medical ward"), t("admitted to respiratory ward"))
        .followUp("anticoagulation clinic in 2 weeks", "respiratory clinic in 3 months")
        .build();
  }

  private static Scenario pneumothorax() {
    return Scenario.builder("spontaneous-pneumothorax", PULMONOLOGY)
        .ages(18, 40)
        .male()
        .esi(2, 3)
        .symptom(
            t("sudden left-sided pleuritic chest pain", "left pleuritic chest pain"),
            t("sharp left chest pain", "sharp chest pain"))
        .symptom(t("shortness of breath"), t("SOB"))
        .symptom(t("dry cough"))
        .onset("for {2..8} hours", "that began at rest {1|2} hours prior")
        .negatives(Negatives.FEVER, "{no trauma|denies recent injury}", Negatives.HAEMOPTYSIS)
        .history("smoker", "tall, thin build", "previous pneumothorax {2|3} years ago")
        .hr(96, 118)
        .rr(20, 28)
        .spo2(91, 96)
        .pain(5, 8)
        .exam("reduced breath sounds on the left", "hyperresonant left chest", "trachea central")
        .tests(
            "CXR: left apical pneumothorax, {2.5|3|4} cm rim",
            "CXR confirmed left-sided pneumothorax")
        .diagnosis(
            t("primary spontaneous pneumothorax", "spontaneous pneumothorax"),
            t("left pneumothorax"))
        .meds(med("paracetamol", "1 g PO"), med("oxycodone", "5 mg PO"))
        .intervention(
            t("needle aspiration performed", "needle aspiration"),
            t("intercostal chest drain inserted", "chest drain"))
        .nursing("O2 via NC", "chest drain site observed", "pain reassessed")
        .outcome(
            t("lung re-expanded on repeat CXR", "lung re-expanded"),
            t("pain improved, VSS, SpO2 {95..98}% on RA", "pain improved"))
        .disposition(
            t("admitted to respiratory ward"),
            t("discharged home with safety-net advice", "discharged home"))
        .followUp("respiratory clinic in {2|4} weeks", "no flying until cleared by respiratory")
        .build();
  }
}
