package io.clinsum.synthetic.internal;

import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every scenario the generator knows, in a fixed order, with the phrases and instructions notes
 * share: the data files under {@value #BASE} on the class path, read on first use.
 */
public final class ScenarioCatalogue {
  /** Folder of the data files on the class path. */
  static final String BASE = "io/clinsum/synthetic/";

  private static final Object LOCK = new Object();
  private static volatile ScenarioCatalogue loaded;

  private final List<Scenario> scenarios;
  private final List<String> specialties;
  private final List<String> ids;
  final Phrases phrases;
  final Instructions instructions;

  ScenarioCatalogue(List<Scenario> scenarios, Phrases phrases, Instructions instructions) {
    this.scenarios = List.copyOf(scenarios);
    Set<String> names = new LinkedHashSet<>();
    for (Scenario scenario : scenarios) {
      names.add(scenario.specialty);
    }
    this.specialties = List.copyOf(names);
    this.ids = scenarios.stream().map(s -> s.id).toList();
    this.phrases = phrases;
    this.instructions = instructions;
  }

  /**
   * The catalogue, read from the class path on the first call and kept.
   *
   * @throws io.clinsum.core.ConfigurationException when a data file is missing or malformed; the
   *     message names the file and field
   */
  public static ScenarioCatalogue get() {
    ScenarioCatalogue catalogue = loaded;
    if (catalogue == null) {
      synchronized (LOCK) {
        catalogue = loaded;
        if (catalogue == null) {
          catalogue = new CatalogueReader(BASE, ScenarioCatalogue::open).read();
          loaded = catalogue;
        }
      }
    }
    return catalogue;
  }

  private static InputStream open(String name) {
    return ScenarioCatalogue.class.getResourceAsStream("/" + BASE + name);
  }

  /** Specialty names in catalogue order ({@code cardiology}, {@code pulmonology}, ...). */
  public List<String> specialties() {
    return specialties;
  }

  /** Scenario ids in catalogue order ({@code anterior-stemi}, ...). */
  public List<String> scenarioIds() {
    return ids;
  }

  /** Scenarios of the given specialties, in catalogue order. */
  List<Scenario> of(Set<String> wanted) {
    return scenarios.stream().filter(s -> wanted.contains(s.specialty)).toList();
  }
}
