package io.clinsum.synthetic.internal;

import static io.clinsum.synthetic.internal.Med.med;
import static io.clinsum.synthetic.internal.Term.lay;
import static io.clinsum.synthetic.internal.Term.t;

import java.util.List;

/** Gastroenterology and endocrinology scenarios. */
final class GastroEndocrineScenarios {
  private static final String GASTROENTEROLOGY = "gastroenterology";
  private static final String ENDOCRINOLOGY = "endocrinology";

  private GastroEndocrineScenarios() {}

  static List<Scenario> all() {
    return List.of(
        upperGiBleed(),
        acutePancreatitis(),
        smallBowelObstruction(),
        diabeticKetoacidosis(),
        hypoglycaemia(),
        hyperosmolarState());
  }

  private static Scenario upperGiBleed() {
    return Scenario.builder("upper-gi-bleed", GASTROENTEROLOGY)
        .ages(40, 88)
        .esi(2, 2)
        .caregiver()
        .symptom(
            t("haematemesis"),
            t("vomiting blood", "vomiting blood"),
            t("coffee-ground vomiting", "coffee-ground vomiting"),
            lay("vomiting blood", "vomiting blood"))
        .symptom(t("melaena"), t("black tarry stools"), lay("black stools", "black stools"))
        .symptom(t("dizziness"), t("lightheadedness on standing"))
        .symptom(t("epigastric pain"))
        .symptom(t("fatigue"))
        .onset("for {6..24} hours", "since the previous evening", "x{2|3} episodes today")
        .negatives(
            Negatives.CHEST_PAIN,
            "{no known liver disease|no history of varices}",
            "{no LOC|no syncope}")
        .history(
            "takes ibuprofen for back pain",
            "on aspirin",
            "alcohol {20..40} units/week",
            "previous peptic ulcer")
        .hr(104, 130)
        .bp(84, 106, 46, 64)
        .rr(18, 24)
        .exam("pale", "cool peripheries", "PR: melaena", "epigastric tenderness, abdomen soft")
        .tests(
            "Hb {68..89} g/L",
            "urea {14..24} mmol/L",
            "Glasgow-Blatchford score {9..14}",
            "INR {1.0..1.3}")
        .diagnosis(
            t("upper GI bleed"),
            t("bleeding duodenal ulcer"),
            t("upper GI bleed from a duodenal ulcer", "upper GI bleed"))
        .meds(
            med("pantoprazole", "80 mg IV"),
            med("packed red cells", "{2|3} units IV"),
            med("normal saline", "1 L IV bolus"))
        .intervention(
            t("urgent endoscopy with clipping of bleeding ulcer", "endoscopy and clipping"),
            t("blood transfusion of {2|3} units and urgent OGD", "transfusion and OGD"),
            t(
                "OGD with adrenaline injection and clips to the ulcer",
                "OGD with adrenaline and clips"))
        .nursing("IV access x2 large bore", "group and crossmatch sent", "NPO", "obs q15min")
        .outcome(
            t("no further bleeding, Hb stable at {82..95}", "no further bleeding"),
            t("haemodynamically stable post-endoscopy", "stable post-endoscopy"))
        .disposition(t("admitted to gastro ward"), t("transferred to HDU"))
        .followUp("repeat OGD in 6-8 weeks", "H. pylori result with GP, stop NSAIDs")
        .build();
  }

  private static Scenario acutePancreatitis() {
    return Scenario.builder("acute-pancreatitis", GASTROENTEROLOGY)
        .ages(25, 80)
        .esi(2, 3)
        .caregiver()
        .symptom(
            t("severe epigastric pain radiating to the back", "epigastric pain radiating to back"),
            t("constant upper abdominal pain", "upper abdominal pain"),
            lay("terrible stomach pain going through to the back", "stomach pain"))
        .symptom(t("vomiting"), t("nausea and vomiting"))
        .symptom(t("anorexia"))
        .symptom(t("abdominal bloating"))
        .onset(
            "for {6..24} hours",
            "since the previous evening",
            "that began {2|3} hours after a large meal")
        .negatives(Negatives.CHEST_PAIN, "{not jaundiced|no jaundice}", Negatives.DIARRHOEA)
        .history("gallstones", "alcohol {20|30|40} units/week", "T2DM", "hypertriglyceridaemia")
        .hr(100, 126)
        .bp(102, 140, 60, 86)
        .rr(18, 24)
        .temp(37.2, 38.2)
        .pain(7, 10)
        .exam("epigastric tenderness with guarding", "bowel sounds reduced", "lying still, sweaty")
        .tests(
            "lipase {900..4200} U/L",
            "CT: pancreatic oedema, no necrosis",
            "USS: gallstones, CBD normal",
            "CRP {80..250}",
            "calcium {2.10..2.30}")
        .diagnosis(
            t("acute pancreatitis"),
            t("mild acute pancreatitis", "acute pancreatitis"),
            t("acute pancreatitis, likely gallstone-related", "gallstone pancreatitis"))
        .meds(
            med("Hartmann's solution", "1 L IV bolus"),
            med("morphine", "{2.5|5} mg IV"),
            med("ondansetron", "4 mg IV"),
            med("paracetamol", "1 g IV"))
        .intervention(
            t("aggressive IV fluids, analgesia and NPO", "IV fluids, analgesia, NPO"),
            t(
                "goal-directed fluid resuscitation and IV analgesia",
                "fluid resuscitation and analgesia"))
        .nursing("NPO", "strict I&O", "IDC inserted", "pain reassessed hourly")
        .outcome(
            t("pain improving, tolerating sips", "pain improving"),
            t("pain settling", "pain settling"))
        .disposition(t("admitted to surgical ward"), t("admitted to HDU"))
        .followUp("cholecystectomy on same admission", "alcohol liaison, GP review in 2 weeks")
        .build();
  }

