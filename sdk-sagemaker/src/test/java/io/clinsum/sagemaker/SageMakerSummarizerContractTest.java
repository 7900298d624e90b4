package io.clinsum.sagemaker;

import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.core.testkit.SummarizerContractTest;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The sdk-core contract suite on the sagemaker backend, opened by name, over HTTP. */
class SageMakerSummarizerContractTest extends SummarizerContractTest {
  private static EmulatedEndpoint endpoint;

  @BeforeAll
  static void startEndpoint() throws IOException {
    endpoint = new EmulatedEndpoint("contract-test");
  }

  @AfterAll
  static void stopEndpoint() {
    endpoint.close();
  }

  @Override
  protected Summarizer openSummarizer() {
    return Summarizers.open(
        "sagemaker",
        BackendSettings.builder()
            .set("endpoint", "contract-test")
            .set("endpoint-url", endpoint.uri().toString())
            .set("region", "eu-west-1")
            .set("max-input-tokens", "128")
            .build());
  }
}
