package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every error is RFC 9457 problem details ({@code application/problem+json}), also those the
 * container makes outside the resources (its login, unknown paths, static files, exceptions that
 * reach it), while the console keeps what it relies on.
 */
@ExtendWith(ClinSumServerExtension.class)
class ProblemDetailsIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder at(LocalServer server, String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The response is problem details with this status; returns the body. */
  private static JsonNode assertProblem(HttpResponse<String> r, int status) throws IOException {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .as(r.uri() + " " + r.body())
        .startsWith("application/problem+json");
    JsonNode body = Api.JSON.readTree(r.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("title").asText()).isNotBlank();
    assertThat(body.get("type").asText()).isEqualTo("about:blank");
    return body;
  }

  @Test
  void noCredentials_401ProblemWithBasicChallenge(LocalServer server) throws Exception {
    for (String path : new String[] {"/api/me", "/api/notes", "/api/openapi.json", "/api/nope"}) {
      HttpResponse<String> r = send(at(server, path).GET());
      assertProblem(r, 401);
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .as(path)
          .hasValue("Basic realm=\"ClinSum\"");
    }
  }

  @Test
  void wrongPassword_401ProblemWithBasicChallenge(LocalServer server) throws Exception {
    HttpResponse<String> r =
        send(at(server, "/api/me").header("Authorization", basic("admin", "wrong")).GET());
    assertProblem(r, 401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"ClinSum\"");
  }

  @Test
  void consoleRequestWithoutSession_401ProblemWithoutChallenge(LocalServer server)
      throws Exception {
    // The console marks its requests; a challenge would make the browser pop up its own dialog.
    HttpResponse<String> r =
        send(
            at(server, "/api/me")
                .header("X-Requested-With", "clinsum-console")
                .header("Accept", "application/json")
                .GET());
    assertProblem(r, 401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void console_stillServedAndRedirected(LocalServer server) throws Exception {
    HttpResponse<String> page = send(at(server, "/").GET());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    HttpResponse<String> bare =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl())).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bare.statusCode()).isBetween(300, 399);
    assertThat(bare.headers().firstValue("Location").orElse("")).endsWith("/clinsum/");
  }

  @Test
  void badCredentialsHeader_401Problem(LocalServer server) throws Exception {
    for (String header :
        new String[] {
          "Basic !!!not-base64", "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())
        }) {
      assertProblem(send(at(server, "/api/me").header("Authorization", header).GET()), 401);
    }
  }

  /** A NUL or other control character in the user name is refused before the database sees it. */
  @Test
  void controlCharacterInUserName_401ProblemNot500(LocalServer server) throws Exception {
    for (String user : new String[] {"ad\u0000min", "x\u0001", "a\nb"}) {
      assertProblem(
          send(at(server, "/api/me").header("Authorization", basic(user, "admin")).GET()), 401);
    }
  }

  @Test
  void roleNotAllowed_403Problem(LocalServer server) throws Exception {
    assertProblem(
        send(
            at(server, "/api/users")
                .header("Authorization", basic("clinician", "clinician"))
                .GET()),
        403);
  }

  @Test
  void unknownPaths_404Problem(LocalServer server) throws Exception {
    assertProblem(
        send(
            at(server, "/api/no-such-thing")
                .header("Authorization", basic("admin", "admin"))
                .GET()),
        404);
    assertProblem(send(at(server, "/no-such-page.html").GET()), 404);
    assertProblem(send(at(server, "/problem").GET()), 404);
  }

  @Test
  void wrongMethod_405Problem(LocalServer server) throws Exception {
    assertProblem(
        send(at(server, "/api/me").header("Authorization", basic("admin", "admin")).DELETE()), 405);
    // a static file: the container's default servlet answers
    assertProblem(
        send(at(server, "/index.html").PUT(HttpRequest.BodyPublishers.ofString("x"))), 405);
  }

  @Test
  void unacceptableType_406Problem(LocalServer server) throws Exception {
    assertProblem(
        send(
            at(server, "/api/me")
                .header("Authorization", basic("admin", "admin"))
                .header("Accept", "text/html")
                .GET()),
        406);
  }

  @Test
  void bodyTooLarge_413Problem(LocalServer server) throws Exception {
    byte[] big = new byte[9 * 1024 * 1024];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    assertProblem(
        send(
            at(server, "/api/notes")
                .header("Authorization", basic("clinician", "clinician"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))),
        413);
  }

  @Test
  void unsupportedBodyType_415Problem(LocalServer server) throws Exception {
    assertProblem(
        send(
            at(server, "/api/notes")
                .header("Authorization", basic("clinician", "clinician"))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<note/>"))),
        415);
  }

  /**
   * The identity store fails (its database is down) while the container authenticates: the
   * exception reaches the container, which answers with problem details and an incident id.
   */
  @Test
  void failureReachingTheContainer_5xxProblem(LocalServer server) throws Exception {
    String stranger = Api.unique("nobody");
    server.stopDatabase();
    HttpResponse<String> r;
    try {
      r = send(at(server, "/api/me").header("Authorization", basic(stranger, "secret")).GET());
    } finally {
      server.startDatabase();
    }
    assertThat(r.statusCode()).as(r.body()).isBetween(500, 599);
    JsonNode body = assertProblem(r, r.statusCode());
    if (r.statusCode() == 500) {
      assertThat(body.get("detail").asText()).contains("incident");
    }
    Jobs.awaitTrue(
        () -> new Api(server).get("admin", "/me").status() == 200,
        Duration.ofSeconds(60),
        "the API answers again once the database is back");
  }
}
