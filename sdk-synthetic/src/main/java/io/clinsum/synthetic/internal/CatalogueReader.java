package io.clinsum.synthetic.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the generator's data files (format in the module README) into a {@link ScenarioCatalogue}:
 * {@code catalogue.json} names the scenario files in catalogue order; {@code negatives.json},
 * {@code vital-ranges.json}, {@code phrases.json} and {@code instructions.json} hold what scenarios
 * share. Anything malformed fails with a {@link ConfigurationException} naming the file and field.
 */
final class CatalogueReader {
  private static final Pattern SCENARIO_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern TYPO_WORD = Pattern.compile("[a-z]{5,}");
  private static final Set<String> SCENARIO_FIELDS =
      Set.of(
          "id",
          "specialty",
          "ages",
          "ageMonths",
          "sex",
          "setting",
          "caregiverNotes",
          "esi",
          "context",
          "symptoms",
          "onsets",
          "negatives",
          "history",
          "vitals",
          "oxygen",
          "exam",
          "tests",
          "diagnoses",
          "meds",
          "interventions",
          "nursing",
          "outcomes",
          "dispositions",
          "followUps",
          "escalations");
  private static final Set<String> VITAL_NAMES = Set.of(VitalRanges.NAMES);
  private static final Set<String> BASELINE_REQUIRED =
      Set.of("hr", "sbp", "dbp", "rr", "spo2", "temp");

  private final String base;
  private final Function<String, InputStream> open;
  private final ObjectMapper json =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * @param base prefix of the file names in messages ({@code io/clinsum/synthetic/})
   * @param open opens a data file by its name below {@code base}, or returns {@code null} when
   *     there is none
   */
  CatalogueReader(String base, Function<String, InputStream> open) {
    this.base = base;
    this.open = open;
  }

  ScenarioCatalogue read() {
    DataNode catalogue = parse("catalogue.json").object(Set.of("scenarioFiles"));
    Map<String, String> negatives = negatives(parse("negatives.json"));
    VitalBaselines baselines = baselines(parse("vital-ranges.json"));
    Phrases phrases = phrases(parse("phrases.json"));
    Instructions instructions = instructions(parse("instructions.json"));

    List<Scenario> scenarios = new ArrayList<>();
    Map<String, String> fileOfId = new HashMap<>();
    Set<String> files = new LinkedHashSet<>();
    for (DataNode fileNode : catalogue.field("scenarioFiles").elements(1)) {
      String file = fileNode.text();
      if (!files.add(file)) {
        throw fileNode.error("lists " + file + " twice");
      }
      DataNode scenarioFile = parse(file).object(Set.of("scenarios"));
      for (DataNode node : scenarioFile.field("scenarios").elements(1)) {
        Scenario scenario = scenario(node, negatives, baselines, phrases);
        String earlier = fileOfId.putIfAbsent(scenario.id, scenarioFile.file());
        if (earlier != null) {
          throw node.error("scenario id " + scenario.id + " is already used in " + earlier);
        }
        scenarios.add(scenario);
      }
    }
    return new ScenarioCatalogue(scenarios, phrases, instructions);
  }

