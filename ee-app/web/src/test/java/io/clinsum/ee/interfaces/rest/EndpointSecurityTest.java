package io.clinsum.ee.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class EndpointSecurityTest {
  @Test
  void everyOperation_declaresItsRolesOrIsPublicOnPurpose() {
    for (OpenApiResource.Operation op : OpenApiResource.operations(ClinSumApi.RESOURCES)) {
      boolean open = op.method().isAnnotationPresent(PermitAll.class);
      assertThat(open || !Authorization.rolesAllowed(op.method()).isEmpty())
          .as(op.httpMethod() + " " + op.path() + " has no @RolesAllowed")
          .isTrue();
      if (open) {
        assertThat(op.path())
            .as("only the health check and sign-in are public")
            .isIn("/health", "/session");
      }
    }
  }

  @Test
  void openApi_listsEveryOperationWithRoles() {
    JsonObject doc = OpenApiResource.build(ClinSumApi.RESOURCES);
    JsonObject paths = doc.getJsonObject("paths");
    assertThat(paths.keySet())
        .contains("/notes", "/notes/import", "/summaries/{id}/approve", "/jobs/summarize");
    JsonObject approve = paths.getJsonObject("/summaries/{id}/approve").getJsonObject("post");
    assertThat(approve.getJsonArray("x-roles").getString(0)).isEqualTo("reviewer");
    int operations = paths.values().stream().mapToInt(v -> v.asJsonObject().size()).sum();
    assertThat(operations).isEqualTo(OpenApiResource.operations(ClinSumApi.RESOURCES).size());
  }

  @Test
  void ifMatch_acceptsQuotedWeakAndBare() {
    assertThat(Resources.ifMatch("\"3\"")).isEqualTo(3);
    assertThat(Resources.ifMatch("W/\"4\"")).isEqualTo(4);
    assertThat(Resources.ifMatch("5")).isEqualTo(5);
  }
}
