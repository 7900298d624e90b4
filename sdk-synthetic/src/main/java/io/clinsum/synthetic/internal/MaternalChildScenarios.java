package io.clinsum.synthetic.internal;

import static io.clinsum.synthetic.internal.Med.med;
import static io.clinsum.synthetic.internal.Term.lay;
import static io.clinsum.synthetic.internal.Term.t;

import java.util.List;

/** Obstetric and paediatric scenarios. */
final class MaternalChildScenarios {
  private static final String OBSTETRICS = "obstetrics";
  private static final String PAEDIATRICS = "paediatrics";

  private MaternalChildScenarios() {}

  static List<Scenario> all() {
    return List.of(
        preEclampsia(),
        postpartumHaemorrhage(),
        pretermLabour(),
        bronchiolitis(),
        febrileSeizure(),
        croup(),
        gastroenteritis());
  }

  private static Scenario preEclampsia() {
    return Scenario.builder("pre-eclampsia", OBSTETRICS)
        .ages(18, 42)
        .female()
        .setting(Setting.MATERNITY)
        .esi(2, 2)
        .context("{G1P0|G2P1|G3P2} at {32..38}+{0..6} weeks")
        .symptom(t("headache"), t("frontal headache"), t("severe headache"))
        .symptom(t("visual disturbance"), t("seeing flashing lights"), t("blurred vision"))
        .symptom(t("epigastric pain"), t("RUQ pain"))
        .symptom(t("swelling of face and hands"), t("facial swelling"))
        .onset("for {1|2} days", "since the morning", "for {6..12} hours")
        .negatives(Negatives.PV_BLEEDING, "{no contractions|denies contractions}", Negatives.SOB)
        .history(
            "BP {118..128}/{72..80} at booking",
            "no proteinuria at booking",
            "BMI {31..38}",
            "aspirin from 12 weeks")
        .hr(84, 104)
        .bp(152, 176, 96, 112)
        .exam(
            "brisk reflexes, {2|3} beats of clonus",
            "oedema of hands and face",
            "CTG reactive",
            "fundal height appropriate for dates")
        .tests(
            "urine PCR {45..180} mg/mmol",
            "platelets {110..160}",
            "ALT {35..90}",
            "sFlt-1/PlGF ratio {85..240}")
        .diagnosis(t("pre-eclampsia"), t("pre-eclampsia with severe features"))
        .meds(
            med("labetalol", "200 mg PO"),
            med("nifedipine", "10 mg PO"),
            med("magnesium sulfate", "4 g IV loading"),
            med("betamethasone", "12 mg IM"))
        .intervention(
            t(
                "BP controlled with oral labetalol, magnesium sulfate started",
                "labetalol and magnesium"),
            t("IV labetalol and MgSO4 for seizure prophylaxis", "labetalol and MgSO4"),
            t("induction of labour planned after steroids", "induction of labour"))
        .nursing("BP every 15 min", "strict fluid balance", "continuous CTG", "reflexes hourly")
        .outcome(
            t("BP improved to {138..148}/{88..96}", "BP improved"),
            t("headache resolved, CTG reassuring", "headache resolved"))
        .disposition(t("admitted to antenatal ward"), t("transferred to delivery suite"))
        .followUp("BP check with midwife in 48 hrs", "antenatal clinic in 1 week")
        .build();
  }

