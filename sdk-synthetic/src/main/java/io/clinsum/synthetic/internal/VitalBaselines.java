package io.clinsum.synthetic.internal;

/**
 * Normal vital-sign ranges by age ({@code vital-ranges.json}), the starting point that a scenario's
 * own ranges override.
 *
 * @param adult ranges for scenarios whose youngest patient is {@value PatientCase#ADULT_MONTHS}
 *     months (16 years) or older
 * @param childUnderMonths the upper age bound (exclusive, in months) of each child bracket,
 *     ascending; the last is {@value PatientCase#ADULT_MONTHS}
 * @param children the ranges of each child bracket
 */
record VitalBaselines(VitalRanges adult, int[] childUnderMonths, VitalRanges[] children) {

  /** Normal ranges for a scenario whose youngest patient is {@code minAgeMonths} old. */
  VitalRanges forMinAge(int minAgeMonths) {
    for (int i = 0; i < childUnderMonths.length; i++) {
      if (minAgeMonths < childUnderMonths[i]) {
        return children[i];
      }
    }
    return adult;
  }
}
