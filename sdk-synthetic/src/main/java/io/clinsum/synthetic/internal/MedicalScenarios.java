package io.clinsum.synthetic.internal;

import static io.clinsum.synthetic.internal.Med.med;
import static io.clinsum.synthetic.internal.Term.lay;
import static io.clinsum.synthetic.internal.Term.t;

import java.util.List;

/** Infectious disease, neurology and nephrology scenarios. */
final class MedicalScenarios {
  private static final String INFECTIOUS_DISEASE = "infectious disease";
  private static final String NEUROLOGY = "neurology";
  private static final String NEPHROLOGY = "nephrology";

  private MedicalScenarios() {}

  static List<Scenario> all() {
    return List.of(
        urosepsis(),
        cellulitis(),
        clostridioidesDifficile(),
        ischaemicStroke(),
        transientIschaemicAttack(),
        seizure(),
        delirium(),
        acuteKidneyInjury(),
        hyperkalaemia());
  }

  private static Scenario urosepsis() {
    return Scenario.builder("sepsis-from-uti", INFECTIOUS_DISEASE)
        .ages(62, 96)
        .esi(2, 2)
        .caregiver()
        .symptom(
            t("fever with rigors", "fever"),
            t("fevers"),
            lay("high temperature and shivers", "high temperature"))
        .symptom(
            t("new confusion"),
            t("acute confusion"),
            lay("more confusion than usual", "more confusion"))
        .symptom(t("dysuria"), lay("burning when passing urine", "burning passing urine"))
        .symptom(t("urinary frequency"), t("foul-smelling urine"))
        .symptom(t("reduced oral intake"), lay("not eating or drinking", "not eating or drinking"))
        .onset("for {1..3} days", "since the previous evening", "worsening over {24|48} hours")
        .negatives(Negatives.CHEST_PAIN, Negatives.COUGH, Negatives.DIARRHOEA)
        .history("T2DM", "recurrent UTIs", "dementia", "CKD stage 3", "lives in a care home")
        .hr(104, 130)
        .bp(80, 102, 42, 60)
        .rr(22, 28)
        .spo2(93, 97)
        .temp(38.4, 39.8)
        .exam(
            "drowsy, GCS {13|14}",
            "suprapubic tenderness",
            "flushed, warm peripheries",
            "dry mucous membranes")
        .tests(
            "lactate {2.4..4.8} mmol/L",
            "urine dip: nitrites and leukocytes positive",
            "WCC {15.1..24.6}",
            "creatinine {130..210}",
            "blood cultures x2 sent")
        .diagnosis(
            t("urosepsis"),
            t("sepsis from a urinary source", "sepsis from urinary source"),
            t("sepsis secondary to UTI"))
        .medOneOf(med("ceftriaxone", "2 g IV"), med("piperacillin-tazobactam", "4.5 g IV"))
        .meds(
            med("gentamicin", "5 mg/kg IV"),
            med("normal saline", "{500|1000} mL IV bolus"),
            med("paracetamol", "1 g IV"))
        .intervention(
            t(
                "sepsis bundle completed within 1 hr: cultures, lactate, IV fluids and antibiotics",
                "sepsis bundle, IV fluids and antibiotics"),
            t("IV fluids and broad-spectrum antibiotics", "IV fluids and antibiotics"))
        .nursing("IDC inserted, hourly urine output", "obs q30min", "IV access x2")
        .outcome(
            t("BP improved to {108..122}/{60..72} after fluids", "BP improved"),
            t("more alert, lactate down to {1.2..1.9}", "more alert, lactate down"))
        .disposition(t("admitted to medical ward"), t("transferred to HDU"))
        .followUp("GP review in 1 week", "complete 7 days of oral antibiotics, GP review")
        .build();
  }