  private static Scenario postpartumHaemorrhage() {
    return Scenario.builder("postpartum-haemorrhage", OBSTETRICS)
        .ages(18, 42)
        .female()
        .setting(Setting.WARD)
        .context(
            "{1..4} hours after spontaneous vaginal delivery",
            "{1..3} hours after instrumental delivery, {G1P1|G2P2|G3P3}")
        .symptom(t("heavy vaginal bleeding"), t("heavy PV bleeding"))
        .symptom(t("passing large clots", "large clots"))
        .symptom(t("dizziness"), t("feeling faint"))
        .symptom(t("lower abdominal cramping"))
        .onset("over the past {30|45} minutes", "since the last check", "suddenly at handover")
        .negatives(Negatives.CHEST_PAIN, Negatives.HEADACHE)
        .history("long labour", "prolonged third stage", "anaemia in pregnancy", "large baby")
        .hr(106, 132)
        .bp(84, 104, 44, 60)
        .rr(20, 26)
        .exam(
            "uterus boggy, above umbilicus",
            "estimated blood loss {1000..1800} mL",
            "pale, clammy",
            "perineum intact")
        .tests("Hb {72..92} g/L", "fibrinogen {1.8..3.2} g/L", "lactate {2.1..3.6}")
        .diagnosis(
            t("primary postpartum haemorrhage", "postpartum haemorrhage"),
            t("PPH due to uterine atony"))
        .meds(
            med("oxytocin", "40 units IV infusion"),
            med("carboprost", "250 mcg IM"),
            med("tranexamic acid", "1 g IV"),
            med("misoprostol", "800 mcg PR"),
            med("ergometrine", "500 mcg IM"))
        .intervention(
            t("uterine massage, uterotonics and IV fluids", "uterine massage and uterotonics"),
            t(
                "PPH protocol activated, blood transfusion of {2|3} units",
                "PPH protocol, blood transfusion"),
            t("Bakri balloon inserted", "Bakri balloon"))
        .nursing("IV access x2 large bore", "IDC inserted", "obs every 15 min", "pads weighed")
        .outcome(
            t("bleeding settled, fundus firm", "bleeding settled"), t("uterus well contracted"))
        .disposition(t("transferred to HDU"), t("remains on delivery suite"))
        .followUp("iron supplements, GP Hb check in 1 week", "community midwife visit day 1")
        .build();
  }

  private static Scenario pretermLabour() {
    return Scenario.builder("preterm-labour", OBSTETRICS)
        .ages(18, 40)
        .female()
        .setting(Setting.MATERNITY)
        .esi(2, 2)
        .context("{G1P0|G2P1} at {28..33}+{0..6} weeks")
        .symptom(
            t("regular painful contractions"),
            t("contractions every {4|5|6} minutes", "contractions"))
        .symptom(t("lower back pain"))
        .symptom(t("pelvic pressure"))
        .symptom(t("mucous show"))
        .onset("for {2..6} hours", "since the early morning", "increasing over {3|4} hours")
        .negatives(Negatives.PV_BLEEDING, "{no leaking fluid|membranes intact}", Negatives.FEVER)
        .history(
            "previous preterm birth", "UTI at 24 weeks", "smoker", "uncomplicated pregnancy so far")
        .hr(86, 108)
        .exam(
            "cervix {2|3} cm dilated",
            "CTG: contractions {3|4} in 10",
            "fetal heart rate {130..155}")
        .tests("fetal fibronectin positive", "urine culture sent", "CTG reactive", "CRP {3..9}")
        .diagnosis(t("threatened preterm labour"), t("preterm labour"))
        .medOneOf(med("nifedipine", "20 mg PO"), med("atosiban", "6.75 mg IV bolus"))
        .meds(med("betamethasone", "12 mg IM"), med("magnesium sulfate", "4 g IV"))
        .intervention(
            t("tocolysis and steroids for fetal lung maturity", "tocolysis and steroids"),
            t(
                "betamethasone course started, magnesium for neuroprotection",
                "betamethasone and magnesium"))
        .nursing("continuous CTG", "obs hourly", "neonatal team informed")
        .outcome(
            t("contractions settled"),
            t("contractions easing, CTG reassuring", "contractions easing"))
        .disposition(
            t("admitted to antenatal ward"),
            t("transferred to a unit with NICU", "transferred to unit with NICU"))
        .followUp("antenatal clinic in 1 week", "return if contractions or bleeding")
        .build();
  }