  private DataNode parse(String name) {
    String file = base + name;
    try (InputStream in = open.apply(name)) {
      if (in == null) {
        throw new ConfigurationException(
            "Synthetic note data " + file + " is missing from the class path");
      }
      JsonNode tree = json.readTree(in);
      if (tree == null || tree.isMissingNode()) {
        throw new ConfigurationException("Synthetic note data " + file + " is empty");
      }
      return new DataNode(file, "", tree);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException(
          "Synthetic note data "
              + file
              + " is not valid JSON: "
              + e.getOriginalMessage()
              + location(e),
          e);
    } catch (IOException e) {
      throw new ConfigurationException(
          "Synthetic note data " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  // ---------------------------------------------------------------- shared files

  private static Map<String, String> negatives(DataNode file) {
    file.object();
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : file.fieldNames()) {
      DataNode node = file.field(name);
      node.template(); // fails early on a malformed pattern
      out.put(name, node.text());
    }
    return out;
  }

  private static VitalBaselines baselines(DataNode file) {
    file.object(Set.of("adult", "children"));
    VitalRanges adult = baseline(file.field("adult"), false);
    List<DataNode> brackets = file.field("children").elements(1);
    int[] under = new int[brackets.size()];
    VitalRanges[] children = new VitalRanges[brackets.size()];
    for (int i = 0; i < brackets.size(); i++) {
      DataNode bracket = brackets.get(i);
      children[i] = baseline(bracket, true);
      under[i] = bracket.field("underMonths").integer();
      if (i > 0 && under[i] <= under[i - 1]) {
        throw bracket.field("underMonths").error("must be above the bracket before it");
      }
    }
    if (under[under.length - 1] != PatientCase.ADULT_MONTHS) {
      throw brackets
          .get(under.length - 1)
          .field("underMonths")
          .error(
              "the last child bracket must end at "
                  + PatientCase.ADULT_MONTHS
                  + " months (16 years), where notes start to treat patients as adults");
    }
    return new VitalBaselines(adult, under, children);
  }

  private static VitalRanges baseline(DataNode node, boolean child) {
    Set<String> allowed = new LinkedHashSet<>(VITAL_NAMES);
    if (child) {
      allowed.add("underMonths");
    }
    node.object(allowed);
    for (String required : BASELINE_REQUIRED) {
      node.field(required);
    }
    int[] bounds = VitalRanges.notCharted();
    readVitals(node, (index, range) -> System.arraycopy(range, 0, bounds, 2 * index, 2));
    return VitalRanges.of(bounds);
  }

  private interface VitalSink {
    void accept(int index, int[] range);
  }

  private static void readVitals(DataNode node, VitalSink sink) {
    for (int i = 0; i < VitalRanges.NAMES.length; i++) {
      DataNode range = node.optional(VitalRanges.NAMES[i]);
      if (range != null) {
        sink.accept(i, range.range(VitalRanges.inTenths(i)));
      }
    }
  }

  private static Phrases phrases(DataNode file) {
    file.object(
        Set.of("allergies", "closings", "recommendations", "defaultEscalations", "misspellings"));
    DataNode closings =
        file.field("closings")
            .object(
                Set.of(
                    "hospital",
                    "home",
                    "child",
                    "homeCareAide",
                    "familyMember",
                    "careHomeStaff",
                    "parent"));
    DataNode escalations = file.field("defaultEscalations").object(Set.of("home", "other"));
    DataNode misspellingsNode = file.field("misspellings");
    misspellingsNode.object();
    Map<String, String> misspellings = new HashMap<>();
    for (String word : misspellingsNode.fieldNames()) {
      DataNode typo = misspellingsNode.field(word);
      if (!TYPO_WORD.matcher(word).matches()) {
        throw typo.error(
            "is never used: only words of five or more lower-case letters (a-z) get typos");
      }
      misspellings.put(word, typo.plainText());
    }
    return new Phrases(
        plain(file.field("allergies")),
        plain(closings.field("hospital")),
        plain(closings.field("home")),
        plain(closings.field("child")),
        plain(closings.field("homeCareAide")),
        plain(closings.field("familyMember")),
        plain(closings.field("careHomeStaff")),
        plain(closings.field("parent")),
        templates(file.field("recommendations")).toArray(new Template[0]),
        escalations.field("home").template(),
        escalations.field("other").template(),
        misspellings);
  }

  private static Instructions instructions(DataNode file) {
    InstructionKind[] kinds = InstructionKind.values();
    Set<String> keys = new LinkedHashSet<>();
    for (InstructionKind kind : kinds) {
      keys.add(kind.key);
    }
    file.object(keys);
    int[] weights = new int[kinds.length];
    String[][] phrasings = new String[kinds.length][];
    for (InstructionKind kind : kinds) {
      DataNode node = file.field(kind.key).object(Set.of("weight", "phrasings"));
      DataNode weight = node.field("weight");
      weights[kind.ordinal()] = weight.integer();
      if (weights[kind.ordinal()] < 1) {
        throw weight.error("must be at least 1, was " + weights[kind.ordinal()]);
      }
      phrasings[kind.ordinal()] = plain(node.field("phrasings"));
    }
    return new Instructions(weights, phrasings);
  }

  // ---------------------------------------------------------------- scenarios

  private static Scenario scenario(
      DataNode raw,
      Map<String, String> sharedNegatives,
      VitalBaselines baselines,
      Phrases phrases) {
    String id = raw.object().field("id").text();
    if (!SCENARIO_ID.matcher(id).matches()) {
      throw raw.field("id").error("must be lower-case words joined by hyphens, was " + id);
    }
    DataNode node = raw.relabel(raw.path() + "(" + id + ")").object(SCENARIO_FIELDS);
    Scenario.Builder b = Scenario.builder(id, node.field("specialty").plainText());

    DataNode ages = node.optional("ages");
    DataNode ageMonths = node.optional("ageMonths");
    if ((ages == null) == (ageMonths == null)) {
      throw node.error("give exactly one of \"ages\" (years) and \"ageMonths\"");
    }
    if (ages != null) {
      int[] years = ages.range(false);
      b.ageMonths(years[0] * 12, years[1] * 12 + 11);
    } else {
      int[] months = ageMonths.range(false);
      b.ageMonths(months[0], months[1]);
    }
    DataNode sex = node.optional("sex");
    if (sex != null) {
      b.onlySex(
          switch (sex.text()) {
            case "female" -> Sex.FEMALE;
            case "male" -> Sex.MALE;
            default -> throw sex.error("must be \"female\" or \"male\", was " + sex.text());
          });
    }
    Setting setting = Setting.EMERGENCY;
    DataNode settingNode = node.optional("setting");
    if (settingNode != null) {
      setting = setting(settingNode);
      b.setting(setting);
    }
    DataNode caregiver = node.optional("caregiverNotes");
    b.caregiver(caregiver != null && caregiver.bool());
    DataNode esi = node.optional("esi");
    if (esi != null) {
      int[] range = esi.range(false);
      b.esi(range[0], range[1]);
    }

    DataNode context = node.optional("context");
    if (context != null) {
      b.context(templates(context));
    }
    for (DataNode symptom : node.field("symptoms").elements(2)) {
      b.symptom(symptom.elements(1).stream().map(CatalogueReader::term).toArray(Term[]::new));
    }
    b.onsets(templates(node.field("onsets")));
    List<Template> negatives = new ArrayList<>();
    for (DataNode negative : node.field("negatives").elements(1)) {
      negatives.add(negative(negative, sharedNegatives));
    }
    b.negatives(negatives);
    b.history(templates(node.field("history")));
    DataNode vitals = node.optional("vitals");
    if (vitals != null) {
      vitals.object(VITAL_NAMES);
      readVitals(vitals, (index, range) -> b.vital(index, range[0], range[1]));
    }
    DataNode oxygen = node.optional("oxygen");
    if (oxygen != null) {
      b.oxygen(oxygen.template());
    }
    b.exam(templates(node.field("exam")));
    b.tests(templates(node.field("tests")));
    b.diagnoses(terms(node.field("diagnoses")));
    for (DataNode slot : node.field("meds").elements(1)) {
      b.medSlot(
          slot.isArray()
              ? slot.elements(1).stream().map(CatalogueReader::med).toArray(Med[]::new)
              : new Med[] {med(slot)});
    }
    b.interventions(terms(node.field("interventions")));
    b.nursing(templates(node.field("nursing")));
    b.outcomes(terms(node.field("outcomes")));
    b.dispositions(terms(node.field("dispositions")));
    DataNode followUps = node.optional("followUps");
    if (followUps != null) {
      b.followUps(templates(followUps));
    }
    DataNode escalations = node.optional("escalations");
    if (escalations != null) {
      b.escalations(templates(escalations));
    }
    try {
      return b.build(baselines, phrases.defaultEscalation(setting));
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage(), e);
    }
  }

  private static Setting setting(DataNode node) {
    String name = node.text();
    for (Setting setting : Setting.values()) {
      if (setting.name().toLowerCase(Locale.ROOT).equals(name)) {
        return setting;
      }
    }
    throw node.error("must be one of emergency, maternity, ward, home; was " + name);
  }

  /** A pattern, or {@code @name} for one of the shared negatives in {@code negatives.json}. */
  private static Template negative(DataNode node, Map<String, String> shared) {
    String text = node.text();
    if (!text.startsWith("@")) {
      return node.template();
    }
    String pattern = shared.get(text.substring(1));
    if (pattern == null) {
      throw node.error("names no shared negative in negatives.json; known: " + shared.keySet());
    }
    return Template.of(pattern);
  }

  /** A string (the same wording in note and summary) or {@code {note, summary?, lay?}}. */
  private static Term term(DataNode node) {
    if (node.isText()) {
      return new Term(node.template(), node.plainText(), false);
    }
    node.object(Set.of("note", "summary", "lay"));
    DataNode note = node.field("note");
    DataNode summary = node.optional("summary");
    DataNode lay = node.optional("lay");
    return new Term(
        note.template(),
        summary == null ? note.plainText() : summary.plainText(),
        lay != null && lay.bool());
  }

  private static Med med(DataNode node) {
    node.object(Set.of("name", "dose"));
    return new Med(node.field("name").plainText(), node.field("dose").template());
  }

  private static List<Term> terms(DataNode node) {
    return node.elements(1).stream().map(CatalogueReader::term).toList();
  }

  private static List<Template> templates(DataNode node) {
    return node.elements(1).stream().map(DataNode::template).toList();
  }

  private static String[] plain(DataNode node) {
    return node.elements(1).stream().map(DataNode::plainText).toArray(String[]::new);
  }
}