  private static Scenario cellulitis() {
    return Scenario.builder("cellulitis", INFECTIOUS_DISEASE)
        .ages(30, 88)
        .esi(3, 4)
        .caregiver()
        .symptom(
            t("red, hot, swollen left lower leg", "red swollen leg"),
            t("spreading redness of the left shin", "spreading redness"),
            lay("a red, sore leg", "red sore leg"))
        .symptom(t("leg pain"), t("pain on walking"))
        .symptom(t("fever"), t("chills"))
        .symptom(t("malaise"))
        .onset("for {2..4} days", "spreading over {24|48} hours", "since a scratch {3|4} days ago")
        .negatives(Negatives.SOB, "{no rigors|denies rigors}", "{no blistering|no crepitus}")
        .history("T2DM", "obesity", "venous insufficiency", "tinea pedis", "previous cellulitis")
        .hr(88, 108)
        .temp(37.4, 38.8)
        .pain(4, 7)
        .exam(
            "erythema of left lower leg, margins marked",
            "warm, tender, swollen",
            "no crepitus",
            "pedal pulses present")
        .tests("WCC {11.5..17.0}", "CRP {60..180}", "Doppler: no DVT", "BGL {6.8..11.2}")
        .diagnosis(
            t("left lower leg cellulitis", "lower leg cellulitis"),
            t("cellulitis"),
            t("cellulitis of left leg", "cellulitis of left leg"))
        .medOneOf(med("flucloxacillin", "{1|2} g IV QID"), med("cefazolin", "2 g IV"))
        .meds(med("paracetamol", "1 g PO"))
        .intervention(
            t("started on IV antibiotics, leg elevated", "IV antibiotics"),
            t("IV antibiotics, margins marked", "IV antibiotics"))
        .nursing("leg elevated", "margins marked with pen", "pain reassessed")
        .outcome(
            t("erythema receding within marked margins", "erythema receding"),
            t("afebrile, VSS, redness improving", "redness improving"))
        .disposition(
            t("admitted for IV antibiotics"),
            t("discharged on oral antibiotics"),
            t("referred to hospital in the home for IV antibiotics", "hospital in the home"))
        .followUp("GP review in {2|3} days", "wound clinic in 1 week")
        .build();
  }

  private static Scenario clostridioidesDifficile() {
    return Scenario.builder("c-diff-colitis", INFECTIOUS_DISEASE)
        .ages(55, 95)
        .setting(Setting.WARD)
        .context(
            "day {4..9} of admission for pneumonia, on IV antibiotics",
            "inpatient after hip surgery, recent course of co-amoxiclav")
        .symptom(
            t("profuse watery diarrhoea, {5..12} episodes in 24 hrs", "watery diarrhoea"),
            t("frequent loose stools", "loose stools"))
        .symptom(t("abdominal cramps"), t("lower abdominal pain"))
        .symptom(t("fever"), t("nausea"))
        .symptom(t("reduced appetite"))
        .onset("for {1|2} days", "since the previous shift", "over the past 24 hours")
        .negatives(Negatives.VOMITING, "{no blood in stool|no PR bleeding}")
        .history("recent antibiotics", "PPI use", "CKD stage 3")
        .hr(94, 118)
        .bp(98, 130, 56, 78)
        .temp(37.6, 38.6)
        .exam(
            "abdomen soft, mildly tender, not distended",
            "dry mucous membranes",
            "bowel sounds active")
        .tests(
            "stool sample C. diff toxin positive",
            "WCC {14..24}",
            "creatinine {110..160}",
            "K {3.1..3.4}")
        .diagnosis(
            t("C. diff colitis"), t("Clostridioides difficile infection", "C. difficile infection"))
        .medOneOf(med("vancomycin", "125 mg PO QID"), med("fidaxomicin", "200 mg PO BD"))
        .meds(
            med("Hartmann's solution", "1 L IV over 8 hrs"),
            med("potassium chloride", "40 mmol IV over 4 hrs"))
        .intervention(
            t(
                "isolated with contact precautions, antibiotics reviewed",
                "contact precautions, antibiotics reviewed"),
            t(
                "started on oral C. diff treatment, moved to isolation",
                "oral C. diff treatment, isolation"))
        .nursing(
            "contact precautions", "stool chart", "strict I&O", "hand hygiene with soap and water")
        .outcome(
            t("diarrhoea settling, {2|3} episodes today", "diarrhoea settling"),
            t("tolerating diet, fewer stools", "fewer stools"))
        .disposition(t("moved to a side room", "moved to side room"), t("remains in isolation"))
        .followUp("GP review in 1 week", "return if diarrhoea recurs")
        .build();
  }

