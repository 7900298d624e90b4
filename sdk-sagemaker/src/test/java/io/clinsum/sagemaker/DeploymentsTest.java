package io.clinsum.sagemaker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.clinsum.core.ConfigurationException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Deployment paths moto does not emulate (UpdateEndpoint, a failed endpoint), against a stub of
 * SageMaker's JSON protocol with the real SDK client.
 */
class DeploymentsTest {
  private WireMockServer stub;
  private AwsSettings aws;

  @BeforeEach
  void start() {
    stub = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stub.start();
    aws =
        new AwsSettings(
            Region.EU_WEST_1,
            URI.create(stub.baseUrl()),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    for (String ok :
        new String[] {"CreateModel", "CreateEndpointConfig", "UpdateEndpoint", "CreateEndpoint"}) {
      stub.stubFor(
          post(urlEqualTo("/"))
              .withHeader("X-Amz-Target", equalTo("SageMaker." + ok))
              .willReturn(aResponse().withStatus(200).withBody("{}")));
    }
  }

  @AfterEach
  void stop() {
    stub.stop();
  }

  private void endpointIs(String status, String reason) {
    stub.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("SageMaker.DescribeEndpoint"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        "{\"EndpointName\":\"ward-7\",\"EndpointArn\":\"arn\",\"EndpointStatus\":\""
                            + status
                            + "\""
                            + (reason == null ? "" : ",\"FailureReason\":\"" + reason + "\"")
                            + ",\"CreationTime\":1,\"LastModifiedTime\":1}")));
  }

  @Test
  void existingEndpoint_getsTheNewVersionThroughUpdateEndpoint() {
    endpointIs("InService", null);
    try (Deployments d = new Deployments(aws)) {
      Deployments.Deployment v2 =
          d.deploy(
              "ward-7",
              "ward-7-v2",
              "s3://b/model.tar.gz",
              "arn:role",
              "ml.g5.xlarge",
              1,
              Map.of("MAX_INPUT_LENGTH", "512"),
              "key-1");
      assertThat(v2.endpointConfigName()).isEqualTo("ward-7-v2-config");
    }
    stub.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("SageMaker.UpdateEndpoint"))
            .withRequestBody(
                matchingJsonPath("$.EndpointConfigName", equalTo("ward-7-v2-config"))));
    stub.verify(
        0,
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("SageMaker.CreateEndpoint")));
    stub.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("SageMaker.CreateModel"))
            .withRequestBody(
                matchingJsonPath(
                    "$.PrimaryContainer.Environment.HF_TASK", equalTo("summarization")))
            .withRequestBody(
                matchingJsonPath("$.PrimaryContainer.Environment.MAX_INPUT_LENGTH", equalTo("512")))
            .withRequestBody(
                matchingJsonPath(
                    "$.PrimaryContainer.Image",
                    equalTo(
                        "763104351884.dkr.ecr.eu-west-1.amazonaws.com/huggingface-pytorch-inference:"
                            + "2.1.0-transformers4.37.0-gpu-py310-cu118-ubuntu20.04"))));
    stub.verify(
        postRequestedFor(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("SageMaker.CreateEndpointConfig"))
            .withRequestBody(matchingJsonPath("$.KmsKeyId", equalTo("key-1"))));
  }

  @Test
  void failedEndpoint_saysWhy() {
    endpointIs(
        "Failed",
        "The primary container for production variant AllTraffic did not pass the ping health check.");
    try (Deployments d = new Deployments(aws)) {
      assertThatThrownBy(
              () -> d.awaitInService("ward-7", Duration.ofMillis(10), Duration.ofSeconds(5)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("Endpoint ward-7 failed to deploy")
          .hasMessageContaining("did not pass the ping health check");
    }
  }

  @Test
  void slowEndpoint_timesOutSayingItsStatus() {
    endpointIs("Creating", null);
    try (Deployments d = new Deployments(aws)) {
      assertThatThrownBy(
              () -> d.awaitInService("ward-7", Duration.ofMillis(50), Duration.ofMillis(300)))
          .hasMessageContaining("is still Creating after PT0.3S");
    }
  }
}
