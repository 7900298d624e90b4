package io.clinsum.core.extractive;

import java.util.List;
import java.util.Map;

/** How much a section heading says about what a note is about: 1 high, 0 neutral, below 0 noise. */
final class SectionWeights {
  private static final List<Map.Entry<String, Double>> RULES =
      List.of(
          // Order matters: the first rule whose key the heading contains wins.
          Map.entry("CHIEF COMPLAINT", 1.0),
          Map.entry("REASON FOR", 1.0),
          Map.entry("PROCEDURE", 1.1),
          Map.entry("OPERATION", 1.1),
          Map.entry("POSTOPERATIVE DIAGNOSIS", 1.0),
          Map.entry("PREOPERATIVE DIAGNOSIS", 0.9),
          Map.entry("DISCHARGE DIAGNOS", 1.0),
          Map.entry("DIAGNOS", 0.9),
          Map.entry("IMPRESSION", 0.9),
          Map.entry("ASSESSMENT", 0.8),
          Map.entry("INDICATION", 0.6),
          Map.entry("HISTORY OF PRESENT ILLNESS", 0.6),
          Map.entry("HPI", 0.6),
          Map.entry("SUBJECTIVE", 0.5),
          Map.entry("HISTORY", 0.4),
          Map.entry("FINDINGS", 0.3),
          Map.entry("CONCLUSION", 0.6),
          Map.entry("SUMMARY", 0.6),
          Map.entry("PLAN", 0.2),
          Map.entry("MEDICATION", -0.8),
          Map.entry("ALLERG", -1.0),
          Map.entry("VITAL", -0.8),
          Map.entry("REVIEW OF SYSTEMS", -0.8),
          Map.entry("ROS", -0.8),
          Map.entry("PHYSICAL EXAM", -0.6),
          Map.entry("EXAM", -0.5),
          Map.entry("HEENT", -1.0),
          Map.entry("NECK", -1.0),
          Map.entry("LUNGS", -0.8),
          Map.entry("HEART", -0.8),
          Map.entry("ABDOMEN", -0.8),
          Map.entry("EXTREMITIES", -1.0),
          Map.entry("NEURO", -0.6),
          Map.entry("SOCIAL HISTORY", -0.8),
          Map.entry("FAMILY HISTORY", -0.8),
          Map.entry("PAST MEDICAL", -0.6),
          Map.entry("PAST SURGICAL", -0.6),
          Map.entry("ANESTHESIA", -1.0),
          Map.entry("ESTIMATED BLOOD LOSS", -1.0),
          Map.entry("EBL", -1.0),
          Map.entry("FLUIDS", -1.0),
          Map.entry("URINE", -1.0),
          Map.entry("COMPLICATIONS", -1.0),
          Map.entry("CONDITION", -1.0),
          Map.entry("DISPOSITION", -0.6),
          Map.entry("SPECIMEN", -0.8),
          Map.entry("DRAINS", -1.0),
          Map.entry("LABORATORY", -0.4));

  private SectionWeights() {}

  static double weight(String heading) {
    if (heading.isEmpty()) {
      return 0.3;
    }
    for (Map.Entry<String, Double> rule : RULES) {
      if (heading.contains(rule.getKey())) {
        return rule.getValue();
      }
    }
    return 0;
  }
}
