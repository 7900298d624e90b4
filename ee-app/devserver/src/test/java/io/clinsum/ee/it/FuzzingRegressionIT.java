package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.ee.devserver.LocalServer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The failures Schemathesis found ({@link SchemathesisIT}, seed 786671299), each kept as a plain
 * request: what used to be a 500 or an undocumented status is now a documented 400.
 */
@ExtendWith(ClinSumServerExtension.class)
class FuzzingRegressionIT {

  private static void assertBadRequest(Api.Reply r, String field) {
    assertThat(r.status()).as(r.toString()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    if (field != null) {
      assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly(field);
    }
  }

  /** Was 404 (JAX-RS's answer to a parameter that does not convert), which no client expects. */
  @Test
  void numberParameterNotANumber_400(LocalServer server) {
    Api api = new Api(server);
    for (String path :
        List.of(
            "/notes?size=null", "/patients?page=abc", "/summaries?size=1.5", "/jobs?size=null")) {
      Api.Reply r = api.get(path.startsWith("/summaries") ? "reviewer" : "admin", path);
      assertBadRequest(r, null);
      assertThat(r.json().get("detail").asText()).contains("not of its documented type");
    }
    Api.Reply chunk =
        api.post("admin", "/jobs/summarize?chunkSize=0.0", "application/json", new byte[0]);
    assertBadRequest(chunk, null);
    Api.Reply k = api.post("admin", "/groupings?k=null", "application/json", new byte[0]);
    assertBadRequest(k, null);
  }

  /** Was 500: PostgreSQL refuses U+0000 in a query parameter. */
  @Test
  void nulCharacterInTextFilter_400NamingIt(LocalServer server) {
    Api api = new Api(server);
    assertBadRequest(api.get("clinician", "/notes?noteType=%C3%9F%0C%00"), "noteType");
    assertBadRequest(api.get("reviewer", "/summaries?patientId=a%00"), "patientId");
    assertBadRequest(api.get("admin", "/patients?prefix=%00"), "prefix");
    assertBadRequest(api.get("admin", "/patients/P%00"), "patientId");
    assertBadRequest(api.get("admin", "/patients/P%00/group"), "patientId");
  }

  /** Was 500: the service's role check met a null role. */
  @Test
  void createUser_nullRole_400NamingRoles(LocalServer server) {
    Api api = new Api(server);
    Api.Reply r =
        api.postJson(
            "admin",
            "/users",
            Map.of("username", "0", "password", "long-enough", "roles", Arrays.asList(null, null)));
    assertBadRequest(r, "roles");
  }
}
