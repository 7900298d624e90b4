package io.clinsum.synthetic.internal;

/**
 * Plausible ranges of a scenario's first set of vital signs; every bound is inclusive. Temperature
 * is in tenths of a degree Celsius, blood glucose in tenths of mmol/L (0 when not charted), pain on
 * the 0–10 scale (-1 when not charted).
 */
record VitalRanges(
    int hrLo,
    int hrHi,
    int sbpLo,
    int sbpHi,
    int dbpLo,
    int dbpHi,
    int rrLo,
    int rrHi,
    int spo2Lo,
    int spo2Hi,
    int tempLo,
    int tempHi,
    int bglLo,
    int bglHi,
    int painLo,
    int painHi) {

  /** Normal adult ranges, the starting point of every adult scenario. */
  static VitalRanges adult() {
    return new VitalRanges(66, 96, 112, 138, 64, 84, 14, 18, 95, 99, 363, 373, 0, 0, -1, -1);
  }

  /** Normal ranges for a child of the given age. */
  static VitalRanges child(int ageMonths) {
    if (ageMonths < 12) {
      return new VitalRanges(110, 150, 78, 98, 45, 60, 28, 40, 96, 100, 365, 374, 0, 0, -1, -1);
    }
    if (ageMonths < 72) {
      return new VitalRanges(90, 130, 85, 105, 50, 66, 22, 30, 96, 100, 365, 374, 0, 0, -1, -1);
    }
    return new VitalRanges(75, 110, 95, 115, 55, 72, 18, 24, 96, 100, 365, 374, 0, 0, -1, -1);
  }
}
