package io.clinsum.core.deid.internal;

import io.clinsum.core.deid.PhiCategory;
import io.clinsum.core.deid.PhiSpan;
import io.clinsum.core.deid.spi.PhiDetector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in PHI rules: precompiled context patterns for identifiers, contact details, dates and
 * addresses, and one token pass for names, places and facilities against the {@link Lexicon}.
 * Stateless and thread-safe.
 */
final class RuleDetector implements PhiDetector {
  private static final int I = Pattern.CASE_INSENSITIVE;

  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern URL =
      Pattern.compile(
          "\\b(?:https?://|www\\.)[^\\s<>\"'\\]\\[)(]+|\\b[a-z0-9-]+\\.(?:com|org|net|nhs\\.uk|co\\.uk|gov|edu|io)(?:/[^\\s<>\"')]*)?\\b",
          I);
  private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
  private static final Pattern IP =
      Pattern.compile(
          "(?<![\\d.])"
              + OCTET
              + "(?:\\."
              + OCTET
              + "){3}(?![\\d.]*\\d)|\\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\\b");
  private static final Pattern SSN =
      Pattern.compile("(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])");
  private static final Pattern US_PHONE =
      Pattern.compile(
          "(?<![\\d\\w-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?(?![\\d-])");
  private static final Pattern UK_PHONE =
      Pattern.compile(
          "(?<![\\w+])(?:\\+44\\s?(?:\\(0\\)\\s?)?|0)(?:\\d{2}\\s?\\d{4}\\s?\\d{4}|\\d{3}\\s?\\d{3}\\s?\\d{4}|\\d{4}\\s?\\d{6}|\\d{4}\\s?\\d{3}\\s?\\d{3})(?!\\d)");
  private static final Pattern FAX_CUE = Pattern.compile("fax|facsimile", I);
  private static final Pattern TEN_DIGITS =
      Pattern.compile("(?<![\\d-])(\\d{3})[\\s-]?(\\d{3})[\\s-]?(\\d{4})(?![\\d-])");
  private static final Pattern NHS_CUE = Pattern.compile("\\bNHS\\b|\\bCHI\\b", I);

  /** Labelled identifiers: the label picks the category, the value is masked. */
  private static final Pattern LABELLED_ID =
      Pattern.compile(
          "\\b(?:"
              + "(?<veh>licen[cs]e plate|(?:number |reg(?:istration)? )?plate|VIN|vehicle(?: id| reg(?:istration)?)?)"
              + "|(?<ssn>SSN|social security(?: number| no\\.?)?|SS#)"
              + "|(?<mrn>MRN|MR#|MR no\\.?|medical record|hospital (?:no\\.?|number)|unit (?:no\\.?|number)|patient id|pt id|chart|record|NHS|CHI|case|hospital id|encounter)"
              + "|(?<plan>member(?: id| no\\.?)?|policy|insurance(?: id)?|subscriber(?: id)?|medicaid|medicare|beneficiary|health plan|group)"
              + "|(?<acct>account|acct|billing|invoice|claim)"
              + "|(?<lic>licen[cs]e|lic\\.?|DEA|NPI|certificate|cert\\.?|registration|passport|driver'?s licen[cs]e|GMC)"
              + "|(?<dev>serial|S/N|SN|device(?: id)?|implant(?: id)?|UDI|lot|model/serial|pacemaker(?: id)?|IMEI)"
              + ")\\s*(?:no\\.?|number|num|#|id|code)?\\s*[:#=]?\\s*(?:is\\s+)?"
              + "(?<val>\\d{3}[ -]\\d{3}[ -]\\d{4}|\\d{3}-\\d{2}-\\d{4}|(?=[A-Za-z0-9/-]*\\d)[A-Za-z0-9][A-Za-z0-9/-]{3,24})",
          I);

  private static final Pattern VIN =
      Pattern.compile("\\b(?=[A-HJ-NPR-Z]*\\d)(?=\\d*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\\b");
  private static final Pattern LONG_NUMBER =
      Pattern.compile("(?<![\\d.,/:-])\\d{7,}(?![\\d.,/:-])");
  private static final Pattern UNIT_AFTER =
      Pattern.compile(
          "\\s?(?:units?|u\\b|iu|mg|mcg|µg|ug|g\\b|kg|ml|l\\b|cells|copies|/|%|cfu|platelets|mm3|k\\b)",
          I);