  private static Scenario smallBowelObstruction() {
    return Scenario.builder("small-bowel-obstruction", GASTROENTEROLOGY)
        .ages(40, 90)
        .esi(2, 3)
        .caregiver()
        .symptom(t("colicky abdominal pain"), lay("cramping stomach pains", "stomach pains"))
        .symptom(t("bilious vomiting"), t("vomiting"))
        .symptom(t("abdominal distension"), lay("swollen tummy", "swollen tummy"))
        .symptom(t("not passing flatus"), t("absolute constipation"))
        .onset("for {1|2} days", "since the previous evening", "over {24|36} hours")
        .negatives(Negatives.FEVER, "{no PR bleeding|no blood in stool}", Negatives.CHEST_PAIN)
        .history(
            "previous laparotomy",
            "appendectomy {15|20|30} years ago",
            "inguinal hernia",
            "hysterectomy")
        .hr(96, 118)
        .bp(108, 140, 62, 84)
        .temp(36.6, 37.6)
        .pain(5, 8)
        .exam(
            "distended, tympanic abdomen",
            "tinkling bowel sounds",
            "diffuse tenderness, no peritonism",
            "hernial orifices clear")
        .tests(
            "AXR: dilated small bowel loops",
            "CT: adhesional SBO with transition point",
            "lactate {1.2..2.4}",
            "K {3.1..3.5}")
        .diagnosis(
            t("adhesional small-bowel obstruction", "small-bowel obstruction"),
            t("SBO secondary to adhesions", "SBO"),
            t("small bowel obstruction"))
        .meds(
            med("ondansetron", "4 mg IV"),
            med("morphine", "2.5 mg IV"),
            med("Hartmann's solution", "1 L IV"),
            med("gastrografin", "100 mL via NG"))
        .intervention(
            t("NG tube inserted on free drainage, IV fluids, NPO", "NG tube, IV fluids, NPO"),
            t("drip and suck: NG tube, IV fluids and NPO", "drip and suck"),
            t("taken to theatre for laparotomy and adhesiolysis", "laparotomy and adhesiolysis"))
        .nursing("strict I&O", "NG aspirates measured 4-hourly", "NPO", "IDC inserted")
        .outcome(
            t("NG output reducing, passing flatus", "passing flatus"),
            t("distension improving", "improving"))
        .disposition(t("admitted under general surgery"), t("admitted to surgical ward"))
        .followUp("surgical clinic in 6 weeks", "GP review in 2 weeks")
        .build();
  }

  private static Scenario diabeticKetoacidosis() {
    return Scenario.builder("dka", ENDOCRINOLOGY)
        .ages(16, 45)
        .esi(2, 2)
        .caregiver()
        .symptom(t("vomiting"), t("nausea and vomiting"))
        .symptom(t("polyuria and polydipsia"), lay("thirst and weeing a lot", "thirst"))
        .symptom(t("abdominal pain"))
        .symptom(t("lethargy"), t("drowsiness"))
        .symptom(t("rapid deep breathing"))
        .onset("for {1|2} days", "for {12..36} hours", "since missing insulin {2|3} days ago")
        .negatives(Negatives.CHEST_PAIN, Negatives.FEVER, Negatives.DIARRHOEA)
        .history("T1DM", "missed insulin doses", "recent viral illness", "insulin pump failure")
        .hr(108, 132)
        .bp(96, 122, 56, 76)
        .rr(24, 32)
        .spo2(96, 99)
        .bgl(22.0, 34.0)
        .exam(
            "dry mucous membranes",
            "Kussmaul breathing",
            "ketotic breath",
            "abdomen soft, mildly tender")
        .tests(
            "VBG pH {7.05..7.24}, HCO3 {6..14}",
            "ketones {3.8..6.5} mmol/L",
            "K {4.6..5.8}",
            "anion gap {20..30}")
        .diagnosis(t("DKA"), t("diabetic ketoacidosis"), t("moderate DKA", "DKA"))
        .meds(
            med("insulin", "0.1 units/kg/hr IV"),
            med("normal saline", "1 L IV over 1 hr"),
            med("potassium chloride", "40 mmol/L in IV fluids"),
            med("glucose 10%", "125 mL/hr IV once BGL below 14"))
        .intervention(
            t(
                "DKA protocol: IV fluids and fixed-rate insulin infusion",
                "IV fluids and insulin infusion"),
            t("started on FRIII and fluid resuscitation", "FRIII and fluid resuscitation"))
        .nursing("hourly BGL and ketones", "strict I&O", "cardiac monitoring for K", "IV access x2")
        .outcome(
            t("ketones clearing, pH {7.30..7.36} at 6 hrs", "ketones clearing"),
            t("DKA resolved, transitioned to SC insulin", "DKA resolved"))
        .disposition(t("admitted to HDU"), t("admitted to medical ward"))
        .followUp("diabetes nurse review before discharge", "diabetes clinic in 2 weeks")
        .build();
  }

