package io.clinsum.samples.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.core.dataset.DatasetWriter;
import io.clinsum.sagemaker.S3Location;
import io.clinsum.sagemaker.testkit.MotoServer;
import io.clinsum.synthetic.SyntheticNoteGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The seed's workflow program against moto: it runs through and leaves nothing behind. */
class SeedWorkflowIT {
  @Test
  void fineTuneDeployAskCleanUp(@TempDir Path dir) throws Exception {
    Path train = dir.resolve("train.csv");
    try (DatasetWriter w = DatasetWriter.open(train, List.of("note", "summary"))) {
      SyntheticNoteGenerator.builder().seed(5).build().generate(30).forEach(w::write);
    }
    try (MotoServer moto = MotoServer.start()) {
      try (S3Client s3 = moto.aws().s3()) {
        s3.createBucket(b -> b.bucket("seed"));
      }
      moto.queueEndpointResults(
          "[{\"summary_text\": \"Crushing chest pain radiating to the left arm, sweating, nausea,"
              + " shortness of breath.\"}]");
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      String answer =
          SeedWorkflow.run(
              moto.aws(),
              train,
              "arn:aws:iam::123456789012:role/seed",
              S3Location.parse("s3://seed/clinsum/"),
              "ml.g5.xlarge",
              "ml.g4dn.xlarge", // moto knows no g5 endpoint instances
              Duration.ofMillis(100),
              new PrintStream(log, true, StandardCharsets.UTF_8));
      String printed = log.toString(StandardCharsets.UTF_8);
      assertThat(answer).startsWith("Crushing chest pain");
      assertThat(printed)
          .contains("Q: Summarize the symptoms that the patient is experiencing.")
          .contains("A: Crushing chest pain")
          .contains("clean-up: deleted endpoint clinsum-seed-")
          .doesNotContain("FAILED");
      try (SageMakerClient sm = moto.aws().sageMaker();
          S3Client s3 = moto.aws().s3()) {
        assertThat(sm.listEndpoints().endpoints()).isEmpty();
        assertThat(sm.listModels().models()).isEmpty();
        assertThat(sm.listEndpointConfigs().endpointConfigs()).isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket("seed")).contents()).isEmpty();
      }
    }
  }
}
