package io.clinsum.ee.devserver;

import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.synthetic.SyntheticNoteGenerator;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the running application with {@code wrk} (loopback only): note import, on-demand
 * summarization ({@code extractive}, then {@code onnx} after a restart), and the review queue, each
 * for DURATION seconds at CONNECTIONS connections, RUNS times. After every run it forces a garbage
 * collection in WildFly and records the heap in use and PostgreSQL's connection count, so growth
 * across runs shows. Prints a Markdown table and writes it to {@code target/load/results.md}.
 *
 * <pre>
 * bench/load.sh [duration=60] [connections=32] [runs=3] [scenarios=import,extractive,queue,onnx]
 * </pre>
 */
public final class LoadTest {
  private static final int SEED_NOTES = 30_000;
  private static final int FRESH_NOTES = 200_000;
  private static final int ONNX_NOTES = 20_000;

  private LoadTest() {}

  record Result(
      String scenario,
      int run,
      double requestsPerSecond,
      String p50,
      String p99,
      long requests,
      long errors,
      long heapUsedMb,
      long dbConnections) {}

  public static void main(String[] args) throws Exception {
    int duration = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    java.util.Set<String> only =
        args.length > 3
            ? java.util.Set.of(args[3].split(","))
            : java.util.Set.of("import", "extractive", "queue", "onnx");
    Path scripts = scripts();
    List<Result> results = new ArrayList<>();
    try (LocalServer server =
        LocalServer.builder()
            .systemProperty("clinsum.demo-users", "true")
            .systemProperty("clinsum.backend", "extractive")
            .build()) {
      server.start();
      HttpClient http = HttpClient.newHttpClient();
      long[] range = seed(server, http);
      // The last ONNX_NOTES fresh notes are kept for the onnx runs: the extractive runs would
      // otherwise use up the range and leave the onnx runs only stored answers to return.
      long onnxFrom = range[1] - ONNX_NOTES + 1;
      Map<String, String> env = range(range[0], onnxFrom - 1);
      Map<String, String> onnxEnv = range(onnxFrom, range[1]);
      String[][] scenarios = {
        {"import", "import (10 notes/request)", "import.lua"},
        {"extractive", "summarize now, extractive", "summarize.lua"},
        {"queue", "review queue (50/page)", "queue.lua"}
      };
      for (String[] sc : scenarios) {
        for (int run = 1; run <= runs && only.contains(sc[0]); run++) {
          results.add(wrk(server, sc[1], scripts.resolve(sc[2]), duration, connections, run, env));
        }
      }
      if (only.contains("onnx")) {
        server.stopServer();
        server.startServer(Map.of("clinsum.backend", "onnx"));
        for (int run = 1; run <= runs; run++) {
          results.add(
              wrk(
                  server,
                  "summarize now, onnx",
                  scripts.resolve("summarize.lua"),
                  duration,
                  connections,
                  run,
                  onnxEnv));
        }
      }
    }
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT, "%d s per run, %d connections, wrk 2 threads%n%n", duration, connections));
    md.append(
        "| scenario | run | requests/s | p50 | p99 | requests | errors | heap after GC (MB) | DB connections |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %s | %s | %d | %d | %d | %d |%n",
              r.scenario(),
              r.run(),
              r.requestsPerSecond(),
              r.p50(),
              r.p99(),
              r.requests(),
              r.errors(),
              r.heapUsedMb(),
              r.dbConnections()));
    }
    Path out = Path.of("target", "load", "results.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
    System.out.println(md);
    long errors = results.stream().mapToLong(Result::errors).sum();
    System.out.println("load total_errors=" + errors);
  }

  /**
   * The wrk scripts: {@code clinsum.load.scripts}, else {@code bench/load} from the repository
   * root.
   */
  private static Path scripts() {
    String configured = System.getProperty("clinsum.load.scripts");
    for (Path candidate :
        configured != null
            ? List.of(Path.of(configured))
            : List.of(Path.of("bench", "load"), Path.of("..", "..", "bench", "load"))) {
      if (Files.isRegularFile(candidate.resolve("import.lua"))) {
        try {
          return candidate.toRealPath();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException(
        "bench/load/*.lua not found; run from the repository root or set -Dclinsum.load.scripts");
  }

  private static Map<String, String> range(long first, long last) {
    return Map.of(
        "CLINSUM_FIRST_NOTE", Long.toString(first),
        "CLINSUM_LAST_NOTE", Long.toString(last),
        "CLINSUM_THREADS", "2");
  }

  /** Imports notes: some summarized (the review queue), the rest left for on-demand requests. */
  private static long[] seed(LocalServer server, HttpClient http) throws Exception {
    Path csv = Files.createTempFile("clinsum-load", ".csv");
    SyntheticNoteGenerator generator = SyntheticNoteGenerator.builder().seed(3).build();
    try (BufferedWriter w = Files.newBufferedWriter(csv)) {
      w.write("patient_id,note_type,note\n");
      Iterator<DatasetRecord> it = generator.stream(SEED_NOTES + FRESH_NOTES).iterator();
      for (int i = 0; i < SEED_NOTES + FRESH_NOTES; i++) {
        String note = (it.next().note() + " [" + i + "]").replace("\"", "\"\"");
        w.write("SEED-" + (i % 40_000) + ",progress,\"" + note + "\"\n");
      }
    }
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/notes/import?mode=valid"))
                .header("Authorization", basic("clinician"))
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(csv))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Files.delete(csv);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("seeding failed: " + r.statusCode() + " " + r.body());
    }
    long first;
    long last;
    try (Connection c = server.openJdbcConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT min(id), max(id) FROM note")) {
      rs.next();
      first = rs.getLong(1);
      last = rs.getLong(2);
    }
    // Summarize about SEED_NOTES with the batch job, for the review queue.
    long freshFrom = first + SEED_NOTES;
    HttpResponse<String> job =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/api/jobs/summarize?chunkSize=64"))
                .header("Authorization", basic("admin"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(job.body());
    if (!m.find()) {
      throw new IllegalStateException("no job: " + job.body());
    }
    long jobId = Long.parseLong(m.group(1));
    // Stop it once the seed notes are summarized: the rest stay fresh for on-demand requests.
    while (true) {
      Thread.sleep(1000);
      try (Connection c = server.openJdbcConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM summary")) {
        rs.next();
        if (rs.getLong(1) >= SEED_NOTES) {
          break;
        }
      }
    }
    http.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/jobs/" + jobId + "/stop"))
            .header("Authorization", basic("admin"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
    Thread.sleep(3000);
    try (Connection c = server.openJdbcConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(note_id), 0) FROM summary")) {
      rs.next();
      freshFrom = Math.max(freshFrom, rs.getLong(1) + 1);
    }
    System.out.printf("seeded notes %d..%d, fresh from %d%n", first, last, freshFrom);
    return new long[] {freshFrom, last};
  }

  private static Result wrk(
      LocalServer server,
      String scenario,
      Path script,
      int duration,
      int connections,
      int run,
      Map<String, String> env)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + duration + "s",
                "--timeout",
                "30s",
                "--latency",
                "-s",
                script.toString(),
                "http://127.0.0.1:" + server.ports().httpPort())
            .redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    System.out.println("== " + scenario + ", run " + run + "\n" + out);
    double rps = number(out, "Requests/sec:\\s+([0-9.]+)");
    long requests = (long) number(out, "(\\d+) requests in");
    long errors = (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)");
    Matcher socket =
        Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
            .matcher(out);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    String p50 = text(out, "\\s50%\\s+(\\S+)");
    String p99 = text(out, "\\s99%\\s+(\\S+)");
    server.executeCli("/core-service=platform-mbean/type=memory:gc");
    String heap =
        server.executeCli(
            "/core-service=platform-mbean/type=memory:read-attribute(name=heap-memory-usage)");
    long used = (long) number(heap, "\"used\" => (\\d+)L") / (1024 * 1024);
    long db;
    try (Connection c = server.openJdbcConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) - 1 FROM pg_stat_activity WHERE datname = current_database()")) {
      rs.next();
      db = rs.getLong(1);
    }
    Result r = new Result(scenario, run, rps, p50, p99, requests, errors, used, db);
    System.out.println(r);
    return r;
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static String text(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : "?";
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
