package io.clinsum.ee.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.clinsum.ee.devserver.LocalServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application with the sagemaker backend, against a local stub of a SageMaker endpoint that
 * throttles, fails with 5xx and reports model errors for some notes: the batch job retries within
 * its bounds, records a clear error for those notes only, and summarizes the rest. The server is
 * restarted with the backend for this test and restarted as before afterwards.
 */
@ExtendWith(ClinSumServerExtension.class)
class SageMakerBackendIT {
  private static final String PATH = "/endpoints/ward-7/invocations";
  private static final String NOTE =
      "CHIEF COMPLAINT: Chest pain. ECG: ST elevation V2-V4. Troponin raised. PLAN: primary PCI.";

  @Test
  void summarizeJob_faultyEndpoint_failsOnlyTheAffectedNotesWithClearErrors(LocalServer server)
      throws Exception {
    WireMockServer stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stub.start();
    stub.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("[{\"summary_text\": \"Summary from SageMaker.\"}]")));
    stub.stubFor(
        post(urlEqualTo(PATH))
            .withRequestBody(containing("POISON"))
            .willReturn(
                aResponse()
                    .withStatus(424)
                    .withHeader("x-amzn-ErrorType", "ModelError")
                    .withBody(
                        "{\"OriginalStatusCode\":400,\"OriginalMessage\":\"input could not be"
                            + " tokenized\",\"LogStreamArn\":\"arn:aws:logs:eu-west-1:1:log-group:/aws/sagemaker/Endpoints/ward-7\"}")));
    stub.stubFor(
        post(urlEqualTo(PATH))
            .withRequestBody(containing("BUSY"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("x-amzn-ErrorType", "ServiceUnavailable")
                    .withBody("{\"message\":\"busy\"}")));
    stub.stubFor(
        post(urlEqualTo(PATH))
            .withRequestBody(containing("THROTTLED"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("x-amzn-ErrorType", "ThrottlingException")
                    .withBody("{\"message\":\"Rate exceeded\"}")));
    Api api = new Api(server);
    Jobs.awaitNoOpenJob(api);
    server.stopServer();
    try {
      server.startServer(
          Map.of(
              "clinsum.backend", "sagemaker",
              "clinsum.backend.sagemaker.endpoint", "ward-7",
              "clinsum.backend.sagemaker.endpoint-url", stub.baseUrl(),
              "clinsum.backend.sagemaker.region", "eu-west-1",
              "clinsum.backend.sagemaker.max-attempts", "3",
              "clinsum.backend.sagemaker.base-delay", "PT0.05S",
              "clinsum.backend.sagemaker.max-backoff", "PT0.2S",
              "aws.accessKeyId", "test",
              "aws.secretAccessKey", "test"));
      assertThat(api.get("admin", "/backend").json().get("backend").asText())
          .isEqualTo("sagemaker");

      String patient = Api.unique("SM");
      StringBuilder csv = new StringBuilder("patient_id,note_type,note\n");
      List<String> kinds = List.of("ok-1", "ok-2", "ok-3", "POISON", "BUSY", "THROTTLED");
      for (String kind : kinds) {
        csv.append(Api.csvLine(patient, "progress", NOTE + " Marker " + kind + "."));
      }
      assertThat(api.postCsv("clinician", "/notes/import", csv.toString()).status()).isEqualTo(200);

      long jobId = Jobs.start(api, 16);
      JsonNode job = Jobs.awaitStatus(api, jobId, "SUCCEEDED");
      assertThat(job.get("failed").asLong()).isGreaterThanOrEqualTo(3);

      List<String> errors = new ArrayList<>();
      api.get("admin", "/jobs/" + jobId + "/errors?size=500")
          .json()
          .get("items")
          .forEach(e -> errors.add(e.get("message").asText()));
      assertThat(errors)
          .anySatisfy(
              m -> assertThat(m).contains("input could not be tokenized").contains("log stream"))
          .anySatisfy(m -> assertThat(m).contains("failed with HTTP 503").contains("in 3 attempts"))
          .anySatisfy(
              m -> assertThat(m).contains("is throttling requests; gave up after 3 attempts"));
      // Our three good notes were summarized by the endpoint; the three bad ones have no summary.
      JsonNode summaries =
          api.get("reviewer", "/summaries?patientId=" + patient + "&size=50").json();
      assertThat(summaries.get("total").asLong()).isEqualTo(3);
      summaries
          .get("items")
          .forEach(
              s -> {
                assertThat(s.get("text").asText()).isEqualTo("Summary from SageMaker.");
                assertThat(s.get("backend").asText()).isEqualTo("sagemaker");
              });
      // Retries stay bounded: the failing chunk is tried as a batch, then note by note.
      int busyCalls =
          stub.countRequestsMatching(
                  postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("BUSY")).build())
              .getCount();
      assertThat(busyCalls).isBetween(3, 6);
    } finally {
      server.stopServer();
      server.startServer();
      stub.stop();
    }
  }
}
