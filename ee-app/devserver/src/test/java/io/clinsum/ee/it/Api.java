package io.clinsum.ee.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.ee.devserver.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A small client of the REST API for the integration tests: plain HTTP, Basic auth, JSON. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Map<String, String> PASSWORDS = new ConcurrentHashMap<>();

  static {
    for (String demo : new String[] {"clinician", "reviewer", "admin"}) {
      PASSWORDS.put(demo, demo);
    }
  }

  private final String base;

  Api(LocalServer server) {
    this.base = server.baseUrl() + "/api";
  }

  /** A reply, with the body parsed as JSON on demand. */
  record Reply(int status, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (status " + status + "): " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** Remembers {@code user}'s password for later calls. */
  static void knowUser(String user, String password) {
    PASSWORDS.put(user, password);
  }

  Reply get(String user, String path) {
    return send(user, request(user, path).GET());
  }

  Reply post(String user, String path, String contentType, byte[] body, String... headers) {
    return call(user, "POST", path, contentType, body, headers);
  }

  /** Any method, with a body (may be empty). */
  Reply call(
      String user, String method, String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder b =
        request(user, path)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(user, b);
  }

  Reply postJson(String user, String path, Object body, String... headers) {
    try {
      String json = body instanceof String s ? s : JSON.writeValueAsString(body);
      return post(user, path, "application/json", json.getBytes(StandardCharsets.UTF_8), headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Reply postCsv(String user, String path, String csv) {
    return post(user, path, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String user, String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
    if (user != null) {
      String token = user + ":" + PASSWORDS.getOrDefault(user, "wrong-password");
      b.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private static Reply send(String user, HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A CSV line with every cell quoted. */
  static String csvLine(String... cells) {
    StringBuilder b = new StringBuilder();
    for (String c : cells) {
      if (!b.isEmpty()) {
        b.append(',');
      }
      b.append('"').append(c.replace("\"", "\"\"")).append('"');
    }
    return b.append('\n').toString();
  }

  /** A fresh id so tests do not collide in the shared database. */
  static String unique(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36);
  }
}
