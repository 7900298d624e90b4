package io.clinsum.synthetic.internal;

import java.util.SplittableRandom;

/**
 * One set of vital signs drawn from a scenario's {@link VitalRanges}, and the ways notes chart it.
 * Temperature and glucose are kept in tenths (degrees Celsius, mmol/L) and converted on output.
 */
record VitalSigns(
    int hr, int sbp, int dbp, int rr, int spo2, int temp, int bgl, int pain, String oxygen) {

  static VitalSigns sample(VitalRanges r, Template oxygen, SplittableRandom rng) {
    int sbp = between(rng, r.sbpLo(), r.sbpHi());
    int dbp = Math.min(between(rng, r.dbpLo(), r.dbpHi()), sbp - 20);
    return new VitalSigns(
        between(rng, r.hrLo(), r.hrHi()),
        sbp,
        dbp,
        between(rng, r.rrLo(), r.rrHi()),
        between(rng, r.spo2Lo(), r.spo2Hi()),
        between(rng, r.tempLo(), r.tempHi()),
        r.bglHi() > 0 ? between(rng, r.bglLo(), r.bglHi()) : 0,
        r.painHi() >= 0 ? between(rng, r.painLo(), r.painHi()) : -1,
        oxygen == null ? null : oxygen.render(rng));
  }

  private static int between(SplittableRandom rng, int lo, int hi) {
    return lo + rng.nextInt(hi - lo + 1);
  }

  boolean hasPain() {
    return pain >= 0;
  }

  /**
   * Appends the full set in one of three charting orders ({@code style} 0–2), e.g. {@code BP
   * 158/94, HR 104, RR 20, SpO2 95% on RA, T 36.8}.
   */
  void appendTo(StringBuilder out, int style, boolean fahrenheit, boolean mgPerDl) {
    switch (style) {
      case 0 -> {
        appendBp(out.append("BP "));
        out.append(", HR ").append(hr).append(", RR ").append(rr).append(", SpO2 ");
        appendSpo2(out, " on ");
        appendTemp(out.append(", T "), fahrenheit, false);
      }
      case 1 -> {
        appendTemp(out.append("T "), fahrenheit, true);
        out.append(", HR ").append(hr).append(", BP ");
        appendBp(out);
        out.append(", RR ").append(rr).append(", SpO2 ");
        appendSpo2(out, " ");
      }
      default -> {
        out.append("HR ").append(hr).append(", BP ");
        appendBp(out);
        out.append(", RR ").append(rr).append(", sats ");
        appendSpo2(out, " on ");
        appendTemp(out.append(", temp "), fahrenheit, false);
      }
    }
    if (bgl > 0) {
      appendGlucose(out.append(", "), mgPerDl);
    }
  }

  /** Appends what a caregiver with a thermometer and a home cuff charts: temp plus HR or BP. */
  void appendHomeReadings(StringBuilder out, boolean fahrenheit, boolean withBp) {
    appendTemp(out.append("temp "), fahrenheit, false);
    if (withBp) {
      appendBp(out.append(", BP "));
    }
    out.append(", pulse ").append(hr);
  }

  /** Appends the glucose reading, {@code BGL 24.6 mmol/L} or {@code BG 443 mg/dL}. */
  private void appendGlucose(StringBuilder out, boolean mgPerDl) {
    if (mgPerDl) {
      out.append("BG ").append((bgl * 18 + 5) / 10).append(" mg/dL");
    } else {
      Text.appendScaled(out.append("BGL "), bgl, 1);
      out.append(" mmol/L");
    }
  }

  private void appendBp(StringBuilder out) {
    out.append(sbp).append('/').append(dbp);
  }

  private void appendSpo2(StringBuilder out, String joiner) {
    out.append(spo2).append('%').append(joiner).append(oxygen == null ? "RA" : oxygen);
  }

  private void appendTemp(StringBuilder out, boolean fahrenheit, boolean unit) {
    if (fahrenheit) {
      Text.appendScaled(out, (temp * 9 + 2) / 5 + 320, 1);
      out.append(unit ? "F" : "");
    } else {
      Text.appendScaled(out, temp, 1);
      out.append(unit ? "C" : "");
    }
  }
}
