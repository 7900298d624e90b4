package io.clinsum.ee.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The generated OpenAPI document, without a server: typed defaults, documented errors, links that
 * lead somewhere. (The validators run on the served document in the devserver's {@code
 * OpenApiContractIT}.)
 */
class OpenApiDocumentTest {
  private static final JsonObject DOC = OpenApiResource.build(ClinSumApi.RESOURCES);

  @Test
  void defaults_haveTheirParametersType() {
    JsonObject size = parameter("/notes", "get", "size");
    assertThat(size.get("default")).isEqualTo(Json.createValue(50L));
    assertThat(size.getJsonNumber("minimum").longValue()).isEqualTo(1);
    assertThat(size.getJsonNumber("maximum").longValue()).isEqualTo(500);
    assertThat(parameter("/notes/{id}/summary", "post", "wait").get("default"))
        .isEqualTo(JsonValue.FALSE);
    assertThat(parameter("/jobs/summarize", "post", "chunkSize").get("default"))
        .isEqualTo(Json.createValue(16L));
    assertThat(parameter("/notes/import", "post", "mode").get("default"))
        .isEqualTo(Json.createValue("valid"));
    assertThat(parameter("/summaries", "get", "state").getJsonArray("enum"))
        .extracting(v -> ((jakarta.json.JsonString) v).getString())
        .containsExactly("GENERATED", "APPROVED", "EDITED", "REJECTED");
  }

  @Test
  void everyOperation_documentsItsSecurityAndErrors() {
    for (Map.Entry<String, JsonValue> path : DOC.getJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
        JsonObject o = op.getValue().asJsonObject();
        String name = op.getKey() + " " + path.getKey();
        assertThat(o.containsKey("security")).as(name).isTrue();
        JsonObject responses = o.getJsonObject("responses");
        assertThat(responses.keySet()).as(name).contains("406", "5XX");
        if (!o.getJsonArray("security").isEmpty()) {
          assertThat(responses.keySet()).as(name).contains("401", "403");
          assertThat(responses.getJsonObject("401").getJsonObject("headers"))
              .as(name)
              .containsKey("WWW-Authenticate");
        }
        if (path.getKey().contains("{")) {
          assertThat(responses.keySet()).as(name).contains("404");
        }
        if (o.containsKey("requestBody")) {
          assertThat(responses.keySet()).as(name).contains("400", "413", "415");
        }
        assertThat(responses.keySet().stream().filter(s -> s.startsWith("2")))
            .as(name)
            .isNotEmpty();
        responses.forEach(
            (status, r) -> {
              if (status.startsWith("4") || status.startsWith("5")) {
                assertThat(r.asJsonObject().getJsonObject("content"))
                    .as(name + " " + status)
                    .isNotNull();
              }
            });
      }
    }
  }

  /** Statuses Schemathesis found undocumented (seed 786671299). */
  @Test
  void statusesFoundByFuzzing_areDocumented() {
    assertThat(responses("/groupings/latest", "get").keySet()).contains("404");
    assertThat(responses("/groupings/job", "get").keySet()).contains("404");
    assertThat(responses("/jobs/{id}/stop", "post").keySet()).contains("409");
    assertThat(responses("/jobs/{id}/restart", "post").keySet()).contains("409");
    assertThat(responses("/notes", "get").keySet()).contains("400");
  }

  @Test
  void links_leadToOperationsThatExist() {
    Set<String> ids = new HashSet<>();
    DOC.getJsonObject("paths")
        .values()
        .forEach(
            p ->
                p.asJsonObject()
                    .values()
                    .forEach(o -> ids.add(o.asJsonObject().getString("operationId"))));
    int links = 0;
    for (JsonValue p : DOC.getJsonObject("paths").values()) {
      for (JsonValue o : p.asJsonObject().values()) {
        for (JsonValue r : o.asJsonObject().getJsonObject("responses").values()) {
          JsonObject l = r.asJsonObject().getJsonObject("links");
          if (l != null) {
            for (JsonValue link : l.values()) {
              assertThat(ids).contains(link.asJsonObject().getString("operationId"));
              links++;
            }
          }
        }
      }
    }
    assertThat(links).isGreaterThanOrEqualTo(10);
  }

  @Test
  void document_writtenForInspection() throws IOException {
    Path out = Path.of("target", "openapi.json");
    Files.createDirectories(out.getParent());
    try (Writer w = Files.newBufferedWriter(out)) {
      Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
          .createWriter(w)
          .writeObject(DOC);
    }
    assertThat(out).isNotEmptyFile();
  }

  private static JsonObject responses(String path, String method) {
    return DOC.getJsonObject("paths")
        .getJsonObject(path)
        .getJsonObject(method)
        .getJsonObject("responses");
  }

  private static JsonObject parameter(String path, String method, String name) {
    return DOC
        .getJsonObject("paths")
        .getJsonObject(path)
        .getJsonObject(method)
        .getJsonArray("parameters")
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(p -> p.getString("name").equals(name))
        .findFirst()
        .orElseThrow()
        .getJsonObject("schema");
  }
}
