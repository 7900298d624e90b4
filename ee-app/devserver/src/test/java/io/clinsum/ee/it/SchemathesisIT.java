package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.ee.devserver.LocalServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract fuzzing: Schemathesis (pinned in python/requirements-test.txt) generates requests from
 * the served OpenAPI document and checks every response — no server error, a documented status, the
 * documented content type, a body that fits the documented schema — once per role, and once along
 * the document's links across roles (a clinician creates a note and has it summarized, a reviewer
 * reviews it, with the real ids). {@value #EXAMPLES} examples per operation keep it to a few
 * minutes. The seed is printed; replay a failure with {@code -Dschemathesis.seed=N}. Reports:
 * {@code target/schemathesis/<run>/} (JUnit XML, and the log).
 */
@ExtendWith(ClinSumServerExtension.class)
class SchemathesisIT {
  static final int EXAMPLES = 5;

  /** Scenarios (chains of linked calls) of the run across roles. */
  static final int SCENARIOS = 200;

  private static final String CHECKS =
      "not_a_server_error,status_code_conformance,content_type_conformance,"
          + "response_schema_conformance";
  private static final long SEED =
      Long.getLong("schemathesis.seed", new Random().nextInt(Integer.MAX_VALUE));

  /** Each role's view of every operation: anonymous gets 401 everywhere but the open ones. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"anonymous", "clinician", "reviewer", "admin"})
  void everyOperation_asRole_keepsTheContract(String role, LocalServer server) throws Exception {
    StringBuilder config = new StringBuilder();
    if (!role.equals("anonymous")) {
      config.append(headers(role));
    }
    run(server, role, config.toString(), "examples,coverage,fuzzing,stateful", EXAMPLES, List.of());
  }

  /**
   * The links between operations, each called by a role that may: create a note (clinician) →
   * summarize it → read and approve, edit or reject it (reviewer); start a job → its progress,
   * errors, stop (admin).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"workflow"})
  void links_acrossRoles_keepTheContract(String run, LocalServer server) throws Exception {
    StringBuilder config = new StringBuilder(headers("reviewer"));
    for (Map.Entry<String, String> op :
        Map.of(
                "NoteResource.create", "clinician",
                "NoteResource.read", "clinician",
                "JobResource.summarize", "admin",
                "JobResource.job", "admin",
                "JobResource.errors", "admin",
                "JobResource.stop", "admin")
            .entrySet()) {
      config
          .append("\n[[operations]]\ninclude-operation-id = \"")
          .append(op.getKey())
          .append("\"\n")
          .append(headers(op.getValue()));
    }
    java.sql.Timestamp start = databaseNow(server);
    List<String> chain = new ArrayList<>();
    for (String op :
        List.of(
            "NoteResource.create",
            "NoteResource.read",
            "NoteResource.summarize",
            "NoteResource.summary",
            "SummaryResource.read",
            "SummaryResource.approve",
            "SummaryResource.edit",
            "SummaryResource.reject",
            "SummaryResource.history",
            "JobResource.summarize",
            "JobResource.job",
            "JobResource.errors",
            "JobResource.stop")) {
      chain.add("--include-operation-id");
      chain.add(op);
    }
    String out = run(server, run, config.toString(), "stateful", SCENARIOS, chain);
    java.util.regex.Matcher links =
        java.util.regex.Pattern.compile("API Links:\\s+(\\d+) covered").matcher(out);
    assertThat(links.find()).as(out).isTrue();
    assertThat(Integer.parseInt(links.group(1))).as("links followed").isGreaterThanOrEqualTo(4);
    // The links reached real records: notes the run created were summarized through them.
    try (java.sql.Connection c = server.openJdbcConnection();
        java.sql.PreparedStatement q =
            c.prepareStatement(
                "SELECT count(*), count(s.reviewed_at) FROM summary s JOIN note n ON n.id = s.note_id"
                    + " WHERE n.created_by = 'clinician' AND n.created_at >= ?")) {
      q.setTimestamp(1, start);
      try (java.sql.ResultSet rs = q.executeQuery()) {
        rs.next();
        System.out.println(
            "SchemathesisIT workflow: "
                + rs.getLong(1)
                + " notes created and summarized, "
                + rs.getLong(2)
                + " of them reviewed");
        assertThat(rs.getLong(1)).as("notes created and summarized by the run").isPositive();
      }
    }
  }

  private static java.sql.Timestamp databaseNow(LocalServer server) throws Exception {
    try (java.sql.Connection c = server.openJdbcConnection();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT now()")) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  private static String headers(String user) {
    String basic =
        Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return "headers = { Authorization = \"Basic " + basic + "\" }\n";
  }

  /** Runs Schemathesis and fails on any failure it reports; returns its output. */
  private static String run(
      LocalServer server,
      String name,
      String config,
      String phases,
      int examples,
      List<String> filters)
      throws Exception {
    Path document = OpenApiContractIT.saveDocument(server);
    Path dir = Path.of("target", "schemathesis", name).toAbsolutePath();
    Files.createDirectories(dir);
    Path configFile = Files.writeString(dir.resolve("schemathesis.toml"), config);
    Path log = dir.resolve("schemathesis.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(OpenApiContractIT.python()).resolveSibling("schemathesis").toString());
    command.addAll(
        List.of(
            "--config-file",
            configFile.toString(),
            "run",
            document.toString(),
            "--url",
            server.baseUrl() + "/api",
            "--checks",
            CHECKS,
            "--phases",
            phases,
            "--max-examples",
            Integer.toString(examples),
            "--seed",
            Long.toString(SEED),
            "--workers",
            "2",
            "--request-timeout",
            "60",
            "--no-color",
            "--report",
            "junit",
            "--report-dir",
            dir.toString()));
    command.addAll(filters);
    System.out.println(
        "SchemathesisIT "
            + name
            + ": seed "
            + SEED
            + " (-Dschemathesis.seed="
            + SEED
            + " replays it)");
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = p.waitFor(8, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = Files.readString(log);
    System.out.println(
        "SchemathesisIT "
            + name
            + ": "
            + Duration.ofNanos(System.nanoTime() - start).toSeconds()
            + " s\n"
            + summary(out));
    Jobs.awaitNoOpenJob(new Api(server));
    assertThat(ended).as("Schemathesis ended within 8 minutes; log: " + log).isTrue();
    assertThat(p.exitValue())
        .as("Schemathesis (seed " + SEED + ") found failures:\n" + out)
        .isZero();
    assertThat(out).doesNotContain("No test cases were generated");
    return out;
  }

  /** The summary Schemathesis prints at the end of its output. */
  private static String summary(String out) {
    int at = out.lastIndexOf("SUMMARY");
    return at < 0 ? out : out.substring(Math.max(0, out.lastIndexOf('\n', at)));
  }
}
