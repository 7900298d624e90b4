package io.clinsum.core.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deterministic train/validation/test split. Each record goes to a part chosen by a seeded hash of
 * its note text, so the same seed always gives the same split, whatever the order of the rows, and
 * duplicate notes never straddle train and test. Part sizes follow the fractions up to sampling
 * noise (about ±1% of the rows at 10,000 rows).
 *
 * <pre>{@code
 * DatasetSplitter splitter = DatasetSplitter.builder().seed(42).validation(0.1).test(0.1).build();
 * Map<DatasetSplitter.Part, Long> sizes =
 *     splitter.split(Path.of("all.csv"), DatasetOptions.defaults(), Path.of("out"));
 * }</pre>
 */
public final class DatasetSplitter {
  /** The parts of a split. */
  public enum Part {
    TRAIN,
    VALIDATION,
    TEST;

    /** The file base name: {@code train}, {@code validation}, {@code test}. */
    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final long seed;
  private final double validation;
  private final double test;

  private DatasetSplitter(Builder b) {
    this.seed = b.seed;
    this.validation = b.validation;
    this.test = b.test;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The part {@code record} belongs to. */
  public Part assign(DatasetRecord record) {
    double u = (mix(NoteHash.of(record.note()) ^ mix(seed)) >>> 11) * 0x1.0p-53;
    if (u < test) {
      return Part.TEST;
    }
    if (u < test + validation) {
      return Part.VALIDATION;
    }
    return Part.TRAIN;
  }

  /**
   * Splits a file into {@code train}, {@code validation} and {@code test} files of the same format
   * in {@code outDir}, streaming.
   *
   * @return the number of records in each part
   */
  public Map<Part, Long> split(Path input, DatasetOptions options, Path outDir) {
    DatasetFormat format = DatasetFormat.of(input);
    String ext = format == DatasetFormat.CSV ? ".csv" : ".jsonl";
    Map<Part, Long> counts = new EnumMap<>(Part.class);
    Map<Part, DatasetWriter> writers = new EnumMap<>(Part.class);
    try (DatasetReader reader = DatasetReader.open(input, format, options)) {
      List<String> columns = null;
      while (reader.hasNext()) {
        DatasetRecord r = reader.next();
        if (columns == null) {
          columns = columnsOf(r);
          for (Part p : Part.values()) {
            writers.put(
                p,
                DatasetWriter.open(
                    outDir.resolve(p.fileName() + ext),
                    format == DatasetFormat.CSV ? DatasetFormat.CSV : DatasetFormat.JSONL,
                    columns,
                    false));
            counts.put(p, 0L);
          }
        }
        Part p = assign(r);
        writers.get(p).write(r);
        counts.merge(p, 1L, Long::sum);
      }
    } catch (RuntimeException e) {
      writers.values().forEach(DatasetWriter::abort);
      throw e;
    }
    writers.values().forEach(DatasetWriter::close);
    return counts;
  }

  /** Columns that keep every field of {@code r}: id, note, summary, instruction, metadata. */
  public static List<String> columnsOf(DatasetRecord r) {
    List<String> columns = new ArrayList<>(List.of("id", "note"));
    if (r.summary() != null) {
      columns.add("summary");
    }
    if (r.instruction() != null) {
      columns.add("instruction");
    }
    columns.addAll(r.metadata().keySet());
    return columns;
  }

  /** SplitMix64 finaliser: spreads nearby hashes over the whole range. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Builder for {@link DatasetSplitter}: seed 42, 10% validation, 10% test by default. */
  public static final class Builder {
    private long seed = 42;
    private double validation = 0.1;
    private double test = 0.1;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Fraction of records for validation, 0 to 1. */
    public Builder validation(double validation) {
      this.validation = validation;
      return this;
    }

    /** Fraction of records for test, 0 to 1. */
    public Builder test(double test) {
      this.test = test;
      return this;
    }

    public DatasetSplitter build() {
      if (validation < 0 || test < 0 || validation + test >= 1) {
        throw new IllegalArgumentException(
            "validation ("
                + validation
                + ") and test ("
                + test
                + ") must be non-negative and leave some records for training");
      }
      return new DatasetSplitter(this);
    }
  }
}