  private static final String MONTH =
      "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
  private static final String DAY = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?";
  private static final String YEAR = "(?:19|20)\\d{2}";
  private static final Pattern DATE =
      Pattern.compile(
          "\\b(?:"
              + MONTH
              + "\\.?\\s+"
              + DAY
              + "(?:,?\\s+"
              + YEAR
              + ")?"
              + "|"
              + DAY
              + "\\s+(?:of\\s+)?"
              + MONTH
              + "\\.?(?:,?\\s+"
              + YEAR
              + ")?"
              + "|"
              + DAY
              + "-"
              + MONTH
              + "-(?:"
              + YEAR
              + "|\\d{2})"
              + "|"
              + MONTH
              + "\\.?,?\\s+"
              + YEAR
              + "|"
              + YEAR
              + "[-/.](?:1[0-2]|0?[1-9])[-/.](?:3[01]|[12]\\d|0?[1-9])"
              + "|(?:3[01]|[12]\\d|0?[1-9])[/.-](?:3[01]|[12]\\d|0?[1-9])[/.-](?:"
              + YEAR
              + "|\\d{2})"
              + ")(?![\\d/])",
          I);
  private static final Pattern SHORT_DATE =
      Pattern.compile(
          "\\b(?:on|since|from|until|till|by|dated|date|DOB|DOD|DOA|admitted|discharged|seen|of)[:\\s]+((?:1[0-2]|0?[1-9])/(?:3[01]|[12]\\d|0?[1-9]))(?![\\d/])",
          I);
  private static final Pattern AGE =
      Pattern.compile(
          "\\b(9\\d|1[01]\\d)(?=\\s?-?\\s?(?:years?|yrs?|y/?o\\b|y\\.o\\.|yo\\b|year-old|-year-old))"
              + "|\\b(?:aged?|age:)\\s*(9\\d|1[01]\\d)\\b",
          I);
  private static final Pattern ZIP =
      Pattern.compile(
          "\\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\\s+(\\d{5}(?:-\\d{4})?)\\b"
              + "|(?i:zip(?: code)?|postcode|post code|postal code)[:\\s]+(\\d{5}(?:-\\d{4})?|[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2})\\b"
              + "|\\b([A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[ABD-HJLNP-UW-Z]{2})\\b");
  private static final Pattern ADDRESS =
      Pattern.compile(
          "\\b(?:(?:Flat|Apt\\.?|Apartment|Unit|Suite)\\s+[0-9A-Z]{1,4},?\\s+)?\\d{1,5}[A-Za-z]?\\s+(?:[A-Z][a-z]+\\.?\\s+){1,3}"
              + "(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Close|Crescent|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Gardens|Grove|Row|Mews|Walk|Trail)\\b\\.?"
              + "(?:,?\\s+(?:Apt|Apartment|Unit|Suite|Ste|Flat|#)\\.?\\s*[A-Za-z0-9-]+)?"
              + "|\\bP\\.?\\s?O\\.?\\s+Box\\s+\\d+");
  private static final Pattern CITY_AFTER_ADDRESS =
      Pattern.compile(
          "\\G,?\\s+([A-Z][a-z]+(?:\\s[A-Z][a-z]+){0,2})(?=,?\\s+(?:[A-Z]{2}\\b|[A-Z][a-z]+\\s+\\d{5}|[A-Z]{1,2}\\d))");
  private static final Pattern LOCATION_CUE =
      Pattern.compile(
          "\\b(?:lives|living|lived|resides|residing|resident|moved|relocated|born|travell?ed|visiting|visited|returned|home|works)\\s+(?:in|at|to|from|of|near)\\s+([A-Z][a-z]+(?:\\s[A-Z][a-z]+){0,2})");
  private static final Pattern FACILITY =
      Pattern.compile(
          "\\b(?:(?:St\\.?|Saint)\\s+)?(?:[A-Z][A-Za-z'’.-]+\\s+){1,4}(?:Hospital|Medical Cent(?:er|re)|Health Cent(?:er|re)|Clinic|Infirmary|Nursing Home|Care Home|Care Cent(?:er|re)|Rehabilitation Cent(?:er|re)|Rehab Cent(?:er|re)|Hospice|Surgery|Health System|Healthcare|Medical Group|Practice)\\b");
  private static final Pattern NAME_SUFFIX =
      Pattern.compile(
          "\\b([A-Z][a-z'’-]+(?:\\s[A-Z]\\.)?\\s[A-Z][A-Za-z'’-]+),?\\s(?:MD|M\\.D\\.|DO|RN|NP|PA-C|PhD|MBBS|MBChB|FRCP|FRCS|DDS|LPN|CNA|APRN|CRNA|RPh|PharmD)\\b");

