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

  /**
   * The names of the ranges in the data files, in the order of this record's components (each name
   * stands for a low and a high bound).
   */
  static final String[] NAMES = {"hr", "sbp", "dbp", "rr", "spo2", "temp", "bgl", "pain"};

  /** Whether the range of that index in {@link #NAMES} is written in tenths (36.8 for 368). */
  static boolean inTenths(int index) {
    return index == 5 || index == 6;
  }

  /** Bounds of ranges a data file need not give: glucose and pain, not charted. */
  static int[] notCharted() {
    int[] bounds = new int[16];
    bounds[12] = 0;
    bounds[13] = 0;
    bounds[14] = -1;
    bounds[15] = -1;
    return bounds;
  }

  /** Ranges from 16 bounds in the order of {@link #NAMES}, low before high. */
  static VitalRanges of(int[] v) {
    return new VitalRanges(
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
        v[14], v[15]);
  }

  /** The 16 bounds in the order of {@link #NAMES}, low before high. */
  int[] bounds() {
    return new int[] {
      hrLo, hrHi, sbpLo, sbpHi, dbpLo, dbpHi, rrLo, rrHi, spo2Lo, spo2Hi, tempLo, tempHi, bglLo,
      bglHi, painLo, painHi
    };
  }
}
