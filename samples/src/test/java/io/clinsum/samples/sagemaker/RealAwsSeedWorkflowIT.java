package io.clinsum.samples.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.clinsum.core.dataset.DatasetWriter;
import io.clinsum.sagemaker.AwsSettings;
import io.clinsum.sagemaker.S3Location;
import io.clinsum.synthetic.SyntheticNoteGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * The seed's workflow on real AWS. Costs money (a GPU training job and an endpoint for about an
 * hour), so it runs only when asked: {@code CLINSUM_AWS_IT=1} with {@code CLINSUM_AWS_ROLE} (a
 * SageMaker execution role), {@code CLINSUM_AWS_S3} ({@code s3://bucket/prefix}), {@code
 * AWS_REGION} and credentials in the SDK's default chain. Never run in this project's CI (no AWS
 * account).
 */
@EnabledIfEnvironmentVariable(named = "CLINSUM_AWS_IT", matches = "1")
class RealAwsSeedWorkflowIT {
  @Test
  void seedWorkflowOnRealSageMaker(@TempDir Path dir) throws Exception {
    Path train = dir.resolve("train.csv");
    try (DatasetWriter w = DatasetWriter.open(train, List.of("note", "summary"))) {
      SyntheticNoteGenerator.builder().seed(11).build().generate(2000).forEach(w::write);
    }
    String answer =
        SeedWorkflow.run(
            AwsSettings.of(Region.of(System.getenv("AWS_REGION"))),
            train,
            System.getenv("CLINSUM_AWS_ROLE"),
            S3Location.parse(System.getenv("CLINSUM_AWS_S3")),
            "ml.g5.xlarge",
            "ml.g5.xlarge",
            Duration.ofSeconds(30),
            System.out);
    assertThat(answer).isNotBlank();
  }
}