  private static final Set<String> TITLES =
      Set.of(
          "dr",
          "doctor",
          "mr",
          "mrs",
          "ms",
          "miss",
          "mx",
          "prof",
          "professor",
          "rev",
          "fr",
          "sir",
          "dame",
          "nurse",
          "sister");
  private static final Set<String> CUES =
      Set.of(
          "patient",
          "pt",
          "name",
          "daughter",
          "son",
          "wife",
          "husband",
          "mother",
          "father",
          "brother",
          "spouse",
          "partner",
          "granddaughter",
          "grandson",
          "niece",
          "nephew",
          "friend",
          "neighbor",
          "neighbour",
          "caregiver",
          "carer",
          "guardian",
          "nok",
          "kin",
          "contact",
          "attending",
          "resident",
          "physician",
          "surgeon",
          "provider",
          "pcp",
          "gp",
          "consultant",
          "rn",
          "lpn",
          "np",
          "cc",
          "dear",
          "interpreter",
          "aide",
          "mom",
          "dad",
          "aunt",
          "uncle",
          "grandmother",
          "grandfather",
          "fiance",
          "fiancee",
          "boyfriend",
          "girlfriend",
          "cousin",
          "sibling",
          "roommate",
          "colleague",
          "chaplain",
          "therapist",
          "pharmacist",
          "technician",
          "student");
  private static final Set<String> BY_VERBS =
      Set.of(
          "seen",
          "examined",
          "reviewed",
          "signed",
          "dictated",
          "transcribed",
          "referred",
          "evaluated",
          "performed",
          "authored",
          "written",
          "accompanied",
          "visited",
          "assessed",
          "covered",
          "attended",
          "treated",
          "admitted",
          "discharged",
          "reported",
          "entered",
          "documented",
          "completed",
          "verified",
          "cosigned",
          "co-signed",
          "approved",
          "called");
  private static final Set<String> EPONYM_NEXT =
      Set.of(
          "disease",
          "syndrome",
          "sign",
          "signs",
          "test",
          "score",
          "scale",
          "criteria",
          "classification",
          "catheter",
          "drain",
          "tube",
          "line",
          "clamp",
          "forceps",
          "retractor",
          "scissors",
          "stitch",
          "suture",
          "fracture",
          "palsy",
          "procedure",
          "operation",
          "repair",
          "maneuver",
          "manoeuvre",
          "position",
          "lymphoma",
          "sarcoma",
          "tumor",
          "tumour",
          "nodule",
          "node",
          "nodes",
          "cyst",
          "ulcer",
          "phenomenon",
          "reflex",
          "reaction",
          "stain",
          "staging",
          "grade",
          "type",
          "tear",
          "lesion",
          "body",
          "bodies",
          "cell",
          "cells",
          "triad",
          "law",
          "method",
          "incision",
          "point",
          "space",
          "chorea",
          "dystrophy",
          "anomaly",
          "ratio",
          "formula",
          "bag",
          "mask",
          "valve",
          "shunt",
          "splint",
          "cast",
          "needle",
          "pouch",
          "response",
          "deformity",
          "contracture",
          "neuroma",
          "neuralgia",
          "aneurysm",
          "hernia",
          "diverticulum",
          "ring",
          "angle",
          "area",
          "canal",
          "duct",
          "gland",
          "ligament",
          "nerve",
          "rule",
          "equation",
          "index",
          "questionnaire",
          "inventory",
          "exam",
          "examination",
          "view",
          "flap",
          "approach",
          "block",
          "stool",
          "coma",
          "pupil",
          "murmur",
          "sound",
          "knot",
          "technique",
          "device",
          "pump",
          "system",
          "protocol",
          "regimen",
          "tract",
          "effect");

