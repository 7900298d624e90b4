package io.clinsum.synthetic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.deid.PhiCategory;
import io.clinsum.core.deid.PhiSpan;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Puts invented, labelled PHI into a note: a header line (name, record number, birth date) and a
 * few sentences with identifiers of the other categories, in realistic formats, at sentence
 * boundaries. Returns the new text and the gold spans. Values come from {@code phi.json}.
 */
public final class PhiInjector {
  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };
  private static final String[][] US_AREA = {{"617"}, {"312"}, {"415"}, {"206"}, {"713"}, {"404"}};

  private static final java.util.regex.Pattern STATED_AGE =
      java.util.regex.Pattern.compile(
          "\\b(9\\d|1[01]\\d)(?=\\s?-?\\s?(?:years?|yrs?|y/?o\\b|y\\.o\\.|yo\\b|year-old))",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /** The note with PHI, and where each identifier is. */
  public record Injected(String text, List<PhiSpan> spans) {}

  private final String[] first;
  private final String[] last;
  private final String[] streets;
  private final String[][] usCities;
  private final String[] ukCities;
  private final String[] postcodes;
  private final String[] facilities;
  private final String[] emailDomains;
  private final String[] urlHosts;

  private static final class Holder {
    static final PhiInjector INSTANCE = load();
  }

  /** The injector over the module's {@code phi.json}, read once per class loader. */
  public static PhiInjector get() {
    return Holder.INSTANCE;
  }

  private PhiInjector(JsonNode n) {
    first = strings(n, "firstNames");
    last = strings(n, "surnames");
    streets = strings(n, "streets");
    ukCities = strings(n, "ukCities");
    postcodes = strings(n, "postcodes");
    facilities = strings(n, "facilities");
    emailDomains = strings(n, "emailDomains");
    urlHosts = strings(n, "urlHosts");
    JsonNode us = n.get("usCities");
    usCities = new String[us.size()][];
    for (int i = 0; i < us.size(); i++) {
      usCities[i] = new String[] {us.get(i).get(0).asText(), us.get(i).get(1).asText()};
    }
  }

  private static PhiInjector load() {
    String path = "/io/clinsum/synthetic/phi.json";
    try (InputStream in = PhiInjector.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new ConfigurationException("Synthetic note data " + path + " is missing");
      }
      return new PhiInjector(new ObjectMapper().readTree(in));
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException(
          "Synthetic note data " + path + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static String[] strings(JsonNode n, String field) {
    JsonNode a = n.get(field);
    if (a == null || !a.isArray() || a.isEmpty()) {
      throw new ConfigurationException(
          "Synthetic note data io/clinsum/synthetic/phi.json, field "
              + field
              + ": must be a non-empty array");
    }
    String[] out = new String[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asText();
    }
    return out;
  }

  /** Builds text piece by piece, recording the PHI pieces. */
  private static final class Out {
    final StringBuilder sb = new StringBuilder();
    final List<PhiSpan> spans = new ArrayList<>();

    Out t(String s) {
      sb.append(s);
      return this;
    }

    Out phi(PhiCategory cat, String value) {
      int start = sb.length();
      sb.append(value);
      spans.add(new PhiSpan(start, sb.length(), cat, 1.0, "gold"));
      return this;
    }
  }

  /** {@code note} with a header and two to five identifier sentences. */
  public Injected inject(String note, int ageYears, SplittableRandom rng) {
    String patientFirst = pick(first, rng);
    String patientLast = pick(last, rng);
    Out head = new Out();
    switch (rng.nextInt(4)) {
      case 0 ->
          head.t("Patient: ")
              .phi(PhiCategory.NAME, patientFirst + " " + patientLast)
              .t("   MRN: ")
              .phi(PhiCategory.MRN, mrn(rng))
              .t("   DOB: ")
              .phi(PhiCategory.DATE, date(rng))
              .t("\n");
      case 1 ->
          head.t("Name: ")
              .phi(PhiCategory.NAME, patientFirst + " " + patientLast)
              .t("  DOB: ")
              .phi(PhiCategory.DATE, date(rng))
              .t("  NHS No: ")
              .phi(PhiCategory.MRN, nhs(rng))
              .t("\n");
      case 2 ->
          head.t("PATIENT NAME: ")
              .phi(PhiCategory.NAME, (patientLast + ", " + patientFirst).toUpperCase(Locale.ROOT))
              .t("\nMRN ")
              .phi(PhiCategory.MRN, mrn(rng))
              .t("  Admitted ")
              .phi(PhiCategory.DATE, date(rng))
              .t("\n");
      default ->
          head.t("Pt: ")
              .phi(PhiCategory.NAME, patientFirst + " " + patientLast)
              .t(", hospital no. ")
              .phi(PhiCategory.MRN, mrn(rng))
              .t(", seen ")
              .phi(PhiCategory.DATE, date(rng))
              .t("\n");
    }
    int extra = 2 + rng.nextInt(4);
    List<Out> sentences = new ArrayList<>();
    for (int i = 0; i < extra; i++) {
      sentences.add(sentence(rng, patientLast));
    }
    if (ageYears >= 90 || rng.nextInt(8) == 0) {
      int age = ageYears >= 90 ? ageYears : 90 + rng.nextInt(15);
      Out s = new Out();
      switch (rng.nextInt(3)) {
        case 0 -> s.t(" Patient is a ").phi(PhiCategory.AGE, Integer.toString(age)).t("-year-old.");
        case 1 -> s.t(" Aged ").phi(PhiCategory.AGE, Integer.toString(age)).t(", lives alone.");
        default -> s.t(" ").phi(PhiCategory.AGE, Integer.toString(age)).t(" y/o at baseline.");
      }
      sentences.add(s);
    }
    // place each sentence after a sentence end in the note
    List<Integer> cuts = new ArrayList<>();
    for (int i = 0; i + 1 < note.length(); i++) {
      char c = note.charAt(i);
      if ((c == '.' || c == '\n')
          && (note.charAt(i + 1) == ' ' || note.charAt(i + 1) == '\n')
          && (c == '\n' || i == 0 || !Character.isUpperCase(note.charAt(i - 1)))) {
        cuts.add(i + 1);
      }
    }
    int[] at = new int[sentences.size()];
    for (int i = 0; i < at.length; i++) {
      at[i] = cuts.isEmpty() ? note.length() : cuts.get(rng.nextInt(cuts.size()));
    }
    java.util.Arrays.sort(at);
    Out out = new Out();
    append(out, head);
    int pos = 0;
    for (int i = 0; i < at.length; i++) {
      out.t(note.substring(pos, at[i]));
      append(out, sentences.get(i));
      pos = at[i];
    }
    out.t(note.substring(pos));
    String text = out.sb.toString();
    List<PhiSpan> spans = new ArrayList<>(out.spans);
    if (ageYears >= 90) {
      // the note itself may state the age ("92-year-old"): that is PHI too
      java.util.regex.Matcher m = STATED_AGE.matcher(text);
      while (m.find()) {
        PhiSpan age = new PhiSpan(m.start(1), m.end(1), PhiCategory.AGE, 1.0, "gold");
        if (spans.stream().noneMatch(age::overlaps)) {
          spans.add(age);
        }
      }
      spans.sort(java.util.Comparator.comparingInt(PhiSpan::start));
    }
    return new Injected(text, spans);
  }

  private static void append(Out to, Out piece) {
    int base = to.sb.length();
    to.sb.append(piece.sb);
    for (PhiSpan s : piece.spans) {
      to.spans.add(new PhiSpan(s.start() + base, s.end() + base, s.category(), 1.0, "gold"));
    }
  }

  private Out sentence(SplittableRandom rng, String patientLast) {
    Out s = new Out().t(" ");
    String f = pick(first, rng);
    String l = pick(last, rng);
    switch (rng.nextInt(20)) {
      case 0 ->
          s.t("Seen by Dr. ")
              .phi(PhiCategory.NAME, l)
              .t(" at ")
              .phi(PhiCategory.FACILITY, pick(facilities, rng))
              .t(".");
      case 1 ->
          s.t("Daughter ")
              .phi(PhiCategory.NAME, f)
              .t(" can be reached at ")
              .phi(PhiCategory.PHONE, usPhone(rng))
              .t(".");
      case 2 ->
          s.t("Son ")
              .phi(PhiCategory.NAME, f + " " + l)
              .t(" (")
              .phi(PhiCategory.PHONE, ukPhone(rng))
              .t(") is next of kin.");
      case 3 -> {
        String[] city = usCities[rng.nextInt(usCities.length)];
        s.t("Lives at ")
            .phi(PhiCategory.ADDRESS, (1 + rng.nextInt(4999)) + " " + pick(streets, rng))
            .t(", ")
            .phi(PhiCategory.LOCATION, city[0])
            .t(", " + city[1] + " ")
            .phi(PhiCategory.ZIP, String.format(Locale.ROOT, "%05d", 1000 + rng.nextInt(98000)))
            .t(".");
      }
      case 4 -> {
        int c = rng.nextInt(ukCities.length);
        s.t("Home address ")
            .phi(
                PhiCategory.ADDRESS,
                "Flat "
                    + (1 + rng.nextInt(30))
                    + ", "
                    + (1 + rng.nextInt(200))
                    + " "
                    + pick(streets, rng))
            .t(", ")
            .phi(PhiCategory.LOCATION, ukCities[c])
            .t(" ")
            .phi(PhiCategory.ZIP, postcodes[c])
            .t(".");
      }
      case 5 ->
          s.t("Contact email ")
              .phi(
                  PhiCategory.EMAIL,
                  (f.charAt(0) + "." + l).toLowerCase(Locale.ROOT).replace("'", "")
                      + (rng.nextInt(90) + 10)
                      + "@"
                      + pick(emailDomains, rng))
              .t(".");
      case 6 ->
          s.t("Results shared via ")
              .phi(
                  PhiCategory.URL,
                  "https://"
                      + pick(urlHosts, rng)
                      + "/p/"
                      + Integer.toHexString(rng.nextInt(1 << 24)))
              .t(" today.");
      case 7 ->
          s.t("Home monitor uploads from IP ")
              .phi(
                  PhiCategory.IP,
                  (10 + rng.nextInt(180))
                      + "."
                      + rng.nextInt(256)
                      + "."
                      + rng.nextInt(256)
                      + "."
                      + (1 + rng.nextInt(254)))
              .t(".");
      case 8 ->
          s.t("SSN ")
              .phi(
                  PhiCategory.SSN,
                  String.format(
                      Locale.ROOT,
                      "%03d-%02d-%04d",
                      100 + rng.nextInt(565),
                      10 + rng.nextInt(89),
                      1000 + rng.nextInt(8999)))
              .t(" on file.");
      case 9 ->
          s.t("Insurance member ID ")
              .phi(PhiCategory.HEALTH_PLAN, letters(rng, 3) + digits(rng, 8))
              .t(" verified.");
      case 10 -> s.t("Billing account # ").phi(PhiCategory.ACCOUNT, digits(rng, 9)).t(".");
      case 11 ->
          s.t("Pacemaker serial number ")
              .phi(PhiCategory.DEVICE, letters(rng, 2) + digits(rng, 7))
              .t(" interrogated.");
      case 12 ->
          s.t("Driver's licence no. ")
              .phi(PhiCategory.LICENSE, letters(rng, 1) + digits(rng, 7))
              .t(" copied for ID.");
      case 13 ->
          s.t("Brought in by car, licence plate ")
              .phi(PhiCategory.VEHICLE, letters(rng, 2) + digits(rng, 2) + letters(rng, 3))
              .t(".");
      case 14 -> s.t("Fax discharge letter to ").phi(PhiCategory.FAX, usPhone(rng)).t(".");
      case 15 ->
          s.t("Follow-up on ")
              .phi(PhiCategory.DATE, date(rng))
              .t(" with ")
              .phi(PhiCategory.NAME, f + " " + l)
              .t(", RN.");
      case 16 ->
          s.t("Discussed with Mrs. ")
              .phi(PhiCategory.NAME, patientLast)
              .t(" on ")
              .phi(PhiCategory.DATE, date(rng))
              .t(".");
      case 17 ->
          s.t("Transferred from ")
              .phi(PhiCategory.FACILITY, pick(facilities, rng))
              .t(" on ")
              .phi(PhiCategory.DATE, date(rng))
              .t(".");
      case 18 -> s.t("Research study number ").phi(PhiCategory.OTHER_ID, digits(rng, 8)).t(".");
      default ->
          s.t("Reviewed by ")
              .phi(PhiCategory.NAME, f + " " + l)
              .t(" (")
              .phi(PhiCategory.PHONE, usPhone(rng))
              .t(").");
    }
    return s;
  }

  private static String pick(String[] a, SplittableRandom rng) {
    return a[rng.nextInt(a.length)];
  }

  private static String digits(SplittableRandom rng, int n) {
    StringBuilder sb = new StringBuilder(n);
    sb.append((char) ('1' + rng.nextInt(9)));
    for (int i = 1; i < n; i++) {
      sb.append((char) ('0' + rng.nextInt(10)));
    }
    return sb.toString();
  }

  private static String letters(SplittableRandom rng, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append("ABCDEFGHJKLMNPRSTUVWXYZ".charAt(rng.nextInt(23)));
    }
    return sb.toString();
  }

  private static String mrn(SplittableRandom rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> digits(rng, 8);
      case 1 -> "00" + digits(rng, 6);
      case 2 -> letters(rng, 1) + digits(rng, 7);
      default -> digits(rng, 3) + "-" + digits(rng, 2) + "-" + digits(rng, 2);
    };
  }

  private static String nhs(SplittableRandom rng) {
    while (true) {
      int[] d = new int[10];
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        d[i] = i == 0 ? 4 + rng.nextInt(5) : rng.nextInt(10);
        sum += d[i] * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check == 11) {
        check = 0;
      }
      if (check == 10) {
        continue;
      }
      d[9] = check;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        if (i == 3 || i == 6) {
          sb.append(' ');
        }
        sb.append(d[i]);
      }
      return sb.toString();
    }
  }

  private static String usPhone(SplittableRandom rng) {
    String area = US_AREA[rng.nextInt(US_AREA.length)][0];
    String line = String.format(Locale.ROOT, "01%02d", rng.nextInt(100));
    return switch (rng.nextInt(4)) {
      case 0 -> "(" + area + ") 555-" + line;
      case 1 -> area + "-555-" + line;
      case 2 -> area + ".555." + line;
      default -> "+1 " + area + " 555 " + line;
    };
  }

  private static String ukPhone(SplittableRandom rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> String.format(Locale.ROOT, "07700 900%03d", rng.nextInt(1000));
      case 1 -> String.format(Locale.ROOT, "020 7946 0%03d", rng.nextInt(1000));
      case 2 -> String.format(Locale.ROOT, "+44 161 496 0%03d", rng.nextInt(1000));
      default -> String.format(Locale.ROOT, "0113 496 0%03d", rng.nextInt(1000));
    };
  }

  private static String date(SplittableRandom rng) {
    int year = 1930 + rng.nextInt(95);
    int month = 1 + rng.nextInt(12);
    int day = 1 + rng.nextInt(28);
    String m = MONTHS[month - 1];
    return switch (rng.nextInt(9)) {
      case 0 -> String.format(Locale.ROOT, "%02d/%02d/%04d", month, day, year);
      case 1 -> month + "/" + day + "/" + String.format(Locale.ROOT, "%02d", year % 100);
      case 2 -> String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
      case 3 -> String.format(Locale.ROOT, "%02d/%02d/%04d", Math.max(day, 13), month, year);
      case 4 -> m + " " + day + ", " + year;
      case 5 -> day + " " + m + " " + year;
      case 6 -> m.substring(0, 3) + " " + day;
      case 7 -> String.format(Locale.ROOT, "%02d-%s-%04d", day, m.substring(0, 3), year);
      default -> String.format(Locale.ROOT, "%02d.%02d.%04d", day, month, year);
    };
  }
}
