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
      Pattern.compile("(?<![\\d.,/:-])\\d{7,}(?![\\d,/:-]|\\.\\d)");
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
          "\\b(?:(?:St\\.?|Saint)\\s+)?(?:[A-Z][A-Za-z'’-]+\\s+){1,4}(?:Hospital|Medical Cent(?:er|re)|Health Cent(?:er|re)|Clinic|Infirmary|Nursing Home|Care Home|Care Cent(?:er|re)|Rehabilitation Cent(?:er|re)|Rehab Cent(?:er|re)|Hospice|Surgery|Health System|Healthcare|Medical Group|Practice)\\b");
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
  private static final Set<String> ABBREVIATED_TITLES =
      Set.of("dr", "mr", "mrs", "ms", "mx", "prof", "rev", "fr");
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
          "effect",
          "clamps",
          "retractors",
          "sutures",
          "stitches",
          "tubes",
          "catheters",
          "drains",
          "scientific",
          "silk",
          "ii",
          "iii");

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

  // Triggers: which anchored patterns to try at a word, by the word in lower case.
  private static final int T_LABEL = 1;
  private static final int T_MONTH = 2;
  private static final int T_SHORT_DATE = 4;
  private static final int T_AGE = 8;
  private static final int T_ZIP = 16;
  private static final int T_ADDRESS = 32;
  private static final int T_LOCATION = 64;
  private static final int T_FACILITY = 128;
  private static final int T_CREDENTIAL = 256;
  private static final java.util.Map<String, Integer> TRIGGERS = triggers();

  private static java.util.Map<String, Integer> triggers() {
    java.util.Map<String, Integer> t = new java.util.HashMap<>();
    java.util.function.BiConsumer<Integer, String> put =
        (flag, words) -> {
          for (String w : words.split(" ")) {
            t.merge(w, flag, (a, b) -> a | b);
          }
        };
    put.accept(
        T_LABEL,
        "licence license number reg registration plate vin vehicle ssn social ss mrn mr medical"
            + " hospital unit patient pt chart record nhs chi case encounter member policy insurance"
            + " subscriber medicaid medicare beneficiary health group account acct billing invoice"
            + " claim lic dea npi certificate cert passport driver gmc serial s sn device implant udi"
            + " lot model pacemaker imei");
    put.accept(
        T_MONTH,
        "jan january feb february mar march apr april may jun june jul july aug august sep sept"
            + " september oct october nov november dec december");
    put.accept(
        T_SHORT_DATE,
        "on since from until till by dated date dob dod doa admitted discharged seen of");
    put.accept(T_AGE, "aged age");
    put.accept(
        T_ZIP,
        "zip postcode post postal al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma"
            + " mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy");
    put.accept(T_ADDRESS, "flat apt apartment unit suite p");
    put.accept(
        T_LOCATION,
        "lives living lived resides residing resident moved relocated born travelled traveled"
            + " visiting visited returned home works");
    put.accept(
        T_FACILITY,
        "hospital medical health clinic infirmary nursing care rehabilitation rehab hospice surgery"
            + " healthcare practice");
    put.accept(
        T_CREDENTIAL, "md m do rn np pa phd mbbs mbchb frcp frcs dds lpn cna aprn crna rph pharmd");
    return java.util.Map.copyOf(t);
  }

  /**
   * Matchers of one call, anchored at candidate offsets; each remembers where its last match ended.
   */
  private static final class Anchored {
    private final String text;
    private final java.util.Map<Pattern, Matcher> matchers = new java.util.HashMap<>();
    private final java.util.Map<Pattern, Integer> lastEnd = new java.util.HashMap<>();
    private final java.util.Map<Pattern, int[]> lastMatch = new java.util.HashMap<>();

    Anchored(String text) {
      this.text = text;
    }

    Matcher matcher(Pattern p) {
      return matchers.computeIfAbsent(
          p, k -> k.matcher(text).useTransparentBounds(true).useAnchoringBounds(false));
    }

    /** The match of {@code p} starting exactly at {@code pos}, or null. */
    Matcher at(Pattern p, int pos) {
      int[] last = lastMatch.get(p);
      if (last != null && last[0] <= pos && pos < last[1]) {
        return null; // inside the previous match of the same pattern
      }
      Matcher m = matcher(p);
      m.region(pos, text.length());
      if (m.lookingAt()) {
        lastMatch.put(p, new int[] {m.start(), m.end()});
        return m;
      }
      return null;
    }

    /** Matches of {@code p} found in {@code from..to} that end at or after {@code minEnd}. */
    void within(
        Pattern p, int from, int to, int minEnd, java.util.function.Predicate<Matcher> each) {
      Matcher m = matcher(p);
      m.region(Math.max(0, from), Math.min(text.length(), to));
      int last = lastEnd.getOrDefault(p, 0);
      while (m.find()) {
        if (m.end() >= minEnd && m.start() >= last && each.test(m)) {
          last = m.end();
        }
      }
      lastEnd.put(p, last);
    }
  }

  private void patterns(String text, List<PhiSpan> out) {
    int n = text.length();
    Anchored a = new Anchored(text);
    // digit-anchored identifiers, dates, ages, phone numbers, addresses
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && (i == 0 || !Character.isDigit(text.charAt(i - 1)))) {
        digitAt(text, i, a, out);
      } else if (c == '@') {
        final int at = i;
        a.within(
            EMAIL,
            at - 64,
            at + 256,
            at + 1,
            m -> {
              if (m.start() < at) {
                out.add(new PhiSpan(m.start(), m.end(), PhiCategory.EMAIL, 0.98, "email"));
                return true;
              }
              return false;
            });
      }
    }
    // word-anchored rules
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)
          || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i - s == 17) {
        Matcher m = a.at(VIN, s);
        if (m != null) {
          out.add(new PhiSpan(m.start(), m.end(), PhiCategory.VEHICLE, 0.7, "vin-format"));
        }
      }
      if (!Character.isLetter(c) || i - s > 14) {
        continue;
      }
      String w = Lexicon.lower(text.substring(s, i));
      Integer flags = TRIGGERS.get(w);
      boolean postcodeShape =
          i - s >= 2
              && i - s <= 4
              && Character.isUpperCase(c)
              && POSTCODE_HEAD.matcher(text).region(s, i).matches();
      if (flags == null && !postcodeShape) {
        continue;
      }
      int f = flags == null ? T_ZIP : flags | (postcodeShape ? T_ZIP : 0);
      wordAt(text, s, i, f, a, out);
    }
    // URLs: only when the text has a scheme, www. or a common top-level domain
    if (text.contains("://") || text.contains("www.") || hasDomain(text)) {
      Matcher m = URL.matcher(text);
      while (m.find()) {
        int end = trimPunct(text, m.start(), m.end());
        if (m.start() > 0 && text.charAt(m.start() - 1) == '@') {
          continue; // the domain of an email address
        }
        if (end > m.start()) {
          out.add(new PhiSpan(m.start(), end, PhiCategory.URL, 0.95, "url"));
        }
      }
    }
  }

  private static final Pattern POSTCODE_HEAD = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]?");
  private static final String[] DOMAINS = {".com", ".org", ".net", ".uk", ".gov", ".edu", ".io"};

  private static boolean hasDomain(String text) {
    for (String d : DOMAINS) {
      if (text.contains(d)) {
        return true;
      }
    }
    return false;
  }

  private void digitAt(String text, int p, Anchored a, List<PhiSpan> out) {
    int alt = p > 0 && (text.charAt(p - 1) == '(' || text.charAt(p - 1) == '+') ? p - 1 : p;
    Matcher m;
    if ((m = a.at(IP, p)) != null) {
      out.add(new PhiSpan(m.start(), m.end(), PhiCategory.IP, 0.95, "ip-address"));
    }
    if ((m = a.at(SSN, p)) != null) {
      out.add(new PhiSpan(m.start(), m.end(), PhiCategory.SSN, 0.9, "ssn-format"));
    }
    for (Pattern phone : new Pattern[] {US_PHONE, UK_PHONE}) {
      m = alt < p ? a.at(phone, alt) : null;
      if (m == null) {
        m = a.at(phone, p);
      }
      if (m != null) {
        phone(text, m, phone == US_PHONE ? "phone-us" : "phone-uk", out);
      }
    }
    if ((m = a.at(TEN_DIGITS, p)) != null
        && nhsChecksumValid(m.group(1) + m.group(2) + m.group(3))) {
      boolean cue = NHS_CUE.matcher(text).region(Math.max(0, m.start() - 30), m.start()).find();
      out.add(
          new PhiSpan(
              m.start(), m.end(), PhiCategory.MRN, cue ? 0.97 : 0.6, "nhs-number-checksum"));
    }
    if ((m = a.at(LONG_NUMBER, p)) != null && !isUnitAfter(text, m.end())) {
      out.add(new PhiSpan(m.start(), m.end(), PhiCategory.OTHER_ID, 0.6, "long-number"));
    }
    if ((m = a.at(DATE, p)) != null && plausibleDate(text, m.start(), m.end())) {
      out.add(new PhiSpan(m.start(), m.end(), PhiCategory.DATE, 0.9, "date"));
    }
    if ((m = a.at(AGE, p)) != null && m.group(1) != null) {
      out.add(new PhiSpan(m.start(1), m.end(1), PhiCategory.AGE, 0.9, "age-over-89"));
    }
    if ((m = a.at(ADDRESS, p)) != null) {
      address(text, m, out);
    }
  }

  private void wordAt(String text, int s, int e, int flags, Anchored a, List<PhiSpan> out) {
    Matcher m;
    if ((flags & T_LABEL) != 0 && (m = a.at(LABELLED_ID, s)) != null) {
      labelled(text, m, out);
    }
    if ((flags & T_MONTH) != 0
        && (m = a.at(DATE, s)) != null
        && plausibleDate(text, m.start(), m.end())) {
      out.add(new PhiSpan(m.start(), m.end(), PhiCategory.DATE, 0.9, "date"));
    }
    if ((flags & T_SHORT_DATE) != 0 && (m = a.at(SHORT_DATE, s)) != null) {
      out.add(new PhiSpan(m.start(1), m.end(1), PhiCategory.DATE, 0.75, "date-month-day"));
    }
    if ((flags & T_AGE) != 0 && (m = a.at(AGE, s)) != null && m.group(2) != null) {
      out.add(new PhiSpan(m.start(2), m.end(2), PhiCategory.AGE, 0.9, "age-over-89"));
    }
    if ((flags & T_ZIP) != 0 && (m = a.at(ZIP, s)) != null) {
      for (int g = 1; g <= 3; g++) {
        if (m.group(g) != null) {
          out.add(new PhiSpan(m.start(g), m.end(g), PhiCategory.ZIP, g == 3 ? 0.8 : 0.9, "zip"));
        }
      }
    }
    if ((flags & T_ADDRESS) != 0 && (m = a.at(ADDRESS, s)) != null) {
      address(text, m, out);
    }
    if ((flags & T_LOCATION) != 0 && (m = a.at(LOCATION_CUE, s)) != null) {
      String key = Lexicon.lower(m.group(1));
      String first = key.split(" ")[0];
      if (!regions.contains(key)
          && !lex.clinical.contains(first)
          && (lex.places.containsKey(first) || !lex.common.contains(first))) {
        out.add(new PhiSpan(m.start(1), m.end(1), PhiCategory.LOCATION, 0.75, "location-context"));
      }
    }
    if ((flags & T_FACILITY) != 0 && Character.isUpperCase(text.charAt(s))) {
      a.within(
          FACILITY,
          s - 120,
          e + 24,
          e,
          fm -> {
            int start = skipGenericWords(text, fm.start(), fm.end());
            if (start >= 0) {
              out.add(new PhiSpan(start, fm.end(), PhiCategory.FACILITY, 0.85, "facility-pattern"));
            }
            return true;
          });
    }
    if ((flags & T_CREDENTIAL) != 0 && Character.isUpperCase(text.charAt(s))) {
      a.within(
          NAME_SUFFIX,
          s - 80,
          e + 4,
          e,
          nm -> {
            String firstWord = Lexicon.lower(nm.group(1).split("\\s")[0]);
            if (!lex.common.contains(firstWord) || lex.firstNames.contains(firstWord)) {
              out.add(
                  new PhiSpan(nm.start(1), nm.end(1), PhiCategory.NAME, 0.9, "name-credential"));
            }
            return true;
          });
    }
  }

  private void labelled(String text, Matcher m, List<PhiSpan> out) {
    PhiCategory cat = labelCategory(m);
    int start = m.start("val");
    int end = m.end("val");
    while (end > start && (text.charAt(end - 1) == '-' || text.charAt(end - 1) == '/')) {
      end--;
    }
    if (cat != null && end > start && !isUnitAfter(text, end)) {
      out.add(
          new PhiSpan(
              start, end, cat, 0.93, "labelled-" + cat.name().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  private void address(String text, Matcher m, List<PhiSpan> out) {
    out.add(new PhiSpan(m.start(), m.end(), PhiCategory.ADDRESS, 0.9, "street-address"));
    Matcher city = CITY_AFTER_ADDRESS.matcher(text);
    if (city.find(m.end()) && city.start() == m.end()) {
      String place = city.group(1);
      if (!regions.contains(Lexicon.lower(place))) {
        out.add(
            new PhiSpan(city.start(1), city.end(1), PhiCategory.LOCATION, 0.85, "address-city"));
      }
    }
  }

  private static void phone(String text, Matcher m, String rule, List<PhiSpan> out) {
    boolean fax = FAX_CUE.matcher(text).region(Math.max(0, m.start() - 30), m.start()).find();
    out.add(
        new PhiSpan(
            m.start(),
            m.end(),
            fax ? PhiCategory.FAX : PhiCategory.PHONE,
            0.9,
            fax ? "fax" : rule));
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
    if (prev != null
        && TITLES.contains(prev)
        && (gap.equals(" ") || (ABBREVIATED_TITLES.contains(prev) && gapIs(gap, ". ")))
        && acceptAfterCue(text, starts[t], ends[t], k)) {
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
        && acceptAfterCue(text, starts[t], ends[t], k)) {
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
      String uk = keys[u];
      boolean inverted =
          g.equals(", ")
              && uk != null
              && u == t + 1
              && (lex.firstNames.contains(uk)
                  || (context && isAllCaps(text, starts[u], ends[u]) && !lex.common.contains(uk)));
      if (!(g.equals(" ") || (initial && g.equals(". ")) || inverted)) {
        break;
      }
      if (uk == null
          || EPONYM_NEXT.contains(uk)
          || (lex.clinical.contains(uk) && !lex.surnames.contains(uk))) {
        break;
      }
      if (!inverted
          && !lex.firstNames.contains(uk)
          && !lex.surnames.contains(uk)
          && looksLikeAbbreviation(text, starts[u], ends[u])
          && uk.length() > 1) {
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

  private boolean acceptAfterCue(String text, int s, int e, String k) {
    boolean named = lex.firstNames.contains(k) || lex.surnames.contains(k);
    if ((lex.clinical.contains(k) && !named) || TITLES.contains(k) || CUES.contains(k)) {
      return false;
    }
    if (!lex.firstNames.contains(k)
        && !lex.surnames.contains(k)
        && looksLikeAbbreviation(text, s, e)) {
      return false; // "RUQ", "Hb", "BGL"
    }
    return lex.firstNames.contains(k) || lex.surnames.contains(k) || !lex.common.contains(k);
  }

  /** Two or more capitals in a short word, other than Mc/Mac/O' names: an abbreviation. */
  private static boolean looksLikeAbbreviation(String text, int s, int e) {
    if (e - s == 1) {
      return false;
    }
    int upper = 0;
    int letters = 0;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isUpperCase(c)) {
          upper++;
        }
      } else if (Character.isDigit(c)) {
        return true; // "X5029135", "SpO2"
      }
    }
    if (upper == letters) {
      return letters <= 4;
    }
    if (upper >= 2) {
      String w = text.substring(s, e);
      if (w.matches("[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)+")) {
        return false; // double-barrelled: Vasquez-Ortiz
      }
      return !w.matches("(?:Mc|Mac|O'|O’|D'|De|Van|Von|La|Le)[A-Z][a-z]+");
    }
    return e - s <= 2;
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