  private final Lexicon lex;
  private final Set<String> regions;

  RuleDetector(Lexicon lex, Set<String> regions) {
    this.lex = lex;
    this.regions = regions;
  }

  @Override
  public List<PhiSpan> detect(String text) {
    List<PhiSpan> out = new ArrayList<>();
    patterns(text, out);
    tokens(text, out);
    return out;
  }

  private void patterns(String text, List<PhiSpan> out) {
    boolean hasAt = text.indexOf('@') >= 0;
    if (hasAt) {
      add(out, EMAIL.matcher(text), 0, PhiCategory.EMAIL, 0.98, "email");
    }
    Matcher m = URL.matcher(text);
    while (m.find()) {
      int end = trimPunct(text, m.start(), m.end());
      if (hasAt && m.start() > 0 && text.charAt(m.start() - 1) == '@') {
        continue; // the domain of an email address
      }
      if (end > m.start()) {
        out.add(new PhiSpan(m.start(), end, PhiCategory.URL, 0.95, "url"));
      }
    }
    add(out, IP.matcher(text), 0, PhiCategory.IP, 0.95, "ip-address");
    add(out, SSN.matcher(text), 0, PhiCategory.SSN, 0.9, "ssn-format");
    phones(text, US_PHONE.matcher(text), "phone-us", out);
    phones(text, UK_PHONE.matcher(text), "phone-uk", out);
    m = TEN_DIGITS.matcher(text);
    while (m.find()) {
      if (nhsChecksumValid(m.group(1) + m.group(2) + m.group(3))) {
        boolean cue = NHS_CUE.matcher(text).region(Math.max(0, m.start() - 30), m.start()).find();
        out.add(
            new PhiSpan(
                m.start(), m.end(), PhiCategory.MRN, cue ? 0.97 : 0.6, "nhs-number-checksum"));
      }
    }
    m = LABELLED_ID.matcher(text);
    while (m.find()) {
      PhiCategory cat = labelCategory(m);
      int start = m.start("val");
      int end = m.end("val");
      while (end > start && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '/')) {
        end--;
      }
      if (cat != null && end > start && !isUnitAfter(text, end)) {
        out.add(new PhiSpan(start, end, cat, 0.93, "labelled-" + cat.name().toLowerCase()));
      }
    }
    add(out, VIN.matcher(text), 0, PhiCategory.VEHICLE, 0.7, "vin-format");
    m = LONG_NUMBER.matcher(text);
    while (m.find()) {
      if (!isUnitAfter(text, m.end())) {
        out.add(new PhiSpan(m.start(), m.end(), PhiCategory.OTHER_ID, 0.6, "long-number"));
      }
    }
    m = DATE.matcher(text);
    while (m.find()) {
      if (plausibleDate(text, m.start(), m.end())) {
        out.add(new PhiSpan(m.start(), m.end(), PhiCategory.DATE, 0.9, "date"));
      }
    }
    add(out, SHORT_DATE.matcher(text), 1, PhiCategory.DATE, 0.75, "date-month-day");
    m = AGE.matcher(text);
    while (m.find()) {
      int g = m.group(1) != null ? 1 : 2;
      out.add(new PhiSpan(m.start(g), m.end(g), PhiCategory.AGE, 0.9, "age-over-89"));
    }
    m = ZIP.matcher(text);
    while (m.find()) {
      for (int g = 1; g <= 3; g++) {
        if (m.group(g) != null) {
          out.add(new PhiSpan(m.start(g), m.end(g), PhiCategory.ZIP, g == 3 ? 0.8 : 0.9, "zip"));
        }
      }
    }
    m = ADDRESS.matcher(text);
    Matcher city = CITY_AFTER_ADDRESS.matcher(text);
    while (m.find()) {
      out.add(new PhiSpan(m.start(), m.end(), PhiCategory.ADDRESS, 0.9, "street-address"));
      if (city.find(m.end()) && city.start() == m.end()) {
        String place = city.group(1);
        if (!regions.contains(Lexicon.lower(place))) {
          out.add(
              new PhiSpan(city.start(1), city.end(1), PhiCategory.LOCATION, 0.85, "address-city"));
        }
      }
    }
    m = LOCATION_CUE.matcher(text);
    while (m.find()) {
      String place = m.group(1);
      String key = Lexicon.lower(place);
      String first = key.split(" ")[0];
      if (!regions.contains(key)
          && !lex.clinical.contains(first)
          && (lex.places.containsKey(first) || !lex.common.contains(first))) {
        out.add(new PhiSpan(m.start(1), m.end(1), PhiCategory.LOCATION, 0.75, "location-context"));
      }
    }
    m = FACILITY.matcher(text);
    while (m.find()) {
      int start = skipGenericWords(text, m.start(), m.end());
      if (start >= 0) {
        out.add(new PhiSpan(start, m.end(), PhiCategory.FACILITY, 0.85, "facility-pattern"));
      }
    }
    m = NAME_SUFFIX.matcher(text);
    while (m.find()) {
      String firstWord = Lexicon.lower(m.group(1).split("\\s")[0]);
      if (!lex.common.contains(firstWord) || lex.firstNames.contains(firstWord)) {
        out.add(new PhiSpan(m.start(1), m.end(1), PhiCategory.NAME, 0.9, "name-credential"));
      }
    }
  }

  private void phones(String text, Matcher m, String rule, List<PhiSpan> out) {
    while (m.find()) {
      boolean fax = FAX_CUE.matcher(text).region(Math.max(0, m.start() - 16), m.start()).find();
      out.add(
          new PhiSpan(
              m.start(),
              m.end(),
              fax ? PhiCategory.FAX : PhiCategory.PHONE,
              0.9,
              fax ? "fax" : rule));
    }
  }

  private static PhiCategory labelCategory(Matcher m) {
    if (m.group("veh") != null) {
      return PhiCategory.VEHICLE;
    }
    if (m.group("ssn") != null) {
      return PhiCategory.SSN;
    }
    if (m.group("mrn") != null) {
      return PhiCategory.MRN;
    }
    if (m.group("plan") != null) {
      return PhiCategory.HEALTH_PLAN;
    }
    if (m.group("acct") != null) {
      return PhiCategory.ACCOUNT;
    }
    if (m.group("lic") != null) {
      return PhiCategory.LICENSE;
    }
    if (m.group("dev") != null) {
      return PhiCategory.DEVICE;
    }
    return null;
  }

  /** Whether a unit ("mg", "units", "/") follows, making a number a dose or count. */
  private static boolean isUnitAfter(String text, int end) {
    return end < text.length() && UNIT_AFTER.matcher(text).region(end, text.length()).lookingAt();
  }

  private static boolean plausibleDate(String text, int start, int end) {
    char c = text.charAt(start);
    if (Character.isLetter(c) && !Character.isUpperCase(c)) {
      return false; // "may 3" is a verb and a number more often than a date
    }
    if (Character.isDigit(c)) {
      // a month name inside must be capitalized too ("3 may be")
      Matcher month = MONTH_WORD.matcher(text).region(start, end);
      return !month.find() || Character.isUpperCase(text.charAt(month.start()));
    }
    return true;
  }

  private static final Pattern MONTH_WORD = Pattern.compile("(?<![A-Za-z])" + MONTH, I);

  private static final Set<String> GENERIC =
      Set.of(
          "the",
          "a",
          "an",
          "at",
          "to",
          "from",
          "in",
          "of",
          "our",
          "his",
          "her",
          "their",
          "patient",
          "pain",
          "diabetes",
          "wound",
          "urgent",
          "emergency",
          "outpatient",
          "inpatient",
          "general",
          "walk-in",
          "walk",
          "sleep",
          "memory",
          "heart",
          "cancer",
          "children's",
          "women's",
          "eye",
          "dental",
          "fertility",
          "dialysis",
          "community",
          "local",
          "regional",
          "county",
          "state",
          "university",
          "teaching",
          "district",
          "veterans",
          "mental",
          "health",
          "primary",
          "care",
          "family",
          "medical",
          "private",
          "public",
          "day",
          "surgical",
          "transferred",
          "admitted",
          "discharged",
          "seen",
          "referred",
          "follow",
          "followed",
          "up",
          "returned",
          "went",
          "plan",
          "same",
          "this",
          "that",
          "cardiac",
          "plastic",
          "orthopedic",
          "orthopaedic",
          "dermatology",
          "vascular",
          "oral",
          "major",
          "minor",
          "previous",
          "prior",
          "recent",
          "hand",
          "spine",
          "foot",
          "breast",
          "thoracic",
          "colorectal",
          "bariatric",
          "robotic",
          "laparoscopic",
          "open");

  /** Start of a facility name after leading generic words, or -1 when nothing specific is left. */
  private int skipGenericWords(String text, int start, int end) {
    int i = start;
    while (i < end) {
      int j = i;
      while (j < end && !Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      String w = Lexicon.lower(text.substring(i, j));
      boolean generic =
          GENERIC.contains(w)
              || lex.clinical.contains(w)
              || (lex.common.contains(w) && !w.startsWith("st"));
      if (!generic) {
        // the suffix itself ("Hospital") must not be the first specific word
        String rest = text.substring(i, end);
        return isSuffixOnly(rest) ? -1 : i;
      }
      i = j;
      while (i < end && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
    }
    return -1;
  }

  private static boolean isSuffixOnly(String rest) {
    String r = rest.toLowerCase();
    return r.equals("hospital")
        || r.equals("clinic")
        || r.equals("surgery")
        || r.equals("hospice")
        || r.equals("infirmary")
        || r.equals("practice")
        || r.equals("healthcare")
        || r.startsWith("medical ")
        || r.startsWith("health ")
        || r.startsWith("care ")
        || r.startsWith("nursing ")
        || r.startsWith("rehab");
  }

  private static int trimPunct(String text, int start, int end) {
    while (end > start && ".,;:!?".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end;
  }

  private static void add(
      List<PhiSpan> out, Matcher m, int group, PhiCategory cat, double conf, String rule) {
    while (m.find()) {
      if (m.group(group) != null && m.end(group) > m.start(group)) {
        out.add(new PhiSpan(m.start(group), m.end(group), cat, conf, rule));
      }
    }
  }

  /** The NHS number check digit: weights 10..2 on the first nine digits, modulus 11. */
  static boolean nhsChecksumValid(String digits) {
    if (digits.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == digits.charAt(9) - '0';
  }

  // ---------------------------------------------------------------- token pass

  private void tokens(String text, List<PhiSpan> out) {
    // word starts and ends, one pass over the text
    int n = text.length();
    int[] starts = new int[Math.max(16, n / 4)];
    int[] ends = new int[starts.length];
    int count = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        int s = i++;
        while (i < n) {
          char d = text.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            i++;
          } else if ((d == '\'' || d == '’' || d == '-')
              && i + 1 < n
              && Character.isLetter(text.charAt(i + 1))) {
            i += 2;
          } else {
            break;
          }
        }
        if (count == starts.length) {
          starts = java.util.Arrays.copyOf(starts, count * 2);
          ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        starts[count] = s;
        ends[count] = i;
        count++;
      } else {
        i++;
      }
    }
    String[] keys = new String[count];
    for (int t = 0; t < count; t++) {
      if (Character.isUpperCase(text.charAt(starts[t]))) {
        keys[t] = key(text, starts[t], ends[t]);
      }
    }
    Set<String> found = new HashSet<>();
    int t = 0;
    while (t < count) {
      String k = keys[t];
      if (k == null) {
        t++;
        continue;
      }
      int next = names(text, starts, ends, keys, count, t, out, found);
      if (next > t) {
        t = next;
        continue;
      }
      next = dictionaryPhrase(text, starts, ends, keys, count, t, out);
      t = next > t ? next : t + 1;
    }
    if (!found.isEmpty()) {
      for (int u = 0; u < count; u++) {
        if (keys[u] != null && found.contains(keys[u]) && !covered(out, starts[u])) {
          out.add(
              new PhiSpan(
                  starts[u],
                  nameEnd(text, starts[u], ends[u]),
                  PhiCategory.NAME,
                  0.75,
                  "name-repeat"));
        }
      }
    }
  }

  private static boolean covered(List<PhiSpan> spans, int offset) {
    for (int s = spans.size() - 1; s >= 0; s--) {
      PhiSpan span = spans.get(s);
      if (span.category() == PhiCategory.NAME && span.start() <= offset && offset < span.end()) {
        return true;
      }
    }
    return false;
  }

  /** Lower-case token without a possessive ending. */
  private static String key(String text, int s, int e) {
    String w = text.substring(s, e);
    int len = w.length();
    if (len > 2 && (w.endsWith("'s") || w.endsWith("’s"))) {
      w = w.substring(0, len - 2);
    }
    return Lexicon.lower(w);
  }

  private static int nameEnd(String text, int s, int e) {
    if (e - s > 2
        && text.charAt(e - 1) == 's'
        && (text.charAt(e - 2) == '\'' || text.charAt(e - 2) == '’')) {
      return e - 2;
    }
    return e;
  }

  /** Finds a name starting at token t; returns the token after it, or t when none. */
  private int names(
      String text,
      int[] starts,
      int[] ends,
      String[] keys,
      int count,
      int t,
      List<PhiSpan> out,
      Set<String> found) {
    String k = keys[t];
    String prev = t > 0 ? Lexicon.lower(text.substring(starts[t - 1], ends[t - 1])) : null;
    String gap = t > 0 ? text.substring(ends[t - 1], starts[t]) : "";
    double conf;
    String rule;
    boolean context;
    if (prev != null && TITLES.contains(prev) && gapIs(gap, ". ")) {
      conf = 0.95;
      rule = "title-name";
      context = true;
    } else if (prev != null
        && gapIs(gap, " :,-")
        && (CUES.contains(prev)
            || ("by".equals(prev)
                && t > 1
                && BY_VERBS.contains(Lexicon.lower(text.substring(starts[t - 2], ends[t - 2]))))
            || ("with".equals(prev) && lex.firstNames.contains(k) && !lex.common.contains(k)))
        && acceptAfterCue(k)) {
      conf = 0.9;
      rule = "cue-name";
      context = true;
    } else if (lex.firstNames.contains(k)
        && !lex.clinical.contains(k)
        && (!lex.common.contains(k) || nextIsSurname(text, starts, ends, keys, count, t))) {
      conf = 0.85;
      rule = "dict-first-name";
      context = false;
    } else if (lex.surnames.contains(k)
        && !lex.common.contains(k)
        && !lex.clinical.contains(k)
        && !isAllCaps(text, starts[t], ends[t])) {
      conf = 0.7;
      rule = "dict-surname";
      context = false;
    } else if (k.length() == 1
        && t + 1 < count
        && keys[t + 1] != null
        && text.startsWith(". ", ends[t])
        && ends[t] + 2 == starts[t + 1]
        && lex.surnames.contains(keys[t + 1])
        && !lex.clinical.contains(keys[t + 1])) {
      conf = 0.85;
      rule = "initial-surname";
      context = false;
    } else {
      return t;
    }
    if (!context
        && isAllCaps(text, starts[t], ends[t])
        && ends[t] - starts[t] > 1
        && !headerLike(text, starts[t])) {
      return t; // an all-caps heading word ("WILSON DISEASE") without context
    }
    // extend over following name-like tokens
    int last = t;
    for (int u = t + 1; u < count && u < t + 4; u++) {
      String g = text.substring(ends[u - 1], starts[u]);
      boolean initial = ends[u - 1] - starts[u - 1] == 1;
      if (!(g.equals(" ") || (initial && g.equals(". ")) || g.equals(" \""))) {
        break;
      }
      String uk = keys[u];
      if (uk == null || lex.clinical.contains(uk) || EPONYM_NEXT.contains(uk)) {
        break;
      }
      boolean nameLike =
          uk.length() == 1
              || lex.surnames.contains(uk)
              || lex.firstNames.contains(uk)
              || !lex.common.contains(uk);
      if (!nameLike) {
        break;
      }
      last = u;
    }
    if (!context) {
      int after = last + 1;
      if (after < count
          && EPONYM_NEXT.contains(Lexicon.lower(text.substring(starts[after], ends[after])))) {
        return last + 1; // "Wilson disease", "Murphy sign": an eponym, not a person
      }
    }
    int end = nameEnd(text, starts[last], ends[last]);
    out.add(new PhiSpan(starts[t], end, PhiCategory.NAME, conf, rule));
    if (conf >= 0.85 || context) {
      for (int u = t; u <= last; u++) {
        if (keys[u].length() > 1 && !lex.common.contains(keys[u])) {
          found.add(keys[u]);
        }
      }
    }
    return last + 1;
  }

  private boolean acceptAfterCue(String k) {
    if (lex.clinical.contains(k) || TITLES.contains(k) || CUES.contains(k)) {
      return false;
    }
    return lex.firstNames.contains(k) || lex.surnames.contains(k) || !lex.common.contains(k);
  }

  private boolean nextIsSurname(
      String text, int[] starts, int[] ends, String[] keys, int count, int t) {
    return t + 1 < count
        && keys[t + 1] != null
        && text.charAt(ends[t]) == ' '
        && ends[t] + 1 == starts[t + 1]
        && lex.surnames.contains(keys[t + 1])
        && !lex.common.contains(keys[t + 1]);
  }

  private static boolean gapIs(String gap, String allowed) {
    if (gap.isEmpty() || gap.length() > 3) {
      return false;
    }
    for (int i = 0; i < gap.length(); i++) {
      if (allowed.indexOf(gap.charAt(i)) < 0) {
        return false;
      }
    }
    return gap.indexOf(' ') >= 0 || gap.indexOf(':') >= 0;
  }

  private static boolean isAllCaps(String text, int s, int e) {
    for (int i = s; i < e; i++) {
      if (Character.isLowerCase(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether the line holding offset looks like a header field ("NAME: JOHN SMITH"). */
  private static boolean headerLike(String text, int offset) {
    int lineStart = text.lastIndexOf('\n', offset) + 1;
    int colon = text.indexOf(':', lineStart);
    return colon >= 0 && colon < offset && offset - colon < 4;
  }

  /** Places and facilities from the dictionaries, starting at token t. */
  private int dictionaryPhrase(
      String text, int[] starts, int[] ends, String[] keys, int count, int t, List<PhiSpan> out) {
    String k = keys[t];
    List<String[]> cands = lex.facilities.get(k);
    PhiCategory cat = PhiCategory.FACILITY;
    int end = match(text, starts, ends, count, t, cands);
    if (end < 0) {
      cands = lex.places.get(k);
      cat = PhiCategory.LOCATION;
      end = match(text, starts, ends, count, t, cands);
    }
    if (end < 0) {
      return t;
    }
    int lastTok = end;
    boolean single = lastTok == t;
    if (single && (lex.clinical.contains(k) || lex.common.contains(k))) {
      return t;
    }
    if (lastTok + 1 < count
        && EPONYM_NEXT.contains(
            Lexicon.lower(text.substring(starts[lastTok + 1], ends[lastTok + 1])))) {
      return lastTok + 1; // "Bristol stool scale"
    }
    out.add(
        new PhiSpan(
            starts[t],
            nameEnd(text, starts[t], ends[lastTok]),
            cat,
            cat == PhiCategory.FACILITY ? 0.9 : 0.8,
            cat == PhiCategory.FACILITY ? "dict-facility" : "dict-place"));
    return lastTok + 1;
  }

  /** Index of the last token of the longest phrase matching at t, or -1. */
  private static int match(
      String text, int[] starts, int[] ends, int count, int t, List<String[]> cands) {
    if (cands == null) {
      return -1;
    }
    for (String[] phrase : cands) {
      if (t + phrase.length > count) {
        continue;
      }
      boolean ok = true;
      for (int w = 0; w < phrase.length && ok; w++) {
        int u = t + w;
        if (w > 0 && !text.substring(ends[u - 1], starts[u]).equals(" ")) {
          ok = false;
          break;
        }
        String tok = key(text, starts[u], ends[u]);
        String want = phrase[w];
        ok = tok.equals(want) || tok.equals(want.replace(".", ""));
      }
      if (ok) {
        return t + phrase.length - 1;
      }
    }
    return -1;
  }
}
