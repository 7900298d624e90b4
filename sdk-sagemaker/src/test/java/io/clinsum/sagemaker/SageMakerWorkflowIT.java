package io.clinsum.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.ProgressListener;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.dataset.DatasetWriter;
import io.clinsum.core.extractive.ExtractiveBackend;
import io.clinsum.core.extractive.SentenceScorer;
import io.clinsum.sagemaker.testkit.MotoServer;
import io.clinsum.synthetic.SyntheticNoteGenerator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobResponse;

/**
 * Whole workflows with the real AWS SDK clients over HTTP against moto in server mode: upload →
 * training job → model → endpoint → invoke → clean-up, and Batch Transform with resume.
 */
class SageMakerWorkflowIT {
  private static final String ROLE = "arn:aws:iam::123456789012:role/clinsum-sagemaker";
  private static final Path RECIPE =
      Path.of("../sdk-local-gpu/src/main/resources/io/clinsum/local/recipe");
  private static MotoServer moto;
  private static AwsSettings aws;

  @BeforeAll
  static void start() throws Exception {
    moto = MotoServer.start();
    aws = moto.aws();
    try (S3Client s3 = aws.s3()) {
      s3.createBucket(b -> b.bucket("clinsum-test"));
    }
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  private static Path csv(Path dir, String name, int count, long seed) throws Exception {
    Path file = dir.resolve(name);
    List<DatasetRecord> records =
        SyntheticNoteGenerator.builder().seed(seed).build().generate(count);
    try (DatasetWriter w = DatasetWriter.open(file, List.of("note", "summary"))) {
      records.forEach(w::write);
    }
    return file;
  }

  @Test
  void fineTuneDeployInvokeCleanUp(@TempDir Path dir) throws Exception {
    Path train = csv(dir, "train.csv", 40, 1);
    Path validation = csv(dir, "validation.csv", 10, 2);
    S3Location prefix = S3Location.parse("s3://clinsum-test/workflows/");
    TrainingJobSpec spec =
        TrainingJobSpec.builder("clinsum-pegasus-ft-1")
            .roleArn(ROLE)
            .source(RECIPE, "train.py")
            .data(train, validation)
            .prefix(prefix)
            .hyperparameter("model_name_or_path", "google/pegasus-xsum")
            .hyperparameter("epochs", 3)
            .hyperparameter("export_onnx", false)
            .instance("ml.g5.xlarge", 1, 50)
            .spot(Duration.ofHours(30))
            .kmsKeyId("arn:aws:kms:eu-west-1:123456789012:key/clinsum")
            .build();

    try (TrainingJobs jobs = new TrainingJobs(aws)) {
      S3Location model = jobs.submit(spec);
      List<TrainingStatus> seen = new ArrayList<>();
      TrainingStatus done =
          jobs.follow(spec.jobName(), seen::add, Duration.ofMillis(100), Duration.ofSeconds(30));
      assertThat(done.status()).isEqualTo("Completed");
      assertThat(seen).isNotEmpty();
      assertThat(done.modelArtifacts()).endsWith("model.tar.gz");
      assertThat(model.toString()).endsWith("clinsum-pegasus-ft-1/output/model.tar.gz");

      // What SageMaker received: the estimator's contract.
      try (SageMakerClient sm = aws.sageMaker()) {
        DescribeTrainingJobResponse d =
            sm.describeTrainingJob(b -> b.trainingJobName(spec.jobName()));
        assertThat(d.hyperParameters())
            .containsEntry("sagemaker_program", "train.py")
            .containsEntry(
                "sagemaker_submit_directory",
                "s3://clinsum-test/workflows/clinsum-pegasus-ft-1/input/source/sourcedir.tar.gz")
            .containsEntry("sagemaker_region", "eu-west-1")
            .containsEntry("model_name_or_path", "google/pegasus-xsum")
            .containsEntry("epochs", "3")
            .containsEntry("export_onnx", "false");
        assertThat(d.algorithmSpecification().trainingImage())
            .isEqualTo(
                "763104351884.dkr.ecr.eu-west-1.amazonaws.com/huggingface-pytorch-training:"
                    + "2.1.0-transformers4.36.0-gpu-py310-cu121-ubuntu20.04");
        // moto answers with metric definitions of its own; TrainingJobsTest checks ours.
        assertThat(d.inputDataConfig())
            .extracting(c -> c.channelName())
            .containsExactly("train", "validation");
        assertThat(d.resourceConfig().volumeKmsKeyId()).contains("key/clinsum");
        assertThat(d.enableManagedSpotTraining()).isTrue();
        assertThat(d.stoppingCondition().maxWaitTimeInSeconds()).isEqualTo(30 * 3600);
      }
      // The recipe went up as a tar.gz with train.py at its root; the data as CSV, encrypted.
      try (S3Client s3 = aws.s3()) {
        byte[] tar =
            s3.getObjectAsBytes(
                    b ->
                        b.bucket("clinsum-test")
                            .key("workflows/clinsum-pegasus-ft-1/input/source/sourcedir.tar.gz"))
                .asByteArray();
        String listing =
            new String(
                new GZIPInputStream(new ByteArrayInputStream(tar)).readAllBytes(),
                StandardCharsets.ISO_8859_1);
        assertThat(listing).contains("train.py").contains("requirements.txt");
        var head =
            s3.headObject(
                b ->
                    b.bucket("clinsum-test")
                        .key("workflows/clinsum-pegasus-ft-1/input/data/train/train.csv"));
        assertThat(head.serverSideEncryptionAsString()).isEqualTo("aws:kms");
      }
      jobs.stop(spec.jobName()); // already ended: nothing to do, no error
      assertThatThrownBy(() -> jobs.status("no-such-job"))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("There is no training job no-such-job");

      Deployments.Deployment deployment;
      try (Deployments deployments = new Deployments(aws)) {
        deployment =
            deployments.deploy(
                "clinsum-seed",
                "clinsum-pegasus-ft-1",
                done.modelArtifacts(),
                ROLE,
                "ml.g4dn.xlarge", // moto knows no g5 endpoint instances
                1,
                Map.of(),
                null);
        deployments.awaitInService("clinsum-seed", Duration.ofMillis(100), Duration.ofSeconds(30));
      }

      moto.queueEndpointResults("[{\"summary_text\": \"Chest pain radiating to the left arm.\"}]");
      EndpointConfig endpoint =
          EndpointConfig.builder("clinsum-seed")
              .region(aws.region())
              .endpointOverride(aws.endpointOverride())
              .credentials(aws.credentials())
              .build();
      try (Summarizer s = Summarizers.of(new SageMakerBackend(endpoint))) {
        String answer =
            s.summarize(
                    SummarizationRequest.builder()
                        .text(
                            "Patient reports chest pain radiating to the left arm since this morning.")
                        .instruction("Summarize the symptoms that the patient is experiencing.")
                        .build())
                .text();
        assertThat(answer).isEqualTo("Chest pain radiating to the left arm.");
      }

      CleanUp cleanUp =
          new CleanUp(aws).deployment(deployment).s3Prefix(prefix.resolve(spec.jobName() + "/"));
      CleanUp.Report first = cleanUp.run();
      assertThat(first.complete()).as(first.toString()).isTrue();
      assertThat(first.deleted()).hasSize(4);
      CleanUp.Report again = cleanUp.run();
      assertThat(again.complete()).as(again.toString()).isTrue();
      assertThat(again.deleted()).isEmpty();
      assertThat(again.alreadyGone()).hasSize(4);
    }
  }

  @Test
  void asyncEndpoint_answerComesBackThroughS3_andAFailureIsReported() throws Exception {
    moto.queueAsyncResults(
        "[{\"summary_text\": \"Chest pain, STEMI, PCI.\"}]", "FAIL:CUDA out of memory on the GPU");
    EndpointConfig config =
        EndpointConfig.builder("clinsum-async")
            .region(aws.region())
            .endpointOverride(aws.endpointOverride())
            .credentials(aws.credentials())
            .async(
                S3Location.parse("s3://clinsum-test/async/"),
                Duration.ofSeconds(10),
                Duration.ofMillis(100))
            .build();
    try (Summarizer s = Summarizers.of(new SageMakerBackend(config))) {
      assertThat(s.summarize(SummarizationRequest.of("Chest pain. ST elevation. PCI.")).text())
          .isEqualTo("Chest pain, STEMI, PCI.");
      assertThatThrownBy(() -> s.summarize(SummarizationRequest.of("Another note about a fall.")))
          .isInstanceOf(io.clinsum.core.BackendException.class)
          .hasMessageContaining("asynchronous endpoint clinsum-async failed")
          .hasMessageContaining("CUDA out of memory");
    }
    try (S3Client s3 = aws.s3()) {
      // The request bodies (copies of notes) do not stay behind.
      assertThat(
              s3.listObjectsV2(b -> b.bucket("clinsum-test").prefix("async/requests/")).contents())
          .isEmpty();
    }
  }

  @Test
  void largeUpload_goesUpInPartsAndArrivesWhole(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.csv");
    byte[] content = new byte[20 * 1024 * 1024 + 123]; // above the 16 MB multipart threshold
    new java.util.Random(3).nextBytes(content);
    Files.write(big, content);
    try (S3Client s3 = aws.s3()) {
      S3Location target = S3Location.parse("s3://clinsum-test/uploads/big.csv");
      new io.clinsum.sagemaker.internal.S3Store(s3, null).upload(big, target);
      var head = s3.headObject(b -> b.bucket("clinsum-test").key("uploads/big.csv"));
      assertThat(head.eTag()).endsWith("-3\""); // three parts of 8 MB
      assertThat(head.serverSideEncryptionAsString()).isEqualTo("AES256");
      byte[] back =
          s3.getObjectAsBytes(b -> b.bucket("clinsum-test").key("uploads/big.csv")).asByteArray();
      assertThat(back).isEqualTo(content);
    }
  }

  @Test
  void batchTransform_partsJobsJoinAndResume() throws Exception {
    try (Deployments deployments = new Deployments(aws)) {
      deployments.deploy(
          "clinsum-batch-ep",
          "clinsum-batch-model",
          "s3://clinsum-test/models/model.tar.gz",
          ROLE,
          "ml.m5.xlarge",
          1,
          Map.of(),
          null);
    }
    List<BatchTransform.Note> notes = new ArrayList<>();
    for (DatasetRecord r : SyntheticNoteGenerator.builder().seed(9).build().generate(25)) {
      notes.add(new BatchTransform.Note(r.id(), r.note()));
    }
    BatchTransform.Spec spec =
        new BatchTransform.Spec(
            "clinsum-batch-1",
            "clinsum-batch-model",
            S3Location.parse("s3://clinsum-test/batch/run-1/"),
            "ml.g5.xlarge",
            1,
            10,
            4,
            PayloadCodecs.named("huggingface"),
            GenerationOptions.builder().maxLength(60).build(),
            null);
    try (BatchTransform batch =
            new BatchTransform(aws).polling(Duration.ofMillis(100), Duration.ofSeconds(30));
        SageMakerClient sm = aws.sageMaker();
        S3Client s3 = aws.s3();
        Summarizer container =
            Summarizers.of(new ExtractiveBackend(SentenceScorer.Mode.SECTION_AWARE, 30))) {
      assertThat(batch.submit(spec, notes)).isEqualTo(3);
      DescribeTransformJobResponse job =
          sm.describeTransformJob(b -> b.transformJobName("clinsum-batch-1-p00001"));
      assertThat(job.transformInput().splitTypeAsString()).isEqualTo("Line");
      assertThat(job.batchStrategyAsString()).isEqualTo("SingleRecord");
      assertThat(job.maxPayloadInMB()).isEqualTo(6);
      assertThat(job.transformOutput().assembleWithAsString()).isEqualTo("Line");

      // Play the transform container for parts 1 and 2 only: part 3 "is still running".
      ObjectMapper json = new ObjectMapper();
      for (int part = 1; part <= 2; part++) {
        String key = String.format("batch/run-1/input/part-%05d.jsonl", part);
        String input = s3.getObjectAsBytes(b -> b.bucket("clinsum-test").key(key)).asUtf8String();
        StringBuilder output = new StringBuilder();
        for (String line : input.split("\n")) {
          String summary =
              container
                  .summarize(SummarizationRequest.of(json.readTree(line).get("inputs").asText()))
                  .text();
          output
              .append(json.writeValueAsString(List.of(Map.of("summary_text", summary))))
              .append('\n');
        }
        String out = String.format("batch/run-1/output/part-%05d.jsonl.out", part);
        s3.putObject(
            b -> b.bucket("clinsum-test").key(out),
            software.amazon.awssdk.core.sync.RequestBody.fromString(output.toString()));
      }
      // moto marks jobs Completed at once, so the missing part shows as a job without output.
      assertThatThrownBy(() -> batch.collect(spec, ProgressListener.NONE))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("clinsum-batch-1-p00003 completed but wrote no");

      // Resume: submitting again sends nothing for parts 1 and 2 and keeps job 3 (it exists).
      assertThat(batch.submit(spec, notes)).isEqualTo(3);
      String last = "batch/run-1/input/part-00003.jsonl";
      String input = s3.getObjectAsBytes(b -> b.bucket("clinsum-test").key(last)).asUtf8String();
      StringBuilder output = new StringBuilder();
      int i = 0;
      for (String line : input.split("\n")) {
        // The fourth record comes back in a shape the codec does not read: it fails alone.
        output
            .append(
                i++ == 3
                    ? "{\"unexpected\": true}"
                    : json.writeValueAsString(List.of(Map.of("summary_text", "s" + i))))
            .append('\n');
      }
      s3.putObject(
          b -> b.bucket("clinsum-test").key("batch/run-1/output/part-00003.jsonl.out"),
          software.amazon.awssdk.core.sync.RequestBody.fromString(output.toString()));

      List<Long> progress = new ArrayList<>();
      Map<String, BatchTransform.Result> results =
          batch.collect(spec, (done, total) -> progress.add(done));
      assertThat(progress).containsExactly(1L, 2L, 3L);
      assertThat(results.keySet())
          .containsExactlyElementsOf(notes.stream().map(BatchTransform.Note::id).toList());
      assertThat(results.values().stream().filter(BatchTransform.Result::succeeded)).hasSize(24);
      BatchTransform.Result failed = results.get(notes.get(23).id());
      assertThat(failed.error())
          .contains("record 4 of part 3")
          .contains("does not fit codec 'huggingface'");
      String expected = container.summarize(SummarizationRequest.of(notes.get(0).text())).text();
      assertThat(results.get(notes.get(0).id()).summary()).isEqualTo(expected);
    }
  }
}
