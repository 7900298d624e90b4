package io.clinsum.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.MetricDefinition;

/** The CreateTrainingJob request ClinSum sends, field by field (moto echoes only some back). */
class TrainingJobsTest {
  @TempDir Path dir;

  private TrainingJobSpec.Builder spec() throws Exception {
    Files.writeString(dir.resolve("train.py"), "print('step=1')\n");
    Files.writeString(dir.resolve("train.csv"), "note,summary\nx,y\n");
    return TrainingJobSpec.builder("ward-7-ft")
        .roleArn("arn:aws:iam::123456789012:role/r")
        .source(dir, "train.py")
        .data(dir.resolve("train.csv"), null)
        .prefix(S3Location.parse("s3://bucket/clinsum"));
  }

  @Test
  void request_followsTheHuggingFaceEstimatorContract() throws Exception {
    TrainingJobSpec s =
        spec()
            .hyperparameter("epochs", 3)
            .hyperparameter("bf16", true)
            .vpc(List.of("subnet-1"), List.of("sg-1"))
            .kmsKeyId("key-1")
            .maxRuntime(Duration.ofHours(2))
            .build();
    S3Location base = S3Location.parse("s3://bucket/clinsum/ward-7-ft");
    CreateTrainingJobRequest r =
        TrainingJobs.request(
            s, Region.AP_EAST_1, base, List.of(Channel.builder().channelName("train").build()));
    assertThat(r.hyperParameters())
        .containsEntry("epochs", "3")
        .containsEntry("bf16", "true")
        .containsEntry("sagemaker_program", "train.py")
        .containsEntry(
            "sagemaker_submit_directory",
            "s3://bucket/clinsum/ward-7-ft/input/source/sourcedir.tar.gz")
        .containsEntry("sagemaker_region", "ap-east-1");
    // Another registry account in this region; the image comes from the table, not the code.
    assertThat(r.algorithmSpecification().trainingImage())
        .startsWith("871362719292.dkr.ecr.ap-east-1.amazonaws.com/huggingface-pytorch-training:");
    assertThat(r.algorithmSpecification().metricDefinitions())
        .extracting(MetricDefinition::name)
        .contains("train_loss", "eval_rougeL", "eval_rougeLsum", "progress");
    assertThat(r.algorithmSpecification().metricDefinitions())
        .filteredOn(m -> m.name().equals("eval_rougeL"))
        .extracting(MetricDefinition::regex)
        .containsExactly("eval_rougeL=([0-9.]+)");
    assertThat(r.outputDataConfig().s3OutputPath())
        .isEqualTo("s3://bucket/clinsum/ward-7-ft/output/");
    assertThat(r.outputDataConfig().kmsKeyId()).isEqualTo("key-1");
    assertThat(r.resourceConfig().volumeKmsKeyId()).isEqualTo("key-1");
    assertThat(r.enableInterContainerTrafficEncryption()).isTrue();
    assertThat(r.enableManagedSpotTraining()).isFalse();
    assertThat(r.stoppingCondition().maxRuntimeInSeconds()).isEqualTo(7200);
    assertThat(r.stoppingCondition().maxWaitTimeInSeconds()).isNull();
    assertThat(r.vpcConfig().subnets()).containsExactly("subnet-1");
    assertThat(r.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/r");
  }

  @Test
  void badSpecs_sayWhatIsWrong() throws Exception {
    assertThatThrownBy(() -> TrainingJobSpec.builder("bad_name"))
        .hasMessageContaining("letters, digits and hyphens");
    assertThatThrownBy(() -> spec().hyperparameter("sagemaker_program", "x"))
        .hasMessageContaining("set by ClinSum");
    assertThatThrownBy(
            () -> spec().spot(Duration.ofHours(1)).maxRuntime(Duration.ofHours(2)).build())
        .hasMessageContaining("spot maxWait (PT1H) must be at least maxRuntime (PT2H)");
    assertThatThrownBy(() -> spec().vpc(List.of("subnet-1"), List.of()).build())
        .hasMessageContaining("both subnets and security groups");
    assertThatThrownBy(() -> spec().source(dir, "missing.py").build())
        .hasMessageContaining("has no missing.py");
  }

  @Test
  void images_perRegionFromTheTable() {
    assertThat(HuggingFaceImages.account(Region.EU_WEST_1)).isEqualTo("763104351884");
    assertThat(HuggingFaceImages.inference(Region.CN_NORTH_1, "t"))
        .isEqualTo(
            "727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/huggingface-pytorch-inference:t");
  }

  @org.junit.jupiter.api.Test
  void maskedCopy_masksNoteSummaryAndInstruction(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("train.csv");
    java.nio.file.Files.writeString(
        csv,
        "note,summary,instruction\n"
            + "\"Mr. John Smith, MRN: 7781234, chest pain.\",Smith: chest pain.,\n");

    Path masked = TrainingJobs.maskedCopy(csv, io.clinsum.core.deid.Deidentifier.builder().build());

    org.assertj.core.api.Assertions.assertThat(masked.getFileName().toString())
        .isEqualTo("train.csv");
    org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(masked))
        .isEqualTo(
            "note,summary,instruction\n\"Mr. [NAME], MRN: [MRN], chest pain.\",[NAME]: chest pain.,\n");
    org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(csv))
        .contains("John Smith");
  }
}
