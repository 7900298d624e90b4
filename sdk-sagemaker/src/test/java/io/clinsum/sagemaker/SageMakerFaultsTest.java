package io.clinsum.sagemaker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.clinsum.core.BackendException;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.SummarizationOutcome;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The real AWS SDK client against a local HTTP stub that answers like SageMaker's runtime:
 * throttling, 429, 5xx, 413, model errors, slow answers. Asserts what was retried, how often, and
 * what the caller is told.
 */
class SageMakerFaultsTest {
  private static final String PATH = "/endpoints/ward-7/invocations";
  private static final String NOTE =
      "Chest pain since 06:00. ECG shows ST elevation. Troponin raised. Taken for primary PCI.";
  private static WireMockServer stub;

  @BeforeAll
  static void start() {
    stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stub.start();
  }

  @AfterAll
  static void stop() {
    stub.stop();
  }

  @BeforeEach
  void reset() {
    stub.resetAll();
  }

  private static EndpointConfig.Builder config() {
    return EndpointConfig.builder("ward-7")
        .region(Region.EU_WEST_1)
        .endpointOverride(URI.create(stub.baseUrl()))
        .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .maxAttempts(4)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
        .attemptTimeout(Duration.ofSeconds(5));
  }

  private static ResponseDefinitionBuilder ok(String summary) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("[{\"summary_text\": \"" + summary + "\"}]");
  }

  private static ResponseDefinitionBuilder error(int status, String type, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-ErrorType", type)
        .withHeader("x-amzn-RequestId", "req-" + status)
        .withBody(body);
  }

  private static int calls() {
    return stub.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build()).getCount();
  }

  @Test
  void success_sendsTheCodecsBodySignedAndReturnsTheSummary() {
    stub.stubFor(post(urlEqualTo(PATH)).willReturn(ok("Anterior STEMI, PCI.")));
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().build()))) {
      assertThat(s.summarize(SummarizationRequest.of("n1", NOTE)).text())
          .isEqualTo("Anterior STEMI, PCI.");
      assertThat(s.info().backend()).isEqualTo("sagemaker");
      assertThat(s.info().modelId()).isEqualTo("ward-7");
    }
    stub.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("Accept", equalTo("application/json"))
            .withHeader("Authorization", containing("AWS4-HMAC-SHA256"))
            .withHeader("Authorization", containing("/eu-west-1/sagemaker/aws4_request"))
            .withRequestBody(matchingJsonPath("$.inputs", equalTo(NOTE)))
            .withRequestBody(matchingJsonPath("$.parameters.num_beams", equalTo("4"))));
  }

  @Test
  void throttlingThenSuccess_isRetriedTransparently() {
    stub.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("throttle")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(400, "ThrottlingException", "{\"message\":\"Rate exceeded\"}"))
            .willSetStateTo("second"));
    stub.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("throttle")
            .whenScenarioStateIs("second")
            .willReturn(aResponse().withStatus(429).withBody("{\"message\":\"Too many\"}"))
            .willSetStateTo("third"));
    stub.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("throttle")
            .whenScenarioStateIs("third")
            .willReturn(ok("Chest pain.")));
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().build()))) {
      assertThat(s.summarize(SummarizationRequest.of(NOTE)).text()).isEqualTo("Chest pain.");
    }
    assertThat(calls()).isEqualTo(3);
  }

  @Test
  void serverErrorsEveryTime_stopAfterMaxAttemptsWithARetriableError() {
    stub.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(error(503, "ServiceUnavailable", "{\"message\":\"busy\"}")));
    long start = System.nanoTime();
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().maxAttempts(3).build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE)))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("Endpoint ward-7 failed with HTTP 503")
          .hasMessageContaining("in 3 attempts")
          .satisfies(e -> assertThat(((BackendException) e).isRetriable()).isTrue())
          .satisfies(
              e -> {
                BackendException b = (BackendException) e;
                assertThat(b.reason()).isEqualTo(FailureReason.UNAVAILABLE);
                assertThat(b.httpStatus()).hasValue(503);
                assertThat(b.attempts()).hasValue(3);
                assertThat(b.requestId()).contains("req-503");
              });
    }
    assertThat(calls()).isEqualTo(3);
    // Two backoffs of at most 200 ms each, plus three quick answers.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void throttledEveryTime_saysSo() {
    stub.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(error(400, "ThrottlingException", "{\"message\":\"Rate exceeded\"}")));
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().maxAttempts(2).build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE)))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("is throttling requests; gave up after 2 attempts")
          .satisfies(
              e -> {
                BackendException b = (BackendException) e;
                assertThat(b.reason()).isEqualTo(FailureReason.THROTTLED);
                assertThat(b.isRetriable()).isTrue();
                assertThat(b.httpStatus()).hasValue(400);
                assertThat(b.attempts()).hasValue(2);
              });
    }
    assertThat(calls()).isEqualTo(2);
  }

  @Test
  void tooLarge413_isNotRetried() {
    stub.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse().withStatus(413).withBody("{\"message\":\"Request too large\"}")));
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE)))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("too large (413)")
          .satisfies(
              e -> {
                assertThat(((BackendException) e).reason())
                    .isEqualTo(FailureReason.PAYLOAD_TOO_LARGE);
                assertThat(((BackendException) e).httpStatus()).hasValue(413);
              });
    }
    assertThat(calls()).isEqualTo(1);
  }

  @Test
  void modelError_carriesTheContainersMessageAndLogStream_andIsNotRetried() {
    stub.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                error(
                    424,
                    "ModelError",
                    "{\"message\":\"Received server error (500) from model\","
                        + "\"OriginalStatusCode\":500,"
                        + "\"OriginalMessage\":\"CUDA out of memory\","
                        + "\"LogStreamArn\":\"arn:aws:logs:eu-west-1:123456789012:log-group:"
                        + "/aws/sagemaker/Endpoints/ward-7\"}")));
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE)))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("The model behind endpoint ward-7 failed (container status 500)")
          .hasMessageContaining("CUDA out of memory")
          .hasMessageContaining("log stream: arn:aws:logs:eu-west-1:123456789012")
          .satisfies(e -> assertThat(((BackendException) e).isRetriable()).isFalse())
          .satisfies(
              e -> {
                assertThat(((BackendException) e).reason()).isEqualTo(FailureReason.MODEL_ERROR);
                assertThat(((BackendException) e).httpStatus()).hasValue(424);
                assertThat(((BackendException) e).requestId()).contains("req-424");
              });
    }
    assertThat(calls()).isEqualTo(1);
  }

  @Test
  void slowAnswers_timeOutPerAttemptThenFail() {
    stub.stubFor(post(urlEqualTo(PATH)).willReturn(ok("late").withFixedDelay(3_000)));
    long start = System.nanoTime();
    try (Summarizer s =
        Summarizers.of(
            new SageMakerBackend(
                config().maxAttempts(2).attemptTimeout(Duration.ofMillis(700)).build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE)))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("did not answer within the attempt timeout in 2 attempts")
          .satisfies(
              e -> assertThat(((BackendException) e).reason()).isEqualTo(FailureReason.TIMEOUT));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(calls()).isEqualTo(2);
    // Two attempts cut at 0.7 s each; uncut they would take 6 s (the stub answers after 3 s).
    assertThat(took)
        .isGreaterThanOrEqualTo(Duration.ofMillis(1400))
        .isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void callTimeout_boundsTheWholeCallRetriesIncluded() {
    stub.stubFor(post(urlEqualTo(PATH)).willReturn(ok("late").withFixedDelay(3_000)));
    long start = System.nanoTime();
    try (Summarizer s =
        Summarizers.of(
            new SageMakerBackend(
                config()
                    .maxAttempts(10)
                    .attemptTimeout(Duration.ofMillis(600))
                    .callTimeout(Duration.ofMillis(1500))
                    .build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE)))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("did not answer within the call timeout")
          .satisfies(
              e -> assertThat(((BackendException) e).reason()).isEqualTo(FailureReason.TIMEOUT));
    }
    // Cut at 1.5 s; ten uncut attempts would take 30 s.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(calls()).isBetween(2, 3);
  }

  @Test
  void summarizeEach_aFailingNoteFailsAlone_theOthersAreSummarized() {
    stub.stubFor(post(urlEqualTo(PATH)).willReturn(ok("fine")));
    stub.stubFor(
        post(urlEqualTo(PATH))
            .withRequestBody(containing("POISON"))
            .willReturn(
                error(
                    424,
                    "ModelError",
                    "{\"OriginalStatusCode\":400,\"OriginalMessage\":\"bad input\"}")));
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().build()))) {
      List<SummarizationOutcome> out =
          s.summarizeEach(
              List.of(
                  SummarizationRequest.of("a", NOTE),
                  SummarizationRequest.of("b", NOTE + " POISON"),
                  SummarizationRequest.of("c", NOTE)));
      assertThat(out)
          .extracting(SummarizationOutcome::succeeded)
          .containsExactly(true, false, true);
      assertThat(out.get(1).error().getMessage()).contains("bad input");
      assertThat(out.get(0).result().text()).isEqualTo("fine");
    }
  }

  @Test
  void unknownEndpoint_isAConfigurationError() {
    stub.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                error(
                    400,
                    "ValidationError",
                    "{\"message\":\"Endpoint ward-7 of account 123456789012 not found.\"}")));
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("Endpoint ward-7 was not found")
          .hasMessageContaining("check its name and region")
          .satisfies(
              e -> {
                assertThat(((ConfigurationException) e).reason())
                    .isEqualTo(FailureReason.NOT_FOUND);
                assertThat(((ConfigurationException) e).httpStatus()).hasValue(400);
              });
    }
    assertThat(calls()).isEqualTo(1);
  }

  @Test
  void accessDenied_isAConfigurationErrorWithItsReasonAndRequestId() {
    stub.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                error(
                    403,
                    "AccessDeniedException",
                    "{\"message\":\"User is not authorized to perform InvokeEndpoint\"}")));
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE)))
          .isInstanceOfSatisfying(
              ConfigurationException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
                assertThat(e.isRetriable()).isFalse();
                assertThat(e.httpStatus()).hasValue(403);
                assertThat(e.requestId()).contains("req-403");
                assertThat(e.getMessage()).contains("sagemaker:InvokeEndpoint");
              });
    }
    assertThat(calls()).isEqualTo(1);
  }

  @Test
  void otherClientError_isBadInputAndNotRetried() {
    stub.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(error(400, "ValidationError", "{\"message\":\"Invalid body\"}")));
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE)))
          .isInstanceOfSatisfying(
              BackendException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.BAD_INPUT);
                assertThat(e.getMessage()).contains("refused the request: Invalid body");
              });
    }
    assertThat(calls()).isEqualTo(1);
  }

  @Test
  void answerInAnotherFormat_namesTheCodecAndTheProblem() {
    stub.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(aResponse().withStatus(200).withBody("{\"generated_texts\": [\"x\"]}")));
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config().build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE)))
          .isInstanceOf(BackendException.class)
          .hasMessageContaining("does not fit codec 'huggingface'")
          .hasMessageContaining("expected [0].summary_text or [0].generated_text")
          .satisfies(
              e ->
                  assertThat(((BackendException) e).reason()).isEqualTo(FailureReason.MODEL_ERROR));
    }
  }

  @Test
  void requestOverTheSizeCap_isRefusedBeforeAnyCall() {
    try (Summarizer s =
        Summarizers.of(
            new SageMakerBackend(config().maxRequestBytes(2048).maxInputTokens(4000).build()))) {
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of(NOTE.repeat(40))))
          .hasMessageContaining("over the endpoint's limit of 2048")
          .isInstanceOfSatisfying(
              BackendException.class,
              e -> assertThat(e.reason()).isEqualTo(FailureReason.PAYLOAD_TOO_LARGE));
    }
    assertThat(calls()).isZero();
  }
}
