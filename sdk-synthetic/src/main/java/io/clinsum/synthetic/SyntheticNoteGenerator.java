package io.clinsum.synthetic;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.synthetic.internal.RecordSynthesizer;
import io.clinsum.synthetic.internal.ScenarioCatalogue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Generates synthetic nursing and caregiver notes with terse reference summaries, for demos, tests
 * and training a small summarization model. The notes are invented: no real patient is behind any
 * of them, so keep them apart from real data in reports.
 *
 * <p>Each record tells one of {@link #scenarioNames() dozens of clinical scenarios} (an anterior
 * STEMI, a COPD exacerbation, bronchiolitis...) across {@link #specialties() many specialties}, as
 * a nursing, caregiver, ED triage, progress, handoff (SBAR) or discharge note, with realistic
 * vitals, medications, times, negations, abbreviations and optional typos. Its summary only repeats
 * facts the note states, for example {@code "Chest pain, anterior STEMI, PCI."}. Some records carry
 * an instruction ({@code "Summarize the symptoms that the patient is experiencing."}); their
 * summary answers it. Metadata holds {@code specialty}, {@code scenario}, {@code note_type}, {@code
 * author_role}, {@code age} (whole years, {@code 0} for infants) and {@code sex}; ids read {@code
 * synth-<seed>-<n>}, counting from 0.
 *
 * <p>Output is a pure function of the seed, the settings and the record's position: the same seed
 * gives the same records, byte for byte, on every machine and in every default locale.
 *
 * <p>The scenarios, and the phrases notes share, are JSON data files in this module (under {@code
 * io/clinsum/synthetic/}, format in the module README), read on the first {@link Builder#build()},
 * {@link #specialties()} or {@link #scenarioNames()} call; nothing is read or computed when the
 * class loads.
 *
 * <pre>{@code
 * SyntheticNoteGenerator generator =
 *     SyntheticNoteGenerator.builder().seed(42).instructionRate(0.3).build();
 * List<DatasetRecord> training = generator.generate(5_000);
 * DatasetRecord one = generator.next(); // the record after those 5,000
 * }</pre>
 *
 * <p><b>Threads:</b> a generator is not thread-safe: confine each one to a thread (one generator
 * per thread, with different seeds for different data). The stream that {@link #stream(long)}
 * returns holds no shared state and may be made parallel.
 */
public final class SyntheticNoteGenerator {
  private final long seed;
  private final double instructionRate;
  private final double typoRate;
  private final Set<String> specialties;
  private final boolean phi;
  private final RecordSynthesizer synthesizer;
  private long position;

  private SyntheticNoteGenerator(
      long seed, double instructionRate, double typoRate, Set<String> specialties, boolean phi) {
    this.seed = seed;
    this.instructionRate = instructionRate;
    this.typoRate = typoRate;
    this.specialties = specialties;
    this.phi = phi;
    this.synthesizer =
        new RecordSynthesizer(
            ScenarioCatalogue.get(), seed, instructionRate, typoRate, specialties, phi);
  }

  /** A builder with every option unset (seed 0, all specialties, default rates). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The specialties scenarios belong to, in catalogue order ({@code cardiology}, ...).
   *
   * @throws ConfigurationException when a scenario data file is missing or malformed (a packaging
   *     error; the message names the file and field)
   */
  public static List<String> specialties() {
    return ScenarioCatalogue.get().specialties();
  }

  /**
   * The scenario names that {@code scenario} metadata takes ({@code anterior-stemi}, ...).
   *
   * @throws ConfigurationException when a scenario data file is missing or malformed
   */
  public static List<String> scenarioNames() {
    return ScenarioCatalogue.get().scenarioIds();
  }

  /** The next record. */
  public DatasetRecord next() {
    return synthesizer.record(position++);
  }

  /**
   * The next {@code count} records, generated lazily as the stream is consumed. The generator moves
   * past them at once: a later {@link #next()} returns the record after the last one.
   */
  public Stream<DatasetRecord> stream(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    long first = position;
    position += count;
    return LongStream.range(first, first + count).mapToObj(synthesizer::record);
  }

  /** The next {@code count} records, in a new mutable list. */
  public List<DatasetRecord> generate(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    List<DatasetRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(next());
    }
    return records;
  }

  /**
   * The next record with the PHI injected into its note and where each identifier is: the same
   * record {@link #next()} would have returned. The spans are empty unless the generator was built
   * with {@link Builder#phi(boolean) phi(true)}.
   */
  public LabelledNote nextLabelled() {
    RecordSynthesizer.Labelled l = synthesizer.labelled(position++);
    return new LabelledNote(l.record(), l.phi());
  }

  /**
   * The next {@code count} labelled records, in a new mutable list; see {@link #nextLabelled()}.
   */
  public List<LabelledNote> generateLabelled(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    List<LabelledNote> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(nextLabelled());
    }
    return out;
  }

  /** Whether notes carry injected, labelled PHI. */
  public boolean phi() {
    return phi;
  }

  /** Index of the record that {@link #next()} returns. */
  public long position() {
    return position;
  }

  /** The seed all records derive from. */
  public long seed() {
    return seed;
  }

  /** Share of records that carry an instruction. */
  public double instructionRate() {
    return instructionRate;
  }

  /** Chance that an eligible note word is misspelt. */
  public double typoRate() {
    return typoRate;
  }

  /** The specialties this generator draws from, in catalogue order. */
  public Set<String> selectedSpecialties() {
    return specialties;
  }

  /**
   * Builder for {@link SyntheticNoteGenerator}; unset values take the defaults in {@link #build()}.
   */
  public static final class Builder {
    private Long seed;
    private Double instructionRate;
    private Double typoRate;
    private Set<String> specialties;
    private Boolean phi;

    private Builder() {}

    /**
     * Whether to put invented PHI of every Safe Harbor category into the notes: a header with name,
     * record number and birth date, and two to five sentences with phone numbers (US and UK),
     * addresses, emails, URLs, IP addresses, dates in the common formats, ids, serials, ages over
     * 89. Default false. Turn it on to measure a {@link io.clinsum.core.deid.Deidentifier}; {@link
     * SyntheticNoteGenerator#nextLabelled()} gives the gold spans. The clinical content, summary
     * and instruction of each record stay as without it.
     */
    public Builder phi(boolean phi) {
      this.phi = phi;
      return this;
    }

    /** Seed of all randomness. Default 0. Change it to get a different data set. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Share of records that carry an instruction, from 0 to 1. Default 0.25. Raise it to train a
     * model that follows instructions; set 0 for plain {@code note,summary} pairs.
     */
    public Builder instructionRate(double instructionRate) {
      this.instructionRate = instructionRate;
      return this;
    }

    /**
     * Chance that a note word of five or more lower-case letters is misspelt, from 0 to 1. Default
     * 0.005 (about one typo in every second or third note). Summaries never get typos. Set 0 for
     * clean text.
     */
    public Builder typoRate(double typoRate) {
      this.typoRate = typoRate;
      return this;
    }

    /**
     * Specialties to draw scenarios from, out of {@link SyntheticNoteGenerator#specialties()}.
     * Default all. Narrow it for a specialty-specific demo or model.
     */
    public Builder specialties(Set<String> specialties) {
      this.specialties = specialties == null ? null : Set.copyOf(specialties);
      return this;
    }

    /**
     * Builds the generator.
     *
     * @throws ConfigurationException when a rate is outside 0..1 or a specialty is unknown or none
     *     is given
     */
    public SyntheticNoteGenerator build() {
      double instructions = rate("instructionRate", instructionRate, 0.25);
      double typos = rate("typoRate", typoRate, 0.005);
      List<String> known = SyntheticNoteGenerator.specialties();
      Set<String> selected = new LinkedHashSet<>();
      if (specialties == null) {
        selected.addAll(known);
      } else {
        List<String> unknown =
            specialties.stream().filter(name -> !known.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
          throw new ConfigurationException(
              "specialties: unknown " + unknown + "; choose from " + known);
        }
        known.stream().filter(specialties::contains).forEach(selected::add);
        if (selected.isEmpty()) {
          throw new ConfigurationException(
              "specialties: is empty; leave it unset for all, or choose from " + known);
        }
      }
      return new SyntheticNoteGenerator(
          seed == null ? 0L : seed,
          instructions,
          typos,
          Collections.unmodifiableSet(selected),
          phi != null && phi);
    }

    private static double rate(String name, Double value, double fallback) {
      if (value == null) {
        return fallback;
      }
      if (!(value >= 0 && value <= 1)) {
        throw new ConfigurationException(name + ": must be between 0 and 1, was " + value);
      }
      return value;
    }
  }
}
