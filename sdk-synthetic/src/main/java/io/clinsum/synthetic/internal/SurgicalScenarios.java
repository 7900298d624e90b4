package io.clinsum.synthetic.internal;

import static io.clinsum.synthetic.internal.Med.med;
import static io.clinsum.synthetic.internal.Term.lay;
import static io.clinsum.synthetic.internal.Term.t;

import java.util.List;

/** Orthopaedic and general surgery scenarios. */
final class SurgicalScenarios {
  private static final String ORTHOPAEDICS = "orthopaedics";
  private static final String GENERAL_SURGERY = "general surgery";

  private SurgicalScenarios() {}

  static List<Scenario> all() {
    return List.of(
        hipFracture(),
        kneeReplacement(),
        wristFracture(),
        appendectomy(),
        bowelResectionIleus(),
        cholecystitis());
  }

  private static Scenario hipFracture() {
    return Scenario.builder("hip-fracture-after-fall", ORTHOPAEDICS)
        .ages(70, 98)
        .esi(2, 3)
        .caregiver()
        .symptom(
            t("right hip pain after a fall", "right hip pain"),
            t("severe right hip pain", "right hip pain"),
            lay("pain in the right hip, can't stand", "right hip pain"))
        .symptom(
            t("inability to weight bear"),
            lay("not able to put weight on the leg", "not able to put weight on leg"))
        .symptom(t("shortened, externally rotated right leg", "shortened, externally rotated leg"))
        .symptom(t("bruising over the right hip", "bruising over right hip"))
        .onset(
            "after a fall {2..6} hours before arrival",
            "since tripping on a rug at home",
            "after being found on the floor by {carer|family}")
        .negatives(Negatives.LOC, Negatives.HEAD_STRIKE, Negatives.CHEST_PAIN)
        .history("osteoporosis", "AF on apixaban", "lives alone", "mild dementia", "previous falls")
        .hr(84, 106)
        .bp(118, 162, 64, 90)
        .pain(6, 9)
        .exam(
            "right leg shortened and externally rotated",
            "pain on any hip movement",
            "neurovascularly intact distally",
            "skin intact")
        .tests(
            "X-ray: displaced right intracapsular NOF fracture",
            "Hb {108..132} g/L",
            "ECG: sinus rhythm")
        .diagnosis(
            t("right neck of femur fracture"),
            t("right intracapsular NOF fracture", "right NOF fracture"),
            t("right hip fracture"))
        .meds(
            med("paracetamol", "1 g IV"),
            med("morphine", "2.5 mg IV"),
            med("enoxaparin", "40 mg subcut"),
            med("oxycodone", "2.5 mg PO"))
        .intervention(
            t(
                "fascia iliaca block for analgesia, booked for hemiarthroplasty",
                "fascia iliaca block, hemiarthroplasty"),
            t("underwent right hip hemiarthroplasty", "hemiarthroplasty"),
            t("taken to theatre within 36 hrs for hemiarthroplasty", "hemiarthroplasty"))
        .nursing("pressure area care", "IDC inserted", "NPO for theatre", "falls precautions")
        .outcome(
            t("pain controlled"), t("mobilising with frame day 1 post-op", "mobilising with frame"))
        .disposition(t("admitted to orthogeriatric ward"), t("admitted under orthopaedics"))
        .followUp("fracture clinic in 6 weeks", "orthogeriatric follow-up and falls clinic")
        .build();
  }

  private static Scenario kneeReplacement() {
    return Scenario.builder("post-op-knee-replacement", ORTHOPAEDICS)
        .ages(55, 88)
        .setting(Setting.WARD)
        .context("POD {1|2} after right total knee replacement", "day {1|2} post right TKR")
        .symptom(
            t("right knee pain {7|8|9}/10", "right knee pain"),
            t("uncontrolled right knee pain", "right knee pain"))
        .symptom(t("nausea"), t("PONV"))
        .symptom(t("knee swelling"))
        .symptom(t("dizziness on standing"))
        .onset("since the spinal wore off", "overnight", "over the past {4..8} hours")
        .negatives(Negatives.CHEST_PAIN, Negatives.SOB, Negatives.CALF, Negatives.FEVER)
        .history("osteoarthritis", "HTN", "obesity", "T2DM")
        .hr(82, 104)
        .bp(104, 140, 60, 84)
        .pain(6, 9)
        .exam(
            "dressing dry and intact",
            "calf soft, non-tender",
            "neurovascularly intact distally",
            "knee swollen, warm")
        .tests("Hb {98..118} g/L", "X-ray: prosthesis well positioned", "Na {134..139}")
        .diagnosis(
            t("poorly controlled post-op pain after TKR", "post-op pain"),
            t("post-operative pain and PONV", "post-op pain and PONV"))
        .meds(
            med("oxycodone", "{5|10} mg PO"),
            med("paracetamol", "1 g PO"),
            med("ondansetron", "4 mg IV"),
            med("celecoxib", "100 mg PO"))
        .intervention(
            t("analgesia escalated, ice and elevation", "analgesia escalated"),
            t("PCA optimised and cryotherapy applied", "PCA and cryotherapy"))
        .nursing("ice packs applied", "leg elevated", "VTE prophylaxis given", "physio informed")
        .outcome(
            t("pain down to {3|4}/10, mobilised with physio", "pain down, mobilised"),
            t("nausea settled, tolerating diet", "nausea settled"))
        .disposition(t("remains on orthopaedic ward"))
        .followUp(
            "wound check day 10-14", "physio {2|3} times weekly", "orthopaedic clinic in 6 weeks")
        .build();
  }