  private static Scenario ischaemicStroke() {
    return Scenario.builder("ischaemic-stroke", NEUROLOGY)
        .ages(50, 92)
        .esi(1, 2)
        .caregiver()
        .symptom(
            t("sudden right arm and leg weakness", "right arm and leg weakness"),
            t("right-sided weakness"),
            lay("weakness in right arm and leg", "right arm and leg weakness"))
        .symptom(t("right facial droop"), lay("face drooping on one side", "face drooping"))
        .symptom(
            t("slurred speech"),
            t("word-finding difficulty"),
            lay("jumbled words", "jumbled words"))
        .symptom(t("right arm numbness"))
        .onset(
            "with last known well {40|60|90} minutes prior",
            "noticed on waking, last known well at {2200|2300}",
            "that started suddenly {30|45} minutes before arrival")
        .negatives(
            Negatives.HEADACHE,
            "{no seizure activity|no LOC}",
            "{not on anticoagulants|no anticoagulants}")
        .history("AF", "HTN", "T2DM", "hyperlipidaemia", "smoker")
        .hr(70, 104)
        .bp(162, 204, 88, 110)
        .rr(14, 20)
        .spo2(94, 98)
        .bgl(5.0, 9.0)
        .exam(
            "NIHSS {6..16}",
            "right facial droop",
            "expressive aphasia",
            "right arm drift",
            "power {2|3}/5 right arm")
        .tests(
            "CT head: no haemorrhage",
            "CT angiogram: left MCA occlusion",
            "ECG: {sinus rhythm|AF}",
            "INR 1.0")
        .diagnosis(
            t("acute ischaemic stroke", "ischaemic stroke"),
            t("left MCA ischaemic stroke", "left MCA stroke"),
            t("acute left MCA stroke", "left MCA stroke"))
        .meds(
            med("labetalol", "10 mg IV"),
            med("atorvastatin", "80 mg PO"),
            med("normal saline", "{75|100} mL/hr IV"))
        .intervention(
            t("thrombolysed with IV alteplase", "IV alteplase"),
            t("taken for mechanical thrombectomy", "thrombectomy"),
            t("code stroke activated, given IV tenecteplase", "IV tenecteplase"))
        .nursing(
            "neuro obs q15min", "NPO until swallow screen", "HOB 30 degrees", "BP monitored q15min")
        .outcome(
            t("NIHSS improved to {2..5} at 24 hrs", "NIHSS improved"),
            t("speech improving, arm weakness persists", "speech improving"))
        .disposition(
            t("admitted to stroke unit"),
            t("admitted to the stroke unit", "admitted to stroke unit"))
        .followUp("stroke clinic in {6|8} weeks", "community stroke rehab team")
        .build();
  }

  private static Scenario transientIschaemicAttack() {
    return Scenario.builder("tia", NEUROLOGY)
        .ages(45, 90)
        .esi(2, 3)
        .caregiver()
        .symptom(
            t("transient right arm weakness"),
            t("episode of right arm weakness", "right arm weakness"),
            lay("weakness in the right arm for a while", "right arm weakness"))
        .symptom(t("word-finding difficulty"), t("slurred speech"))
        .symptom(t("right facial droop"))
        .symptom(t("right hand numbness"))
        .onset(
            "lasting {10|20|30|45} minutes, now resolved",
            "for {15..40} minutes earlier today, fully resolved",
            "that resolved within {20|30} minutes")
        .negatives(
            Negatives.HEADACHE, Negatives.CHEST_PAIN, "{no visual loss|denies vision changes}")
        .history("HTN", "hyperlipidaemia", "T2DM", "smoker", "previous TIA")
        .bp(150, 176, 84, 98)
        .exam("A&Ox3, neuro exam normal", "no residual deficit", "no carotid bruit", "GCS 15")
        .tests(
            "CT head: no acute changes",
            "ECG: sinus rhythm",
            "carotid Doppler: {50|60|70}% left ICA stenosis",
            "ABCD2 score {4|5|6}")
        .diagnosis(t("TIA"), t("transient ischaemic attack"))
        .meds(
            med("aspirin", "300 mg PO"),
            med("clopidogrel", "300 mg PO"),
            med("atorvastatin", "80 mg PO"))
        .intervention(
            t("started on dual antiplatelets and a statin", "dual antiplatelets and statin"),
            t(
                "loaded with aspirin and clopidogrel, referred to TIA clinic",
                "aspirin and clopidogrel, TIA clinic"))
        .nursing("neuro obs hourly", "swallow screen passed", "BP monitored")
        .outcome(
            t("symptoms fully resolved", "symptoms resolved"), t("no recurrence", "no recurrence"))
        .disposition(
            t("discharged home"),
            t("admitted for observation"),
            t("admitted to the stroke unit for monitoring", "admitted to stroke unit"))
        .followUp("TIA clinic within {24|48} hrs", "carotid Doppler as outpatient, stroke clinic")
        .build();
  }

