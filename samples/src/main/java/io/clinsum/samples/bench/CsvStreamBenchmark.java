package io.clinsum.samples.bench;

import io.clinsum.core.dataset.DatasetOptions;
import io.clinsum.core.dataset.DatasetReader;
import io.clinsum.core.dataset.DatasetRecord;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Streams a CSV dataset through {@link DatasetReader} and prints rows/s, MB/s and peak heap. Run
 * with a small heap to show that memory does not grow with the file:
 *
 * <pre>
 * java -Xmx256m -cp samples/target/clinsum.jar io.clinsum.samples.bench.CsvStreamBenchmark big.csv
 * </pre>
 */
public final class CsvStreamBenchmark {
  private CsvStreamBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    double bytes = Files.size(file);
    double best = Double.MAX_VALUE;
    long rows = 0;
    long checksum = 0;
    for (int pass = 0; pass < passes; pass++) {
      long start = System.nanoTime();
      rows = 0;
      checksum = 0;
      try (DatasetReader reader = DatasetReader.open(file, DatasetOptions.defaults())) {
        while (reader.hasNext()) {
          DatasetRecord r = reader.next();
          rows++;
          checksum += r.note().length() + (r.summary() == null ? 0 : r.summary().length());
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      best = Math.min(best, seconds);
      System.out.printf(Locale.ROOT, "pass %d: %d rows in %.2f s%n", pass + 1, rows, seconds);
    }
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "csv_stream rows=%d bytes=%.0f best_s=%.3f rows_per_s=%.0f mb_per_s=%.1f max_heap_mb=%d"
            + " peak_heap_mb=%.1f checksum=%d%n",
        rows,
        bytes,
        best,
        rows / best,
        bytes / 1e6 / best,
        Runtime.getRuntime().maxMemory() >> 20,
        peakHeap / 1048576.0,
        checksum);
  }
}