  private static Scenario bronchiolitis() {
    return Scenario.builder("bronchiolitis", PAEDIATRICS)
        .ageMonths(2, 14)
        .esi(2, 3)
        .caregiver()
        .symptom(
            t("increased work of breathing"),
            t("laboured breathing"),
            lay("hard work breathing", "hard work breathing"))
        .symptom(t("cough"), lay("chesty cough", "chesty cough"))
        .symptom(
            t("poor feeding (half of usual feeds)", "poor feeding"),
            lay("not feeding well", "not feeding well"))
        .symptom(t("wheeze"), lay("noisy breathing", "noisy breathing"))
        .symptom(t("runny nose"), t("coryzal symptoms"))
        .onset("for {2..4} days", "worse over the past 24 hrs", "over {2|3} days")
        .negatives("{no apnoeas|no apnoea episodes}", "no vomiting", Negatives.RASH)
        .history(
            "born at {term|34 weeks|35 weeks|36 weeks}",
            "immunisations up to date",
            "sibling with a cold")
        .hr(140, 175)
        .rr(48, 66)
        .spo2(89, 94)
        .temp(37.2, 38.3)
        .exam(
            "subcostal recession",
            "nasal flaring",
            "fine crackles and wheeze bilaterally",
            "{3|4} wet nappies in 24 hrs")
        .tests("NPA: RSV positive", "capillary gas normal", "BGL {4.2..6.0}")
        .diagnosis(t("bronchiolitis"), t("RSV bronchiolitis"))
        .meds(med("paracetamol", "15 mg/kg PO"), med("sodium chloride 0.9%", "nasal drops PRN"))
        .intervention(
            t("started on high-flow nasal cannula oxygen", "high-flow oxygen"),
            t("supplemental O2 via NC and NG feeds", "O2 and NG feeds"),
            t("nasal suction and low-flow O2", "suction and low-flow O2"))
        .nursing("continuous SpO2 monitoring", "feeds charted", "nasal suction before feeds")
        .outcome(t("work of breathing improving, feeding better", "improving"), t("feeding better"))
        .disposition(
            t("admitted to paediatric ward"),
            t("admitted to the children's ward", "admitted to children's ward"))
        .followUp("GP review in 48 hrs", "return if breathing worsens or feeding drops")
        .build();
  }

  private static Scenario febrileSeizure() {
    return Scenario.builder("febrile-seizure", PAEDIATRICS)
        .ageMonths(9, 60)
        .esi(2, 2)
        .caregiver()
        .symptom(
            t("seizure lasting {1..4} minutes", "seizure"),
            t("generalised tonic-clonic seizure", "seizure"),
            lay("a fit with whole body shaking", "fit"))
        .symptom(t("fever"), lay("a high temperature", "high temperature"))
        .symptom(
            t("drowsiness after the seizure", "drowsiness"),
            lay("sleepiness afterwards", "sleepiness"))
        .symptom(t("runny nose"), t("sore throat"))
        .onset(
            "at home {30|45} minutes before arrival",
            "witnessed by parents earlier this evening",
            "within a day of a cold")
        .negatives(Negatives.RASH, "no vomiting", "{no head injury|no recent head injury}")
        .history(
            "immunisations up to date",
            "born at term",
            "father had febrile seizures as a child",
            "no previous seizures")
        .hr(130, 165)
        .rr(26, 36)
        .temp(38.5, 39.8)
        .exam("post-ictal, rousable", "no neck stiffness", "red throat", "GCS 15 within 1 hr")
        .tests("BGL {4.8..6.4}", "urine dip negative", "viral swab: influenza A positive")
        .diagnosis(t("simple febrile seizure"), t("febrile convulsion"))
        .meds(med("paracetamol", "15 mg/kg PO"), med("ibuprofen", "10 mg/kg PO"))
        .intervention(
            t("antipyretics and observation"),
            t("fever managed with paracetamol, observed for 4 hrs", "paracetamol, observed 4 hrs"),
            t("parents given seizure first-aid education", "seizure first-aid education"))
        .nursing("seizure precautions", "temp 2-hourly", "parents at bedside")
        .outcome(
            t("back to normal, playing", "back to normal"),
            t("alert and drinking", "alert and drinking"))
        .disposition(
            t("discharged home with parents", "discharged home"),
            t("admitted overnight for observation"))
        .followUp("GP review in 1 week", "return if seizure over 5 minutes")
        .build();
  }