  private static Scenario wristFracture() {
    return Scenario.builder("distal-radius-fracture", ORTHOPAEDICS)
        .ages(50, 90)
        .esi(4, 4)
        .caregiver()
        .symptom(
            t("left wrist pain"),
            t("painful swollen left wrist", "left wrist pain"),
            lay("sore, swollen left wrist", "sore left wrist"))
        .symptom(t("wrist swelling"))
        .symptom(t("dinner-fork deformity of the left wrist", "wrist deformity"))
        .symptom(t("tingling in the fingers", "tingling fingers"))
        .onset(
            "after a fall on an outstretched hand {1..4} hours ago",
            "after slipping on ice",
            "after tripping on the pavement")
        .negatives(Negatives.LOC, Negatives.HEAD_STRIKE, "{no other injuries|no hip pain}")
        .history(
            "osteoporosis", "HTN", "previous fracture of the right wrist", "lives with partner")
        .hr(72, 96)
        .pain(5, 8)
        .exam(
            "A&Ox3, dorsally angulated left wrist",
            "radial pulse present",
            "sensation intact",
            "skin intact")
        .tests("X-ray: displaced left distal radius fracture", "X-ray confirmed Colles fracture")
        .diagnosis(
            t("left distal radius fracture"),
            t("Colles fracture of the left wrist", "left Colles fracture"))
        .meds(
            med("paracetamol", "1 g PO"),
            med("morphine", "{2.5|5} mg IV"),
            med("ibuprofen", "400 mg PO"))
        .intervention(
            t(
                "closed reduction under haematoma block, backslab applied",
                "closed reduction and backslab"),
            t("manipulation under Bier's block, plaster applied", "manipulation and plaster"))
        .nursing("arm elevated in sling", "ice pack", "neurovascular obs")
        .outcome(
            t("post-reduction X-ray satisfactory", "X-ray satisfactory"),
            t("neurovascularly intact after reduction", "neurovascularly intact"))
        .disposition(
            t("discharged home"), t("discharged with sling and analgesia", "discharged with sling"))
        .followUp("fracture clinic in {5..7} days", "fracture clinic, DEXA scan referral")
        .build();
  }

  private static Scenario appendectomy() {
    return Scenario.builder("post-op-appendectomy", GENERAL_SURGERY)
        .ages(16, 60)
        .setting(Setting.WARD)
        .context(
            "POD {1|2} after laparoscopic appendectomy for acute appendicitis",
            "day {1|2} post lap appendectomy")
        .symptom(
            t("abdominal pain {3|4|5}/10 at port sites", "port-site pain"), t("port-site pain"))
        .symptom(t("mild nausea"))
        .symptom(t("shoulder tip pain"))
        .symptom(t("pain on mobilising"))
        .onset("since surgery", "this shift", "overnight")
        .negatives(Negatives.FEVER, Negatives.VOMITING, "{no wound ooze|wound dry}")
        .history("{no significant PMH|asthma|smoker}")
        .pain(2, 5)
        .exam(
            "port sites clean and dry",
            "abdomen soft, appropriately tender",
            "bowel sounds present")
        .tests("CRP {20..60}", "WCC {8.5..11.2}", "histology pending")
        .diagnosis(
            t(
                "uncomplicated recovery after laparoscopic appendectomy",
                "uncomplicated recovery after appendectomy"),
            t("routine post-op course after lap appendectomy", "routine post-op course"))
        .meds(
            med("paracetamol", "1 g PO"),
            med("ibuprofen", "400 mg PO"),
            med("oxycodone", "5 mg PO PRN"),
            med("ondansetron", "4 mg IV PRN"))
        .intervention(
            t("regular analgesia and early mobilisation", "analgesia and mobilisation"),
            t("diet upgraded, IV fluids stopped", "diet upgraded"))
        .nursing("mobilised to chair", "wound checked", "IV cannula removed", "obs q4h")
        .outcome(
            t(
                "pain controlled, tolerating diet, passing flatus",
                "pain controlled, tolerating diet"),
            t("VSS, mobilising independently", "mobilising independently"))
        .disposition(t("for discharge home today", "for discharge home"), t("discharged home"))
        .followUp("GP wound check in {7..10} days", "return if fever or worsening pain")
        .build();
  }

