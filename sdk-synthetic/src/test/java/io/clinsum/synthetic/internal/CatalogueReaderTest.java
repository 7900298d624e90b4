package io.clinsum.synthetic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.dataset.DatasetRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogueReaderTest {
  private static final String BASE = ScenarioCatalogue.BASE;
  private static final String SCENARIO_FILE = BASE + "scenarios/test.json";

  /** The smallest complete scenario, as a data file; tests break one thing in it at a time. */
  private static final String STORY =
      """
      {"scenarios": [{
        "id": "test-story", "specialty": "testing", "ages": [20, 30],
        "symptoms": [["cough"], ["fever", {"note": "feeling hot", "lay": true}]],
        "onsets": ["for {1..3} days"],
        "negatives": ["@sob"],
        "history": ["HTN"],
        "vitals": {"temp": [37.0, 37.5]},
        "exam": ["chest clear"],
        "tests": ["CRP {5..20}"],
        "diagnoses": ["viral URTI"],
        "meds": [
          {"name": "paracetamol", "dose": "1 g PO"},
          [{"name": "ibuprofen", "dose": "400 mg PO"}, {"name": "naproxen", "dose": "250 mg PO"}]
        ],
        "interventions": [{"note": "advised rest and fluids", "summary": "rest and fluids"}],
        "nursing": ["obs done"],
        "outcomes": ["improved"],
        "dispositions": ["discharged home"]
      }]}
      """;

  private final Map<String, String> files = new HashMap<>();

  @BeforeEach
  void shippedSharedFilesAndOneTestScenario() {
    for (String name :
        List.of("negatives.json", "vital-ranges.json", "phrases.json", "instructions.json")) {
      files.put(name, shipped(name));
    }
    files.put("catalogue.json", "{\"scenarioFiles\": [\"scenarios/test.json\"]}");
    files.put("scenarios/test.json", STORY);
  }

  @Test
  void read_shippedData_everyScenarioInCatalogueOrder() {
    ScenarioCatalogue catalogue =
        new CatalogueReader(BASE, CatalogueReaderTest::shippedStream).read();

    assertThat(catalogue.scenarioIds())
        .hasSizeGreaterThanOrEqualTo(40)
        .startsWith("anterior-stemi");
    assertThat(catalogue.specialties()).startsWith("cardiology", "pulmonology");
  }

  @Test
  void read_smallestStory_generatesFromIt() {
    ScenarioCatalogue catalogue = read();
    RecordSynthesizer synthesizer =
        new RecordSynthesizer(catalogue, 1, 0.5, 0, Set.of("testing"), false);

    DatasetRecord record = synthesizer.record(0);

    assertThat(catalogue.scenarioIds()).containsExactly("test-story");
    assertThat(record.metadata()).containsEntry("scenario", "test-story");
    assertThat(record.note()).containsIgnoringCase("cough");
    assertThat(Integer.parseInt(record.metadata().get("age"))).isBetween(20, 30);
  }

  @Test
  void read_notJson_namesFileAndLine() {
    files.put("scenarios/test.json", "{\"scenarios\": [\n  {\"id\": \"x\",,}\n]}");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(SCENARIO_FILE)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("line 2");
  }

  @Test
  void read_missingFile_namesIt() {
    files.remove("phrases.json");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(BASE + "phrases.json")
        .hasMessageContaining("missing from the class path");
  }

  @Test
  void read_unknownField_namesScenarioAndField() {
    breakStory("\"onsets\"", "\"onset\"");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(SCENARIO_FILE)
        .hasMessageContaining("scenarios[0](test-story)")
        .hasMessageContaining("unknown field(s) [onset]");
  }

  @Test
  void read_missingRequiredField_namesIt() {
    breakStory("\"tests\": [\"CRP {5..20}\"],", "");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("scenarios[0](test-story)")
        .hasMessageContaining("missing required field \"tests\"");
  }

  @Test
  void read_malformedTemplate_namesElement() {
    breakStory("for {1..3} days", "for {1..3 days");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("field scenarios[0](test-story).onsets[0]")
        .hasMessageContaining("Unbalanced '{'");
  }

  @Test
  void read_invertedVitalRange_namesVital() {
    breakStory("\"temp\": [37.0, 37.5]", "\"temp\": [37.5, 37.0]");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("field scenarios[0](test-story).vitals.temp")
        .hasMessageContaining("low must not exceed high");
  }

  @Test
  void read_vitalWithHundredths_refused() {
    breakStory("\"temp\": [37.0, 37.5]", "\"temp\": [37.05, 37.5]");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("vitals.temp[0]")
        .hasMessageContaining("at most one decimal");
  }

  @Test
  void read_feverDeniedWithFebrileRange_refused() {
    breakStory("\"@sob\"", "\"@fever\"");
    breakStory("\"temp\": [37.0, 37.5]", "\"temp\": [38.0, 39.5]");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("scenarios[0](test-story)")
        .hasMessageContaining("no fever denial with a febrile range");
  }

  @Test
  void read_unknownSharedNegative_listsKnownOnes() {
    breakStory("\"@sob\"", "\"@breathless\"");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("negatives[0]")
        .hasMessageContaining("names no shared negative")
        .hasMessageContaining("sob");
  }

  @Test
  void read_oneSymptom_needsTwo() {
    breakStory(
        "[[\"cough\"], [\"fever\", {\"note\": \"feeling hot\", \"lay\": true}]]", "[[\"cough\"]]");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("field scenarios[0](test-story).symptoms")
        .hasMessageContaining("at least 2");
  }

  @Test
  void read_choicesInASummary_refused() {
    breakStory("\"summary\": \"rest and fluids\"", "\"summary\": \"{rest|fluids}\"");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("interventions[0].summary")
        .hasMessageContaining("plain text");
  }

  @Test
  void read_wardStoryWithoutContext_refused() {
    breakStory("\"ages\": [20, 30],", "\"ages\": [20, 30], \"setting\": \"ward\",");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("scenarios[0](test-story)")
        .hasMessageContaining("needs a context");
  }

  @Test
  void read_unknownSetting_listsSettings() {
    breakStory("\"ages\": [20, 30],", "\"ages\": [20, 30], \"setting\": \"clinic\",");

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("scenarios[0](test-story).setting")
        .hasMessageContaining("emergency, maternity, ward, home");
  }

  @Test
  void read_sameIdInTwoFiles_namesTheFirst() {
    files.put(
        "catalogue.json",
        "{\"scenarioFiles\": [\"scenarios/test.json\", \"scenarios/again.json\"]}");
    files.put("scenarios/again.json", STORY);

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(BASE + "scenarios/again.json")
        .hasMessageContaining("test-story is already used in " + SCENARIO_FILE);
  }

  @Test
  void read_childBracketsNotEndingAtSixteen_refused() {
    files.put(
        "vital-ranges.json",
        files.get("vital-ranges.json").replace("\"underMonths\": 192", "\"underMonths\": 180"));

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(BASE + "vital-ranges.json")
        .hasMessageContaining("children[2].underMonths")
        .hasMessageContaining("192");
  }

  @Test
  void read_misspellingThatNeverApplies_refused() {
    files.put(
        "phrases.json",
        files.get("phrases.json").replace("\"given\": \"givne\"", "\"SpO2\": \"SpO\""));

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("misspellings.SpO2")
        .hasMessageContaining("never used");
  }

  @Test
  void read_instructionWeightZero_refused() {
    files.put(
        "instructions.json",
        files.get("instructions.json").replace("\"weight\": 10", "\"weight\": 0"));

    assertThatThrownBy(this::read)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(BASE + "instructions.json")
        .hasMessageContaining("weight")
        .hasMessageContaining("at least 1");
  }

  private void breakStory(String from, String to) {
    String story = files.get("scenarios/test.json");
    assertThat(story).as("test scenario").contains(from);
    files.put("scenarios/test.json", story.replace(from, to));
  }

  private ScenarioCatalogue read() {
    return new CatalogueReader(
            BASE,
            name -> {
              String text = files.get(name);
              return text == null
                  ? null
                  : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            })
        .read();
  }

  private static InputStream shippedStream(String name) {
    return CatalogueReaderTest.class.getResourceAsStream("/" + BASE + name);
  }

  private static String shipped(String name) {
    try (InputStream in = shippedStream(name)) {
      assertThat(in).as("shipped data file %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
