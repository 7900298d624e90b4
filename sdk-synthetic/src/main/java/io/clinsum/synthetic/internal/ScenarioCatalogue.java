package io.clinsum.synthetic.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every scenario the generator knows, in a fixed order, built once on first use. */
public final class ScenarioCatalogue {

  private ScenarioCatalogue() {}

  private static final class Holder {
    static final List<Scenario> ALL = build();
    static final List<String> SPECIALTIES = specialtiesOf(ALL);
    static final List<String> IDS = ALL.stream().map(s -> s.id).toList();
  }

  private static List<Scenario> build() {
    List<Scenario> all = new ArrayList<>();
    all.addAll(CardiorespiratoryScenarios.all());
    all.addAll(MedicalScenarios.all());
    all.addAll(GastroEndocrineScenarios.all());
    all.addAll(SurgicalScenarios.all());
    all.addAll(MaternalChildScenarios.all());
    all.addAll(MindAndAgeingScenarios.all());
    all.addAll(CancerBloodScenarios.all());
    Set<String> ids = new LinkedHashSet<>();
    for (Scenario scenario : all) {
      if (!ids.add(scenario.id)) {
        throw new IllegalStateException("Duplicate scenario id " + scenario.id);
      }
    }
    return List.copyOf(all);
  }

  private static List<String> specialtiesOf(List<Scenario> scenarios) {
    Set<String> specialties = new LinkedHashSet<>();
    for (Scenario scenario : scenarios) {
      specialties.add(scenario.specialty);
    }
    return List.copyOf(specialties);
  }

  /** Specialty names in catalogue order ({@code cardiology}, {@code pulmonology}, ...). */
  public static List<String> specialties() {
    return Holder.SPECIALTIES;
  }

  /** Scenario ids in catalogue order ({@code anterior-stemi}, ...). */
  public static List<String> scenarioIds() {
    return Holder.IDS;
  }

  /** Scenarios of the given specialties, in catalogue order. */
  static List<Scenario> of(Set<String> specialties) {
    return Holder.ALL.stream().filter(s -> specialties.contains(s.specialty)).toList();
  }
}
