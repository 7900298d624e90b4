package io.clinsum.ee.arquillian;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.ee.application.ImportService;
import io.clinsum.ee.application.NoteService;
import io.clinsum.ee.application.PageRequest;
import io.clinsum.ee.application.ReviewService;
import io.clinsum.ee.application.RevisionView;
import io.clinsum.ee.application.SummarizationService;
import io.clinsum.ee.application.SummaryView;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's security inside the server: its identity store (the {@code app_user} table,
 * PBKDF2 hashes) gives each demo user only their role, and a review by a caller without the
 * reviewer role is refused by the server with nothing written.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return ClinSumDeployment.ear();
  }

  @Inject private IdentityStoreHandler identityStores;
  @Inject private ImportService imports;
  @Inject private NoteService notes;
  @Inject private SummarizationService summarization;
  @Inject private ReviewService reviews;
  private Client http;

  @BeforeEach
  void openClient() {
    http = ClientBuilder.newClient(); // in the server: RESTEasy's client
  }

  @AfterEach
  void closeClient() {
    http.close();
  }

  @Test
  void validate_demoUsers_eachHasOnlyTheirRole() {
    for (String user : new String[] {"clinician", "reviewer", "admin"}) {
      CredentialValidationResult result =
          identityStores.validate(new UsernamePasswordCredential(user, user));

      assertThat(result.getStatus()).as(user).isEqualTo(CredentialValidationResult.Status.VALID);
      assertThat(result.getCallerPrincipal().getName()).isEqualTo(user);
      assertThat(result.getCallerGroups()).as(user).containsExactly(user);
    }
  }

  @Test
  void validate_wrongPasswordOrUnknownUser_invalid() {
    assertThat(
            identityStores
                .validate(new UsernamePasswordCredential("reviewer", "guess"))
                .getStatus())
        .isEqualTo(CredentialValidationResult.Status.INVALID);
    assertThat(
            identityStores.validate(new UsernamePasswordCredential("nobody", "nobody")).getStatus())
        .isEqualTo(CredentialValidationResult.Status.INVALID);
  }

  @Test
  void approve_asClinicianOrAdmin_forbiddenAndSummaryUnchanged_asReviewerApproved() {
    String patient = Notes.uniquePatient("SEC");
    Notes.importNotes(imports, patient, 1);
    long noteId = notes.list(patient, null, null, null, new PageRequest(0, 1)).items().get(0).id();
    SummaryView summary = summarization.summarizeNow(Notes.CLINICIAN, noteId);

    for (String caller : new String[] {"clinician", "admin"}) {
      try (Response refused = approve(caller, summary)) {
        assertThat(refused.getStatus()).as(caller).isEqualTo(403);
        assertThat(refused.readEntity(String.class)).contains("needs one of the roles [reviewer]");
      }
    }
    SummaryView unchanged = reviews.read(Notes.REVIEWER, summary.id());
    assertThat(unchanged.state()).isEqualTo("GENERATED");
    assertThat(unchanged.version()).isEqualTo(summary.version());
    assertThat(reviews.history(summary.id()))
        .extracting(RevisionView::state)
        .containsExactly("GENERATED");

    try (Response allowed = approve("reviewer", summary)) {
      assertThat(allowed.getStatus()).isEqualTo(200);
    }
    assertThat(reviews.read(Notes.REVIEWER, summary.id()).state()).isEqualTo("APPROVED");
  }

  /** POST .../approve through the server's own HTTP listener (8080 plus its port offset). */
  private Response approve(String user, SummaryView summary) {
    int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
    String basic =
        Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return http.target(
            "http://localhost:" + port + "/clinsum/api/summaries/" + summary.id() + "/approve")
        .request()
        .header("Authorization", "Basic " + basic)
        .header("If-Match", "\"" + summary.version() + "\"")
        .post(Entity.json("{}"));
  }
}