  private static Scenario bowelResectionIleus() {
    return Scenario.builder("post-op-ileus-after-bowel-resection", GENERAL_SURGERY)
        .ages(45, 88)
        .setting(Setting.WARD)
        .context(
            "POD {3..5} after laparoscopic right hemicolectomy",
            "POD {3..5} after open sigmoid colectomy")
        .symptom(t("abdominal distension"), t("bloating"))
        .symptom(t("vomiting"), t("large-volume vomits"))
        .symptom(t("not passing flatus"))
        .symptom(t("nausea"), t("hiccups"))
        .onset("since the previous evening", "for {12..24} hours", "over the past day")
        .negatives(Negatives.FEVER, Negatives.CHEST_PAIN, "{no wound discharge|wound dry}")
        .history("colorectal cancer", "diverticular disease", "HTN")
        .hr(88, 108)
        .temp(36.6, 37.7)
        .exam(
            "distended abdomen, absent bowel sounds",
            "wound clean, no collection",
            "mild diffuse tenderness, no peritonism")
        .tests(
            "AXR: dilated small and large bowel loops, no transition point",
            "K {3.0..3.4}",
            "Mg {0.55..0.69}",
            "CRP {70..140}")
        .diagnosis(
            t("post-operative ileus", "post-op ileus"),
            t("paralytic ileus"),
            t("prolonged postoperative ileus", "prolonged ileus"))
        .meds(
            med("ondansetron", "4 mg IV"),
            med("potassium chloride", "40 mmol IV over 4 hrs"),
            med("magnesium sulfate", "10 mmol IV"),
            med("Hartmann's solution", "1 L IV over 8 hrs"))
        .intervention(
            t("NG tube inserted, NPO, IV fluids", "NG tube, NPO, IV fluids"),
            t(
                "NG decompression, electrolytes replaced, opioids minimised",
                "NG decompression, electrolytes replaced"))
        .nursing("strict I&O", "NG aspirates measured", "mouth care", "mobilised to chair")
        .outcome(
            t("NG output {150..400} mL, passing flatus", "passing flatus"),
            t("distension improving", "improving"))
        .disposition(t("remains on surgical ward"))
        .followUp("colorectal clinic in 2 weeks", "stoma nurse review")
        .build();
  }

  private static Scenario cholecystitis() {
    return Scenario.builder("acute-cholecystitis", GENERAL_SURGERY)
        .ages(30, 82)
        .esi(3, 3)
        .caregiver()
        .symptom(
            t("RUQ pain"),
            t("right upper quadrant pain"),
            lay("pain under the right ribs", "pain under right ribs"))
        .symptom(t("fever"), t("fevers"))
        .symptom(t("nausea and vomiting"), t("nausea"))
        .symptom(t("pain radiating to the right shoulder", "pain radiating to right shoulder"))
        .onset("for {12..48} hours", "since a fatty meal the previous evening", "for {1|2} days")
        .negatives(Negatives.CHEST_PAIN, "{not jaundiced|no jaundice}", Negatives.DIARRHOEA)
        .history("known gallstones", "obesity", "T2DM", "previous biliary colic")
        .hr(94, 116)
        .temp(37.9, 38.8)
        .pain(6, 9)
        .exam("positive Murphy's sign", "RUQ tenderness with guarding", "not jaundiced")
        .tests(
            "USS: thickened gallbladder wall, pericholecystic fluid, gallstones",
            "WCC {12..19}",
            "ALP {150..260}, bilirubin {18..35}",
            "lipase normal")
        .diagnosis(t("acute cholecystitis"), t("acute calculous cholecystitis"))
        .medOneOf(med("co-amoxiclav", "1.2 g IV"), med("piperacillin-tazobactam", "4.5 g IV"))
        .meds(
            med("morphine", "{2.5|5} mg IV"),
            med("ondansetron", "4 mg IV"),
            med("paracetamol", "1 g IV"))
        .intervention(
            t(
                "IV antibiotics, booked for laparoscopic cholecystectomy",
                "IV antibiotics, booked for cholecystectomy"),
            t("underwent laparoscopic cholecystectomy"))
        .nursing("NPO", "IV access", "pain reassessed")
        .outcome(t("pain settling, afebrile", "pain settling"), t("tolerating diet"))
        .disposition(t("admitted under general surgery"), t("admitted to surgical ward"))
        .followUp("surgical clinic in {2|6} weeks", "GP review, histology result")
        .build();
  }
}
