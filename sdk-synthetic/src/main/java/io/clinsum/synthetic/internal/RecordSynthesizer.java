package io.clinsum.synthetic.internal;

import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.deid.PhiSpan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns a record index into a synthetic {@link DatasetRecord}: a pure function of the seed, the
 * settings and the index, so records can be made in any order or in parallel.
 *
 * <p>Each record draws from its own random stream, split into independent streams for content,
 * instruction and typos; changing the typo or instruction rate therefore leaves the clinical
 * content of every note unchanged.
 */
public final class RecordSynthesizer {
  private final long seed;
  private final double instructionRate;
  private final double typoRate;
  private final Scenario[] scenarios;
  private final Phrases phrases;
  private final Instructions instructions;
  private final boolean phi;

  /** A record and the PHI injected into its note (empty when PHI injection is off). */
  public record Labelled(DatasetRecord record, List<PhiSpan> phi) {}

  /**
   * @param catalogue the scenarios and phrases to draw from
   * @param specialties the specialties to draw scenarios from; all must be known and at least one
   *     given
   */
  public RecordSynthesizer(
      ScenarioCatalogue catalogue,
      long seed,
      double instructionRate,
      double typoRate,
      Set<String> specialties,
      boolean phi) {
    List<Scenario> pool = catalogue.of(specialties);
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("no scenario has any of the specialties " + specialties);
    }
    this.seed = seed;
    this.instructionRate = instructionRate;
    this.typoRate = typoRate;
    this.scenarios = pool.toArray(new Scenario[0]);
    this.phrases = catalogue.phrases;
    this.instructions = catalogue.instructions;
    this.phi = phi;
  }

  /** The record at {@code index}. */
  public DatasetRecord record(long index) {
    return labelled(index).record();
  }

  /** The record at {@code index} with its injected PHI. */
  public Labelled labelled(long index) {
    SplittableRandom root = new SplittableRandom(mix(seed, index));
    SplittableRandom content = root.split();
    SplittableRandom instructionRng = root.split();
    SplittableRandom typoRng = root.split();
    SplittableRandom phiRng = root.split(); // split last: turning PHI on changes no other stream

    Scenario scenario = scenarios[content.nextInt(scenarios.length)];
    NoteType type = scenario.noteTypes[content.nextInt(scenario.noteTypes.length)];
    PatientCase patient = new PatientCase(scenario, type, phrases, content);
    Facts facts = new Facts();
    NoteComposer.Written note = NoteComposer.write(patient, phrases, content, facts);

    String instruction = null;
    InstructionKind kind = InstructionKind.ONE_LINE;
    if (instructionRng.nextDouble() < instructionRate) {
      kind = instructions.draw(facts, instructionRng);
      instruction = instructions.phrase(kind, instructionRng);
    }
    String summary = SummaryComposer.summarize(kind, facts, content);

    Map<String, String> metadata = new LinkedHashMap<>(8);
    metadata.put("specialty", scenario.specialty);
    metadata.put("scenario", scenario.id);
    metadata.put("note_type", note.noteType());
    metadata.put("author_role", note.authorRole());
    metadata.put("age", Integer.toString(patient.ageYears()));
    metadata.put("sex", patient.sex.label);
    String text = TypoInjector.inject(note.text(), typoRate, phrases.misspellings, typoRng);
    List<PhiSpan> spans = List.of();
    if (phi) {
      PhiInjector.Injected injected = PhiInjector.get().inject(text, patient.ageYears(), phiRng);
      text = injected.text();
      spans = injected.spans();
    }
    DatasetRecord record =
        new DatasetRecord("synth-" + seed + "-" + index, text, summary, instruction, metadata);
    return new Labelled(record, spans);
  }

  /**
   * SplitMix64 finaliser over the seed and index, so neighbouring indices get unrelated streams.
   */
  private static long mix(long seed, long index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
