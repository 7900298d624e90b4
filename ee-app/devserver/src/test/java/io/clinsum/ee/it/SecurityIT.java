package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authentication and roles on every endpoint, enumerated from the app's own OpenAPI document so a
 * new endpoint is covered the day it is added.
 */
@ExtendWith(ClinSumServerExtension.class)
class SecurityIT {
  private static final Set<String> ROLES = Set.of("clinician", "reviewer", "admin");

  record Operation(String method, String path, Set<String> roles, String bodyType) {}

  private static List<Operation> operations(Api api) {
    Api.Reply doc = api.get("admin", "/openapi.json");
    assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
    List<Operation> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.json().get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> m = methods.next();
        Set<String> roles = new java.util.HashSet<>();
        m.getValue().path("x-roles").forEach(r -> roles.add(r.asText()));
        JsonNode content = m.getValue().path("requestBody").path("content");
        String bodyType = content.isMissingNode() ? null : content.fieldNames().next();
        out.add(
            new Operation(
                m.getKey().toUpperCase(),
                path.getKey().replaceAll("\\{[^}]+}", "1"),
                roles,
                bodyType));
      }
    }
    return out;
  }

  private static Api.Reply call(Api api, String user, Operation op) {
    if (op.method().equals("GET")) {
      return api.get(user, op.path());
    }
    String type = op.bodyType() == null ? "application/json" : op.bodyType();
    return api.call(
        user,
        op.method(),
        op.path(),
        type,
        "{}".getBytes(StandardCharsets.UTF_8),
        "If-Match",
        "\"0\"");
  }

  @Test
  void everyEndpoint_anonymous_401WithChallenge(LocalServer server) {
    Api api = new Api(server);
    List<Operation> ops = operations(api);
    assertThat(ops).hasSizeGreaterThan(20);
    for (Operation op : ops) {
      Api.Reply r = call(api, null, op);
      if (op.path().equals("/health")) {
        assertThat(r.status()).isEqualTo(200);
        continue;
      }
      if (op.path().equals("/session") && op.method().equals("POST")) {
        // Sign-in is open by nature; without credentials it signs nobody in.
        assertThat(r.status()).as(r.toString()).isIn(401, 415);
        continue;
      }
      assertThat(r.status()).as(op.method() + " " + op.path()).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).as(op.path()).startsWith("Basic");
    }
  }

  @Test
  void basicRequests_leaveNoSessionBehind(LocalServer server) {
    // A client without cookies would otherwise get (and abandon) a new session per request.
    Api api = new Api(server);
    for (String path : new String[] {"/me", "/patients", "/health"}) {
      Api.Reply r = api.get("clinician", path);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.headers().allValues("Set-Cookie")).as(path).isEmpty();
    }
  }

  @Test
  void everyEndpoint_wrongPassword_401(LocalServer server) {
    Api api = new Api(server);
    Api.knowUser("nobody", "x");
    assertThat(api.get("nobody", "/me").status()).isEqualTo(401);
  }

  @Test
  void everyEndpoint_roleNotAllowed_403(LocalServer server) {
    Api api = new Api(server);
    int checked = 0;
    for (Operation op : operations(api)) {
      for (String role : ROLES) {
        if (op.roles().isEmpty() || op.roles().contains(role)) {
          continue;
        }
        Api.Reply r = call(api, role, op);
        assertThat(r.status())
            .as(role + " " + op.method() + " " + op.path() + ": " + r)
            .isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(15);
  }

  @Test
  void crossSiteChange_refusedEvenWithValidBasicCredentials(LocalServer server) {
    Api api = new Api(server);
    byte[] none = new byte[0];

    Api.Reply fromOtherOrigin =
        api.call(
            "admin",
            "POST",
            "/jobs/summarize",
            "text/plain",
            none,
            "Origin",
            "http://evil.example");
    Api.Reply markedCrossSite =
        api.call(
            "admin", "POST", "/jobs/summarize", "text/plain", none, "Sec-Fetch-Site", "cross-site");
    Api.Reply signInFromOtherSite =
        api.call(
            null,
            "POST",
            "/session",
            "application/x-www-form-urlencoded",
            "username=admin&password=admin".getBytes(StandardCharsets.UTF_8),
            "Sec-Fetch-Site",
            "cross-site");

    assertThat(fromOtherOrigin.status()).as(fromOtherOrigin.toString()).isEqualTo(403);
    assertThat(markedCrossSite.status()).isEqualTo(403);
    assertThat(signInFromOtherSite.status()).isEqualTo(403);
    assertThat(fromOtherOrigin.json().get("title").asText())
        .isEqualTo("Cross-site request refused");
  }

  @Test
  void everyResponse_carriesBrowserProtections(LocalServer server) {
    Api.Reply r = new Api(server).get("admin", "/me");
    assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(r.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void twoSummarizationJobsAtOnce_oneStartsTheOtherConflicts(LocalServer server) throws Exception {
    Api api = new Api(server);
    Jobs.awaitNoOpenJob(api);
    // Enough pending notes that the first job is still running when the second arrives.
    StringBuilder csv = new StringBuilder("patient_id,note_type,note\n");
    String patient = Api.unique("J");
    for (int i = 0; i < 300; i++) {
      csv.append(
          Api.csvLine(patient, "nursing", "Observation " + i + ": comfortable, obs stable."));
    }
    assertThat(api.postCsv("clinician", "/notes/import", csv.toString()).status()).isEqualTo(200);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<Api.Reply>> replies =
          pool.invokeAll(
              List.of(
                  () ->
                      api.post(
                          "admin", "/jobs/summarize?chunkSize=2", "application/json", new byte[0]),
                  () ->
                      api.post(
                          "admin",
                          "/jobs/summarize?chunkSize=2",
                          "application/json",
                          new byte[0])));
      List<Integer> statuses = new ArrayList<>();
      for (var f : replies) {
        statuses.add(f.get().status());
      }
      assertThat(statuses).containsExactlyInAnyOrder(202, 409);
    } finally {
      pool.shutdown();
    }
    Jobs.awaitNoOpenJob(api);
  }

  @Test
  void me_eachDemoUser_seesOwnRole(LocalServer server) {
    Api api = new Api(server);
    for (String role : ROLES) {
      JsonNode me = api.get(role, "/me").json();
      assertThat(me.get("username").asText()).isEqualTo(role);
      assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly(role);
    }
  }

  @Test
  void passwords_storedOnlyAsPbkdf2Hashes(LocalServer server) throws Exception {
    try (Connection c = server.openJdbcConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT username, password_hash FROM app_user")) {
      int demo = 0;
      while (rs.next()) {
        assertThat(rs.getString(2)).startsWith("PBKDF2WithHmacSHA256:100000:");
        // The demo users' passwords are their names; other tests add users with any name.
        if (ROLES.contains(rs.getString(1))) {
          demo++;
          assertThat(rs.getString(2)).doesNotContain(rs.getString(1) + ":");
        }
      }
      assertThat(demo).isEqualTo(3);
    }
  }

  @Test
  void createUser_asAdmin_newUserCanSignIn(LocalServer server) {
    Api api = new Api(server);
    String name = Api.unique("rev").toLowerCase();
    Api.Reply created =
        api.postJson(
            "admin",
            "/users",
            Map.of("username", name, "password", "s3cret-pass", "roles", List.of("reviewer")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    Api.knowUser(name, "s3cret-pass");
    assertThat(api.get(name, "/me").json().get("username").asText()).isEqualTo(name);
    Api.Reply invalid =
        api.postJson(
            "admin",
            "/users",
            Map.of("username", "X y", "password", "1", "roles", List.of("root")));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("errors").findValuesAsText("field")).contains("password");
    Api.Reply badRole =
        api.postJson(
            "admin",
            "/users",
            Map.of("username", "x", "password", "long-enough", "roles", List.of("root")));
    assertThat(badRole.json().get("errors").findValuesAsText("field"))
        .containsExactly("username", "roles");
  }
}
