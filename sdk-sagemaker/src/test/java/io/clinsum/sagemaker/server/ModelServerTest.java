package io.clinsum.sagemaker.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.extractive.ExtractiveBackend;
import io.clinsum.core.extractive.SentenceScorer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SageMaker container contract over real HTTP, serving the extractive summarizer. */
class ModelServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String NOTE =
      "CHIEF COMPLAINT: Chest pain. HISTORY: 58-year-old man, pain for two hours. ECG: ST"
          + " elevation V2-V4. ASSESSMENT: Anterior STEMI. PLAN: Primary PCI; aspirin given.";
  private static Summarizer model;
  private static ModelServer server;

  @BeforeAll
  static void start() {
    model = Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.SECTION_AWARE, 40));
    server = ModelServer.start(model, new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterAll
  static void stop() {
    server.close();
    model.close();
  }

  private static HttpResponse<String> post(String type, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(server.uri().resolve("invocations"))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String json) throws Exception {
    return post("application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void ping_isHealthy() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(server.uri().resolve("ping")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void invocations_oneInput_answersLikeTheHuggingFaceToolkit() throws Exception {
    HttpResponse<String> r =
        post(
            JSON.writeValueAsString(
                java.util.Map.of(
                    "inputs",
                    NOTE,
                    "parameters",
                    java.util.Map.of(
                        "max_length", 12, "num_beams", 4, "unknown_knob", "ignored"))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = JSON.readTree(r.body());
    assertThat(body).hasSize(1);
    String expected =
        model
            .summarize(
                SummarizationRequest.builder()
                    .text(NOTE)
                    .options(
                        io.clinsum.core.GenerationOptions.builder()
                            .maxLength(12)
                            .numBeams(4)
                            .build())
                    .build())
            .text();
    assertThat(body.get(0).get("summary_text").asText()).isEqualTo(expected);
  }

  @Test
  void invocations_listOfInputs_oneAnswerEachInOrder() throws Exception {
    HttpResponse<String> r =
        post(
            "{\"inputs\": [\""
                + NOTE
                + "\", \"Fall at home. Right hip pain. X-ray: fractured neck of femur.\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body).hasSize(2);
    assertThat(body.get(1).get("summary_text").asText()).containsIgnoringCase("hip");
  }

  @Test
  void badRequests_sayWhatIsWrong() throws Exception {
    HttpResponse<String> notJson = post("{\"inputs\": \"x\"");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("not JSON (at byte");
    assertThat(post("{\"text\": \"x\"}").body()).contains("\\\"inputs\\\" must be a string");
    assertThat(post("{\"inputs\": 42}").statusCode()).isEqualTo(400);
    HttpResponse<String> badParam =
        post("{\"inputs\": \"x y z\", \"parameters\": {\"max_length\": \"long\"}}");
    assertThat(badParam.statusCode()).isEqualTo(400);
    assertThat(badParam.body()).contains("parameters.max_length must be a whole number");
    HttpResponse<String> empty = post("{\"inputs\": \"   \"}");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(post("text/plain", NOTE.getBytes(StandardCharsets.UTF_8)).statusCode())
        .isEqualTo(415);
    assertThat(post("[1, 2]").statusCode()).isEqualTo(400);
  }

  @Test
  void bodyOverSixMegabytes_is413() throws Exception {
    byte[] big = new byte[6_000_100];
    java.util.Arrays.fill(big, (byte) 'a');
    assertThat(post("application/json", big).statusCode()).isEqualTo(413);
  }

  @Test
  void hostileText_isSummarizedAsText() throws Exception {
    HttpResponse<String> r =
        post(
            JSON.writeValueAsString(
                java.util.Map.of(
                    "inputs",
                    "<script>alert(1)</script> Patient with chest pain; '; DROP TABLE notes; -- troponin raised.")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get(0).get("summary_text").asText()).contains("<script>");
  }

  @Test
  void uriIsUsable() {
    assertThat(URI.create(server.uri().toString())).hasPort(server.uri().getPort());
  }
}