  private static Scenario seizure() {
    return Scenario.builder("breakthrough-seizure", NEUROLOGY)
        .ages(18, 60)
        .esi(2, 3)
        .caregiver()
        .symptom(
            t("witnessed generalised tonic-clonic seizure", "generalised seizure"),
            t("seizure lasting {2..5} minutes", "seizure"),
            lay("a fit with shaking all over", "fit with shaking"))
        .symptom(
            t("post-ictal confusion"),
            lay("confusion and sleepiness afterwards", "confusion afterwards"))
        .symptom(t("tongue biting"), t("bitten tongue"))
        .symptom(t("urinary incontinence"))
        .symptom(t("headache"))
        .onset(
            "at home, witnessed by partner",
            "at work, witnessed by a colleague",
            "{20|30|40} minutes before arrival")
        .negatives(Negatives.FEVER, Negatives.HEAD_STRIKE, "{no recent illness|no alcohol}")
        .history(
            "epilepsy on levetiracetam",
            "missed doses x{2|3} days",
            "previous seizures",
            "poor sleep recently")
        .hr(94, 124)
        .bp(128, 156, 74, 92)
        .bgl(5.0, 8.0)
        .exam(
            "post-ictal, GCS {11..14}",
            "lateral tongue bite",
            "no focal neurology",
            "pupils equal and reactive")
        .tests(
            "sodium {134..140}",
            "CT head: no acute findings",
            "levetiracetam level low",
            "CK {180..420}")
        .diagnosis(
            t("breakthrough seizure in known epilepsy", "breakthrough seizure"),
            t("generalised tonic-clonic seizure"))
        .medOneOf(med("lorazepam", "{2|4} mg IV"), med("midazolam", "10 mg buccal"))
        .meds(med("levetiracetam", "{1|2} g IV"), med("paracetamol", "1 g PO"))
        .intervention(
            t("seizure terminated with a benzodiazepine", "benzodiazepine"),
            t("loaded with IV levetiracetam", "levetiracetam load"))
        .nursing("seizure precautions", "recovery position", "neuro obs hourly", "O2 via NRB mask")
        .outcome(
            t("no further seizures, GCS 15 by {1600|1800|2000}", "no further seizures"),
            t("back to baseline", "back to baseline"))
        .disposition(
            t("admitted to neurology"), t("discharged home with family", "discharged home"))
        .followUp("epilepsy nurse in {2|4} weeks", "neurology clinic, no driving advice given")
        .build();
  }

  private static Scenario delirium() {
    return Scenario.builder("delirium", NEUROLOGY)
        .ages(70, 96)
        .setting(Setting.WARD)
        .context(
            "day {2..5} of admission for pneumonia",
            "day {2..4} after hip fracture repair",
            "admitted {2|3} days ago with a UTI")
        .symptom(t("acute confusion"), t("new confusion"))
        .symptom(t("agitation"), t("pulling at IV lines", "pulling at lines"))
        .symptom(t("disorientation to time and place"), t("disorientation"))
        .symptom(t("visual hallucinations"), t("poor sleep"))
        .symptom(t("fluctuating attention"))
        .onset("since the evening", "overnight", "over the past {12|24} hours")
        .negatives(Negatives.FEVER, "{no falls|no recent falls}", "{no pain reported|denies pain}")
        .history("dementia", "hearing impaired", "macular degeneration", "Parkinson's disease")
        .hr(78, 104)
        .bp(122, 158, 66, 88)
        .exam(
            "4AT score {5..9}",
            "disoriented to time and place",
            "inattentive",
            "no focal neurology")
        .tests(
            "Na {131..136}",
            "urine dip negative",
            "bladder scan {80..150} mL",
            "CBC unremarkable",
            "BGL {5.4..8.2}")
        .diagnosis(t("hyperactive delirium"), t("acute delirium", "delirium"))
        .meds(
            med("haloperidol", "0.5 mg PO"),
            med("paracetamol", "1 g PO"),
            med("lactulose", "15 mL PO"))
        .intervention(
            t(
                "non-pharmacological measures: reorientation, family at bedside, sleep hygiene",
                "reorientation, family at bedside"),
            t("medication review, deliriogenic drugs stopped", "medication review"),
            t("delirium screen sent, reversible causes treated", "delirium screen"))
        .nursing(
            "1:1 nursing",
            "low bed, falls mat",
            "clock and glasses at bedside",
            "lights on during the day")
        .outcome(
            t("settled overnight, more oriented", "more oriented"), t("calmer, sleeping", "calmer"))
        .disposition(
            t("remains on ward with 1:1 supervision", "1:1 supervision"), t("remains on ward"))
        .followUp("memory clinic in 3 months", "GP review of medications in 1 week")
        .build();
  }