  private static Scenario hypoglycaemia() {
    return Scenario.builder("hypoglycaemia", ENDOCRINOLOGY)
        .ages(45, 92)
        .esi(2, 2)
        .caregiver()
        .symptom(
            t("confusion"), t("drowsiness"), lay("sweats and confusion", "sweats and confusion"))
        .symptom(t("sweating"), t("diaphoresis"))
        .symptom(t("tremor"), lay("shakiness", "shakiness"))
        .symptom(t("slurred speech"))
        .onset("for about {30|45|60} minutes", "after skipping lunch", "since waking")
        .negatives(Negatives.CHEST_PAIN, Negatives.HEAD_STRIKE, Negatives.FEVER)
        .history(
            "T2DM on gliclazide",
            "CKD 3",
            "poor oral intake recently",
            "recent course of antibiotics")
        .hr(90, 118)
        .bp(128, 160, 70, 92)
        .bgl(1.6, 3.2)
        .exam("GCS {11..14}", "diaphoretic, pale", "no focal neurology")
        .tests("repeat BGL {6.2..9.8} after treatment", "creatinine {90..150}", "HbA1c {48..62}")
        .diagnosis(
            t("hypoglycaemia"),
            t("severe hypoglycaemia"),
            t("sulfonylurea-induced hypoglycaemia", "sulfonylurea hypoglycaemia"))
        .meds(
            med("glucose 10%", "150 mL IV"),
            med("glucagon", "1 mg IM"),
            med("oral glucose gel", "1 tube PO"))
        .intervention(
            t("treated with IV glucose, then fed", "IV glucose"),
            t("glucagon IM given by paramedics, then oral carbs", "glucagon and oral carbs"))
        .nursing("BGL checked every 30 min", "meal provided", "IV access")
        .outcome(t("alert and eating, BGL {6.5..9.5}", "alert and eating"), t("back to baseline"))
        .disposition(
            t("discharged home with family", "discharged home"), t("admitted for BGL monitoring"))
        .followUp("GP review of diabetes meds in 1 week", "diabetes nurse, gliclazide dose reduced")
        .build();
  }

  private static Scenario hyperosmolarState() {
    return Scenario.builder("hhs", ENDOCRINOLOGY)
        .ages(60, 94)
        .esi(2, 2)
        .caregiver()
        .symptom(t("generalised weakness"), lay("feeling very weak", "feeling very weak"))
        .symptom(t("confusion"), lay("muddled thinking", "muddled thinking"))
        .symptom(t("polyuria"), t("excessive thirst"))
        .symptom(t("reduced oral intake"))
        .onset("for {3..7} days", "over the past week", "worsening over several days")
        .negatives(Negatives.CHEST_PAIN, Negatives.VOMITING, Negatives.FEVER)
        .history("T2DM on metformin", "recent UTI", "dementia", "lives alone")
        .hr(98, 120)
        .bp(96, 122, 54, 74)
        .bgl(35.0, 55.0)
        .exam("very dry mucous membranes", "GCS {12..14}", "reduced skin turgor")
        .tests(
            "serum osmolality {330..380} mOsm/kg",
            "ketones {0.3..1.2} mmol/L",
            "Na {148..160}",
            "creatinine {150..260}")
        .diagnosis(t("HHS"), t("hyperosmolar hyperglycaemic state"))
        .meds(
            med("normal saline", "1 L IV over 1 hr"),
            med("insulin", "0.05 units/kg/hr IV"),
            med("enoxaparin", "40 mg subcut"))
        .intervention(
            t("cautious IV fluid rehydration with 0.9% saline", "IV fluid rehydration"),
            t("IV fluids, low-dose insulin added later", "IV fluids and low-dose insulin"))
        .nursing("hourly BGL", "strict I&O", "pressure area care", "neuro obs")
        .outcome(
            t("osmolality falling, more alert", "more alert"),
            t("BGL falling steadily", "BGL falling"))
        .disposition(t("admitted to HDU"), t("admitted to medical ward"))
        .followUp("diabetes clinic in 4 weeks", "district nurse BGL checks at home")
        .build();
  }
}
