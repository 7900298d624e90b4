package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.clinsum.ee.devserver.LocalServer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document the server publishes is valid OpenAPI 3.1 for tools no one here wrote (the
 * Java swagger-parser, the OpenAPI Initiative's JSON Schema, Python's openapi-spec-validator), and
 * what it says about parameters is what the server enforces.
 */
@ExtendWith(ClinSumServerExtension.class)
class OpenApiContractIT {

  static JsonNode document(Api api) {
    Api.Reply doc = api.get("admin", "/openapi.json");
    assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
    return doc.json();
  }

  /** The served document, written to {@code target/openapi/openapi.json} for the tools. */
  static Path saveDocument(LocalServer server) throws Exception {
    Api.Reply doc = new Api(server).get("admin", "/openapi.json");
    assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
    Path file = Path.of("target", "openapi", "openapi.json").toAbsolutePath();
    Files.createDirectories(file.getParent());
    Files.writeString(file, doc.body(), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void document_parsesWithSwaggerParserWithoutMessages(LocalServer server) throws Exception {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser()
            .readContents(new Api(server).get("admin", "/openapi.json").body(), null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(20);
  }

  @Test
  void document_validAgainstTheOpenApi31JsonSchema(LocalServer server) throws Exception {
    JsonSchema schema;
    try (InputStream in =
        getClass().getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(document(new Api(server)));
    assertThat(errors).isEmpty();
  }

  @Test
  void document_validWithOpenApiSpecValidator(LocalServer server) throws Exception {
    Path file = saveDocument(server);
    Process p =
        new ProcessBuilder(python(), "-m", "openapi_spec_validator", file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("OK");
  }

  /**
   * Every documented range and value set of a query parameter is enforced: below the minimum, above
   * the maximum and outside the values the server answers 400; at the bounds and with each value it
   * does not.
   */
  @Test
  void documentedParameterLimits_areWhatTheServerEnforces(LocalServer server) {
    Api api = new Api(server);
    JsonNode paths = document(api).get("paths");
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : iterable(paths)) {
      JsonNode get = path.getValue().get("get");
      if (get == null || path.getKey().contains("{") || !get.has("x-roles")) {
        continue;
      }
      String user = get.get("x-roles").get(0).asText();
      for (JsonNode p : get.get("parameters")) {
        JsonNode s = p.get("schema");
        String name = p.get("name").asText();
        String at = "GET " + path.getKey() + "?" + name;
        if (s.has("minimum")) {
          expect(api, user, path.getKey(), name, s.get("minimum").asLong() - 1, true, at);
          expect(api, user, path.getKey(), name, s.get("minimum").asLong(), false, at);
          checked.add(at + " minimum");
        }
        if (s.has("maximum")) {
          expect(api, user, path.getKey(), name, s.get("maximum").asLong() + 1, true, at);
          expect(api, user, path.getKey(), name, s.get("maximum").asLong(), false, at);
          checked.add(at + " maximum");
        }
        if (s.has("enum")) {
          for (JsonNode v : s.get("enum")) {
            expect(api, user, path.getKey(), name, v.asText(), false, at);
          }
          expect(api, user, path.getKey(), name, "NOT-A-VALUE", true, at);
          checked.add(at + " enum");
        }
        if (s.has("default")) {
          expect(api, user, path.getKey(), name, s.get("default").asText(), false, at);
        }
      }
    }
    assertThat(checked).hasSizeGreaterThan(15);
  }

  /**
   * The document's links work as written: from a new note (clinician) its {@code summarize} link
   * gives the summary, whose {@code approve} link (id from the body, If-Match from the ETag)
   * approves it (reviewer).
   */
  @Test
  void links_leadFromANewNoteToItsApprovedSummary(LocalServer server) {
    Api api = new Api(server);
    JsonNode doc = document(api);
    Api.Reply created =
        api.postJson(
            "clinician",
            "/notes",
            Map.of(
                "patientId", Api.unique("L"),
                "noteType", "nursing",
                "text", "Patient comfortable overnight. Obs stable. Eating and drinking well."));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    Api.Reply summary =
        follow(api, doc, "clinician", link(doc, "/notes", "post", "201", "summarize"), created);
    assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
    assertThat(summary.header("ETag")).isNotNull();

    Api.Reply approved =
        follow(
            api,
            doc,
            "reviewer",
            link(doc, "/notes/{id}/summary", "post", "200", "approve"),
            summary);
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.json().get("state").asText()).isEqualTo("APPROVED");
    assertThat(approved.json().get("noteId").asLong()).isEqualTo(created.json().get("id").asLong());
  }

  private static JsonNode link(
      JsonNode doc, String path, String method, String status, String name) {
    JsonNode link =
        doc.get("paths").get(path).get(method).get("responses").get(status).get("links").get(name);
    assertThat(link).as(method + " " + path + " " + status + " link " + name).isNotNull();
    return link;
  }

  /** Calls the link's operation with its parameters taken from {@code from}. */
  private static Api.Reply follow(
      Api api, JsonNode doc, String user, JsonNode link, Api.Reply from) {
    String operationId = link.get("operationId").asText();
    for (Map.Entry<String, JsonNode> path : iterable(doc.get("paths"))) {
      for (Map.Entry<String, JsonNode> op : iterable(path.getValue())) {
        if (!op.getValue().get("operationId").asText().equals(operationId)) {
          continue;
        }
        String target = path.getKey();
        StringBuilder query = new StringBuilder();
        List<String> headers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : iterable(link.get("parameters"))) {
          String value = resolve(p.getValue().asText(), from);
          String in = "query";
          for (JsonNode declared : op.getValue().get("parameters")) {
            if (declared.get("name").asText().equals(p.getKey())) {
              in = declared.get("in").asText();
            }
          }
          switch (in) {
            case "path" -> target = target.replace("{" + p.getKey() + "}", value);
            case "header" -> {
              headers.add(p.getKey());
              headers.add(value);
            }
            default ->
                query
                    .append(query.isEmpty() ? "?" : "&")
                    .append(p.getKey())
                    .append('=')
                    .append(value);
          }
        }
        return api.call(
            user,
            op.getKey().toUpperCase(java.util.Locale.ROOT),
            target + query,
            "application/json",
            op.getValue().has("requestBody") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0],
            headers.toArray(String[]::new));
      }
    }
    throw new AssertionError("No operation " + operationId);
  }

  /** {@code $response.body#/pointer}, {@code $response.header.Name}, or a constant. */
  private static String resolve(String expression, Api.Reply from) {
    if (expression.startsWith("$response.body#")) {
      return from.json().at(expression.substring("$response.body#".length())).asText();
    }
    if (expression.startsWith("$response.header.")) {
      return from.header(expression.substring("$response.header.".length()));
    }
    return expression;
  }

  private static void expect(
      Api api, String user, String path, String name, Object value, boolean refused, String at) {
    Api.Reply r =
        api.get(
            user,
            path
                + "?"
                + name
                + "="
                + java.net.URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
    if (refused) {
      assertThat(r.status()).as(at + "=" + value + ": " + r).isEqualTo(400);
      assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    } else {
      assertThat(r.status()).as(at + "=" + value + ": " + r).isLessThan(400);
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
    return object::fields;
  }

  static String python() {
    String python = System.getProperty("clinsum.python");
    if (python == null || !Files.isExecutable(Path.of(python))) {
      throw new IllegalStateException(
          "System property clinsum.python must name the project's Python (was '"
              + python
              + "'); scripts/python-env.sh makes it, and the build passes"
              + " -Dclinsum.python=<repo>/.venv/bin/python");
    }
    return python;
  }
}