  private static Scenario croup() {
    return Scenario.builder("croup", PAEDIATRICS)
        .ageMonths(6, 48)
        .esi(2, 3)
        .caregiver()
        .symptom(t("barking cough"), lay("barking cough like a seal", "barking cough"))
        .symptom(t("inspiratory stridor"), lay("noisy breathing", "noisy breathing"))
        .symptom(t("hoarse voice"))
        .symptom(t("low-grade fever"), t("coryza"))
        .onset("since the evening", "for {1|2} nights", "since waking {1|2} hours ago")
        .negatives("{no drooling|not drooling}", "{no cyanosis|pink in air}", Negatives.RASH)
        .history("immunisations up to date", "previous croup", "born at term")
        .hr(120, 150)
        .rr(30, 44)
        .spo2(93, 98)
        .temp(37.5, 38.4)
        .exam("stridor at rest", "mild subcostal recession", "alert, interactive")
        .tests("Westley croup score {3..6}", "viral swab: parainfluenza positive")
        .diagnosis(
            t("croup"),
            t("moderate croup"),
            t("viral croup (laryngotracheobronchitis)", "viral croup"))
        .medOneOf(
            med("dexamethasone", "{0.15|0.3|0.6} mg/kg PO"), med("prednisolone", "1 mg/kg PO"))
        .meds(med("adrenaline", "1:1000 5 mL neb"))
        .intervention(
            t("given an oral steroid", "oral steroid"),
            t("nebulised adrenaline and an oral steroid", "nebulised adrenaline and oral steroid"))
        .nursing("kept calm on parent's lap", "SpO2 monitoring", "obs hourly")
        .outcome(
            t("stridor settled at rest", "stridor settled"),
            t("breathing easier", "breathing easier"))
        .disposition(
            t("discharged home after 4 hrs observation", "discharged home"),
            t("admitted to paediatric ward"))
        .followUp("return if stridor at rest", "GP review if not improving in 48 hrs")
        .build();
  }

  private static Scenario gastroenteritis() {
    return Scenario.builder("gastroenteritis-with-dehydration", PAEDIATRICS)
        .ageMonths(6, 36)
        .esi(3, 3)
        .caregiver()
        .symptom(t("vomiting"), lay("being sick all night", "being sick"))
        .symptom(t("diarrhoea"), t("watery diarrhea"))
        .symptom(t("reduced urine output"), lay("fewer wet nappies", "fewer wet nappies"))
        .symptom(t("lethargy"), lay("no energy", "no energy"))
        .symptom(t("fever"))
        .onset("for {1..3} days", "since the previous night", "over {24|48} hours")
        .negatives("{no blood in stool|no bloody diarrhoea}", "no bilious vomiting", Negatives.RASH)
        .history(
            "immunisations up to date",
            "sibling with the same illness",
            "attends nursery",
            "born at term")
        .hr(130, 168)
        .rr(26, 36)
        .temp(37.2, 38.6)
        .exam(
            "dry mucous membranes",
            "cap refill {2|3} sec",
            "sunken eyes",
            "abdomen soft, non-tender")
        .tests("BGL {3.9..5.5}", "Na {133..146}", "urine ketones 2+")
        .diagnosis(
            t("gastroenteritis with moderate dehydration"),
            t("viral gastroenteritis with dehydration", "gastroenteritis with dehydration"))
        .meds(
            med("ondansetron", "0.15 mg/kg PO"),
            med("oral rehydration solution", "{5|10} mL every 5 min"),
            med("normal saline", "10 mL/kg IV bolus"))
        .intervention(
            t("oral rehydration trial after ondansetron", "oral rehydration"),
            t("NG rehydration with ORS", "NG rehydration"),
            t("IV fluid bolus then maintenance fluids", "IV fluids"))
        .nursing("strict fluid balance", "nappies weighed", "daily weight")
        .outcome(
            t("tolerating oral fluids, passed urine", "tolerating fluids"),
            t("more alert, drinking", "more alert"))
        .disposition(
            t("discharged home"),
            t("admitted to paediatric short-stay unit", "admitted to short-stay unit"))
        .followUp("GP review if not drinking", "return if blood in stool or not passing urine")
        .build();
  }
}
