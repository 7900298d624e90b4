package io.clinsum.samples.bench;

import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.synthetic.SyntheticNoteGenerator;
import java.util.Locale;

/**
 * Measures how fast {@link SyntheticNoteGenerator} makes records on one thread and prints records/s
 * and MB/s (UTF-8 bytes of note, summary and instruction), after a warm-up:
 *
 * <pre>
 * java -cp samples/target/clinsum.jar io.clinsum.samples.bench.SynthBenchmark [records] [seed]
 * </pre>
 *
 * <p>Defaults: 200,000 records, seed 42. Each pass uses a fresh generator with the same seed, so
 * every pass makes the same records; the best pass is reported.
 */
public final class SynthBenchmark {
  private static final int WARM_UP_PASSES = 2;
  private static final int MEASURED_PASSES = 3;

  private SynthBenchmark() {}

  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;

    for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
      run(seed, records);
    }
    Pass best = null;
    for (int pass = 0; pass < MEASURED_PASSES; pass++) {
      Pass measured = run(seed, records);
      if (best == null || measured.nanos < best.nanos) {
        best = measured;
      }
    }
    double seconds = best.nanos / 1e9;
    System.out.println(
        String.format(
            Locale.ROOT,
            "synthetic notes: %,d records in %.3f s = %,.0f records/s, %.1f MB/s"
                + " (%,d bytes, avg note %d bytes, best of %d passes after %d warm-up)",
            records,
            seconds,
            records / seconds,
            best.bytes / seconds / 1e6,
            best.bytes,
            best.noteBytes / Math.max(1, records),
            MEASURED_PASSES,
            WARM_UP_PASSES));
  }

  private static Pass run(long seed, int records) {
    SyntheticNoteGenerator generator = SyntheticNoteGenerator.builder().seed(seed).build();
    long start = System.nanoTime();
    long bytes = 0;
    long noteBytes = 0;
    for (int i = 0; i < records; i++) {
      DatasetRecord record = generator.next();
      int note = utf8Length(record.note());
      noteBytes += note;
      bytes += note + utf8Length(record.summary());
      if (record.instruction() != null) {
        bytes += utf8Length(record.instruction());
      }
    }
    return new Pass(System.nanoTime() - start, bytes, noteBytes);
  }

  /** UTF-8 length without encoding the string. */
  private static int utf8Length(String text) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < 0x80) {
        length++;
      } else if (ch < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(ch)) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }

  private record Pass(long nanos, long bytes, long noteBytes) {}
}
