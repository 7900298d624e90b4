package io.clinsum.ee.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

/**
 * Starts ClinSum locally with demo users and the bundled synthetic notes, and keeps it running
 * until Ctrl-C. Run it with {@code ./clinsum-server} from the repository root.
 *
 * <p>System properties: those of {@link LocalServer}, plus {@code clinsum.samples.csv} (the notes
 * to import; default {@code samples/data/ward-notes.csv}) and {@code clinsum.backend} (the
 * summarizer backend the server uses; default {@code extractive}).
 */
public final class DevServer {

  private static final String SAMPLES_PROPERTY = "clinsum.samples.csv";

  private DevServer() {}

  public static void main(String[] args) throws InterruptedException {
    LocalServer server =
        LocalServer.builder()
            .systemProperty("clinsum.demo-users", "true")
            .systemProperty("clinsum.backend", System.getProperty("clinsum.backend", "extractive"))
            .build();
    System.out.println(
        "Starting PostgreSQL, WildFly and the EAR (about 15 s; 30 s on a first run)...");
    // LocalServer's shutdown hook stops WildFly and PostgreSQL on Ctrl-C.
    server.start();
    importSamples(
        server, Path.of(System.getProperty(SAMPLES_PROPERTY, "samples/data/ward-notes.csv")));
    System.out.printf(
        "%nClinSum is running at %s/%n"
            + "  Demo users (user/password): admin/admin, reviewer/reviewer, clinician/clinician%n"
            + "  Database: %s (user postgres)%n"
            + "  Server log: %s%n"
            + "Press Ctrl-C to stop.%n",
        server.baseUrl(), server.jdbcUrl(), server.serverLogFile());
    new CountDownLatch(1).await();
  }

  /** Imports the sample notes as the demo clinician; warns instead of failing. */
  private static void importSamples(LocalServer server, Path csv) {
    if (!Files.isRegularFile(csv)) {
      System.err.printf(
          "WARNING: no sample notes imported: %s not found (-D%s=...)%n", csv, SAMPLES_PROPERTY);
      return;
    }
    URI uri = URI.create(server.baseUrl() + "/api/notes/import?format=csv&mode=valid");
    String credentials =
        Base64.getEncoder().encodeToString("clinician:clinician".getBytes(StandardCharsets.UTF_8));
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofMinutes(5))
              .header("Authorization", "Basic " + credentials)
              .header("Content-Type", "text/csv; charset=UTF-8")
              .POST(HttpRequest.BodyPublishers.ofFile(csv))
              .build();
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        // The report is JSON; its counters are enough here (no JSON library in this module).
        System.out.printf(
            "Imported %s: %s notes stored, %s rows rejected%n",
            csv.getFileName(),
            counter(response.body(), "inserted"),
            counter(response.body(), "rejected"));
      } else {
        System.err.printf(
            "WARNING: importing %s answered HTTP %d: %s%n",
            csv.getFileName(), response.statusCode(), abbreviate(response.body()));
      }
    } catch (IOException e) {
      System.err.printf("WARNING: importing %s failed: %s%n", csv.getFileName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String abbreviate(String body) {
    return body.length() <= 500 ? body : body.substring(0, 500) + "...";
  }

  /** The number after {@code "name":} in a flat JSON report, or {@code ?}. */
  static String counter(String json, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    return m.find() ? m.group(1) : "?";
  }
}
