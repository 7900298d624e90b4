package io.clinsum.ee.devserver;

import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.synthetic.SyntheticNoteGenerator;
import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import org.postgresql.PGConnection;

/**
 * Bulk import speed: POSTs a CSV of synthetic notes to {@code /api/notes/import} on a local server
 * and, side by side, loads the same file with PostgreSQL's own {@code COPY} into a bare table (the
 * floor no importer that validates and deduplicates can beat).
 *
 * <p>Usage: {@code ImportBenchmark [rows] [runs]}; prints {@code key=value} lines.
 */
public final class ImportBenchmark {
  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    try (LocalServer server =
        LocalServer.builder().systemProperty("clinsum.demo-users", "true").build()) {
      server.start();
      Path csv = Files.createTempFile("clinsum-import-bench", ".csv");
      long bytes = writeCsv(csv, rows);
      System.out.printf("rows=%d bytes=%d%n", rows, bytes);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("clinician:clinician".getBytes(StandardCharsets.UTF_8));
      double bestApi = Double.MAX_VALUE;
      double bestCopy = Double.MAX_VALUE;
      for (int run = 0; run < runs; run++) {
        try (Connection c = server.openJdbcConnection();
            Statement s = c.createStatement()) {
          // Every run imports new notes: clear the previous run's.
          s.execute("TRUNCATE summary_revision, summary, note, patient, job_error CASCADE");
        }
        long t0 = System.nanoTime();
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/notes/import?mode=valid"))
                    .header("Authorization", auth)
                    .header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.ofFile(csv))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        double apiSeconds = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 200 || !r.body().contains("\"inserted\":" + rows)) {
          throw new IllegalStateException("Import failed: " + r.statusCode() + " " + r.body());
        }
        bestApi = Math.min(bestApi, apiSeconds);

        try (Connection c = server.openJdbcConnection();
            Statement s = c.createStatement()) {
          s.execute("DROP TABLE IF EXISTS bench_copy");
          s.execute(
              "CREATE UNLOGGED TABLE bench_copy (patient_id text, note_type text, author_role text,"
                  + " recorded_at timestamptz, text text)");
          long t1 = System.nanoTime();
          try (Reader in = Files.newBufferedReader(csv)) {
            c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY bench_copy FROM STDIN (FORMAT csv, HEADER true)", in);
          }
          bestCopy = Math.min(bestCopy, (System.nanoTime() - t1) / 1e9);
          s.execute("DROP TABLE bench_copy");
        }
        System.out.printf(
            "run=%d api_s=%.3f api_notes_per_s=%.0f%n", run + 1, apiSeconds, rows / apiSeconds);
      }
      System.out.printf(
          "import clinsum_api_notes_per_s=%.0f postgres_copy_rows_per_s=%.0f ratio_vs_copy=%.2f%n",
          rows / bestApi, rows / bestCopy, bestCopy / bestApi);
      Files.delete(csv);
    }
  }

  private static long writeCsv(Path csv, int rows) throws Exception {
    SyntheticNoteGenerator generator = SyntheticNoteGenerator.builder().seed(7).build();
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("patient_id,note_type,author_role,recorded_at,note\n");
      Iterator<DatasetRecord> it = generator.stream(rows).iterator();
      for (int i = 0; i < rows; i++) {
        DatasetRecord r = it.next();
        w.write("P-" + (i % 20_000));
        w.write(",discharge,physician,2024-01-");
        w.write(String.format("%02d", 1 + i % 28));
        w.write("T08:00:00Z,\"");
        // Unique per row: the importer skips a patient's repeated text as a duplicate.
        w.write((r.note() + " [" + i + "]").replace("\"", "\"\""));
        w.write("\"\n");
      }
    }
    return Files.size(csv);
  }
}