  private static Scenario acuteKidneyInjury() {
    return Scenario.builder("acute-kidney-injury", NEPHROLOGY)
        .ages(55, 92)
        .esi(2, 3)
        .caregiver()
        .symptom(t("reduced urine output"), lay("hardly passing urine", "hardly passing urine"))
        .symptom(t("lethargy"), lay("tiredness", "tiredness"))
        .symptom(t("nausea"))
        .symptom(t("vomiting and diarrhoea x{2..4} days", "vomiting and diarrhoea"))
        .symptom(t("confusion"))
        .onset("for {2..4} days", "over the past {3|4} days", "worse since the weekend")
        .negatives(Negatives.CHEST_PAIN, "{no haematuria|denies hematuria}", Negatives.DYSURIA)
        .history("HTN on ramipril", "CKD 3a", "T2DM on metformin", "HF on furosemide")
        .hr(92, 112)
        .bp(94, 114, 52, 68)
        .exam("dry mucous membranes", "JVP not visible", "bladder scan {60|90|120} mL", "no oedema")
        .tests(
            "creatinine {240..480} umol/L (baseline {80..110})",
            "urea {18..34}",
            "K {5.2..5.9}",
            "urine output {15..25} mL/hr")
        .diagnosis(
            t("AKI"),
            t("acute kidney injury stage {2|3}", "acute kidney injury"),
            t("pre-renal AKI"))
        .meds(
            med("normal saline", "500 mL IV bolus"),
            med("Hartmann's solution", "1 L IV over 6 hrs"),
            med("ondansetron", "4 mg IV"))
        .intervention(
            t(
                "IV fluids, ramipril and metformin withheld",
                "IV fluids, ramipril and metformin withheld"),
            t(
                "fluid challenge and catheter for hourly urine output",
                "fluid challenge and catheter"))
        .nursing("strict I&O", "daily weights", "IDC inserted")
        .outcome(
            t("urine output improving, creatinine down to {160..220}", "urine output improving"),
            t("passing more urine", "passing more urine"))
        .disposition(t("admitted to medical ward"), t("referred to renal team"))
        .followUp("repeat U&E with GP in 1 week", "restart ramipril once creatinine at baseline")
        .build();
  }

  private static Scenario hyperkalaemia() {
    return Scenario.builder("hyperkalaemia", NEPHROLOGY)
        .ages(50, 90)
        .esi(1, 2)
        .caregiver()
        .symptom(t("generalised weakness"), t("muscle weakness"), lay("weak legs", "weak legs"))
        .symptom(t("palpitations"))
        .symptom(t("nausea"), t("fatigue"))
        .symptom(t("tingling in hands", "tingling"))
        .onset("for {1|2} days", "since the morning", "increasing over {2|3} days")
        .negatives(Negatives.CHEST_PAIN, Negatives.SYNCOPE, Negatives.DIARRHOEA)
        .history(
            "CKD stage 4",
            "on spironolactone",
            "HTN on ramipril",
            "T2DM",
            "recently started trimethoprim")
        .hr(52, 74)
        .bp(128, 166, 70, 92)
        .exam("alert, GCS 15", "reduced power all limbs {4|4+}/5", "no oedema")
        .tests(
            "K {6.6..7.6} mmol/L",
            "ECG: peaked T waves, broad QRS",
            "creatinine {250..420}",
            "VBG pH {7.28..7.34}")
        .diagnosis(t("severe hyperkalaemia"), t("hyperkalaemia with ECG changes"))
        .meds(
            med("calcium gluconate", "10% 30 mL IV"),
            med("insulin-dextrose", "10 units actrapid in 50 mL 50% glucose IV"),
            med("salbutamol", "10 mg neb"),
            med("sodium zirconium cyclosilicate", "10 g PO"))
        .intervention(
            t(
                "IV calcium gluconate for cardioprotection, insulin-dextrose to shift K",
                "calcium gluconate and insulin-dextrose"),
            t(
                "treated with calcium, insulin-dextrose and nebulised salbutamol",
                "calcium, insulin-dextrose, salbutamol"),
            t("urgent haemodialysis arranged", "haemodialysis"))
        .nursing("continuous cardiac monitoring", "BGL hourly after insulin", "IV access x2")
        .outcome(t("K down to {5.2..5.8} on repeat", "K down"), t("ECG changes resolved"))
        .disposition(
            t("admitted to renal ward"), t("admitted to CCU for monitoring", "admitted to CCU"))
        .followUp("renal clinic in 2 weeks", "low-potassium diet advice, repeat K in 48 hrs")
        .build();
  }
}
