package io.clinsum.sagemaker;

import io.clinsum.core.ConfigurationException;
import io.clinsum.sagemaker.internal.S3Store;
import io.clinsum.sagemaker.internal.Tar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricDefinition;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.S3DataDistribution;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;
import software.amazon.awssdk.services.sagemaker.model.VpcConfig;

/**
 * Submits fine-tuning jobs to SageMaker, follows them and stops them.
 *
 * <pre>{@code
 * try (TrainingJobs jobs = new TrainingJobs(AwsSettings.of(Region.EU_WEST_1))) {
 *   jobs.submit(spec);
 *   TrainingStatus done = jobs.follow(spec.jobName(), s -> System.out.println(s.secondaryStatus()),
 *       Duration.ofSeconds(30), Duration.ofHours(6));
 * }
 * }</pre>
 */
public final class TrainingJobs implements AutoCloseable {
  private final AwsSettings aws;
  private final SageMakerClient sageMaker;
  private final S3Client s3;

  public TrainingJobs(AwsSettings aws) {
    this.aws = aws;
    this.sageMaker = aws.sageMaker();
    this.s3 = aws.s3();
  }

  /**
   * Uploads the recipe as {@code sourcedir.tar.gz} and the data channels, then creates the job.
   *
   * @return where the job will write its model ({@code .../output/JOB/output/model.tar.gz})
   */
  public S3Location submit(TrainingJobSpec spec) throws IOException {
    S3Store store = new S3Store(s3, spec.kmsKeyId);
    S3Location base = spec.prefix.resolve(spec.jobName);
    Path train = spec.train;
    Path validation = spec.validation;
    List<Path> masked = new ArrayList<>();
    if (spec.deidentifier != null) {
      // mask both channels before anything is uploaded
      train = maskedCopy(spec.train, spec.deidentifier);
      masked.add(train);
      if (validation != null) {
        validation = maskedCopy(validation, spec.deidentifier);
        masked.add(validation);
      }
    }
    try {
      return submit(spec, store, base, train, validation);
    } finally {
      for (Path p : masked) {
        Files.deleteIfExists(p);
        Files.deleteIfExists(p.getParent());
      }
    }
  }

  private S3Location submit(
      TrainingJobSpec spec, S3Store store, S3Location base, Path train, Path validation)
      throws IOException {
    Path tar = Files.createTempFile("sourcedir", ".tar.gz");
    try {
      Tar.gzipFolder(spec.sourceDir, tar);
      store.upload(tar, base.resolve("input/source/sourcedir.tar.gz"));
    } finally {
      Files.deleteIfExists(tar);
    }
    List<Channel> channels = new ArrayList<>();
    channels.add(channel("train", store, train, base.resolve("input/data/train/")));
    if (validation != null) {
      channels.add(
          channel("validation", store, validation, base.resolve("input/data/validation/")));
    }
    sageMaker.createTrainingJob(request(spec, aws.region(), base, channels));
    return base.resolve("output/").resolve(spec.jobName + "/output/model.tar.gz");
  }

  /**
   * A copy of the training CSV {@code file} (columns {@code note}, {@code summary}, optional {@code
   * instruction}) with PHI masked in those columns, under the same file name in a new temporary
   * folder; other columns are dropped.
   */
  static Path maskedCopy(Path file, io.clinsum.core.deid.Deidentifier deid) throws IOException {
    Path dir = Files.createTempDirectory("clinsum-deid");
    Path out = dir.resolve(file.getFileName().toString());
    try (io.clinsum.core.dataset.DatasetReader reader =
            io.clinsum.core.dataset.DatasetReader.open(
                file, io.clinsum.core.dataset.DatasetOptions.defaults());
        io.clinsum.core.dataset.DatasetWriter writer =
            io.clinsum.core.dataset.DatasetWriter.open(
                out, List.of("note", "summary", "instruction"))) {
      while (reader.hasNext()) {
        io.clinsum.core.dataset.DatasetRecord r = reader.next();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("note", deid.deidentify(r.note()).text());
        row.put("summary", r.summary() == null ? null : deid.deidentify(r.summary()).text());
        row.put(
            "instruction",
            r.instruction() == null ? null : deid.deidentify(r.instruction()).text());
        writer.writeRow(row);
      }
    } catch (RuntimeException e) {
      Files.deleteIfExists(out);
      Files.deleteIfExists(dir);
      throw e;
    }
    return out;
  }

  /** The CreateTrainingJob request for {@code spec}, whose inputs are under {@code base}. */
  static CreateTrainingJobRequest request(
      TrainingJobSpec spec,
      software.amazon.awssdk.regions.Region region,
      S3Location base,
      List<Channel> channels) {
    Map<String, String> hyperparameters = new LinkedHashMap<>(spec.hyperparameters);
    hyperparameters.put("sagemaker_program", spec.entryPoint);
    hyperparameters.put(
        "sagemaker_submit_directory", base.resolve("input/source/sourcedir.tar.gz").toString());
    hyperparameters.put("sagemaker_region", region.id());
    hyperparameters.put("sagemaker_container_log_level", "20");
    S3Location output = base.resolve("output/");
    CreateTrainingJobRequest.Builder request =
        CreateTrainingJobRequest.builder()
            .trainingJobName(spec.jobName)
            .roleArn(spec.roleArn)
            .algorithmSpecification(
                AlgorithmSpecification.builder()
                    .trainingImage(
                        spec.image().orElseGet(() -> HuggingFaceImages.training(region, null)))
                    .trainingInputMode(TrainingInputMode.FILE)
                    .metricDefinitions(
                        spec.metrics.entrySet().stream()
                            .map(
                                e ->
                                    MetricDefinition.builder()
                                        .name(e.getKey())
                                        .regex(e.getValue())
                                        .build())
                            .toList())
                    .build())
            .hyperParameters(hyperparameters)
            .inputDataConfig(channels)
            .outputDataConfig(
                OutputDataConfig.builder()
                    .s3OutputPath(output.toString())
                    .kmsKeyId(spec.kmsKeyId)
                    .build())
            .resourceConfig(
                ResourceConfig.builder()
                    .instanceType(spec.instanceType)
                    .instanceCount(spec.instanceCount)
                    .volumeSizeInGB(spec.volumeSizeGb)
                    .volumeKmsKeyId(spec.kmsKeyId)
                    .build())
            .stoppingCondition(
                StoppingCondition.builder()
                    .maxRuntimeInSeconds((int) spec.maxRuntime.toSeconds())
                    .maxWaitTimeInSeconds(spec.spot() ? (int) spec.maxWait.toSeconds() : null)
                    .build())
            .enableManagedSpotTraining(spec.spot())
            .enableInterContainerTrafficEncryption(true)
            .tags(Tag.builder().key("created-by").value("clinsum").build());
    if (!spec.subnets.isEmpty()) {
      request.vpcConfig(
          VpcConfig.builder().subnets(spec.subnets).securityGroupIds(spec.securityGroups).build());
    }
    return request.build();
  }

  private static Channel channel(String name, S3Store store, Path file, S3Location prefix)
      throws IOException {
    store.upload(file, prefix.resolve(file.getFileName().toString()));
    return Channel.builder()
        .channelName(name)
        .contentType("text/csv")
        .dataSource(
            DataSource.builder()
                .s3DataSource(
                    S3DataSource.builder()
                        .s3DataType(S3DataType.S3_PREFIX)
                        .s3Uri(prefix.toString())
                        .s3DataDistributionType(S3DataDistribution.FULLY_REPLICATED)
                        .build())
                .build())
        .build();
  }

  /**
   * @throws ConfigurationException when there is no such job
   */
  public TrainingStatus status(String jobName) {
    DescribeTrainingJobResponse d;
    try {
      d = sageMaker.describeTrainingJob(b -> b.trainingJobName(jobName));
    } catch (ResourceNotFoundException e) {
      throw new ConfigurationException("There is no training job " + jobName, e);
    } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
      if (CleanUp.isNotFound(e)) {
        throw new ConfigurationException("There is no training job " + jobName, e);
      }
      throw e;
    }
    List<TrainingStatus.Transition> transitions =
        d.secondaryStatusTransitions().stream()
            .map(
                t ->
                    new TrainingStatus.Transition(
                        t.statusAsString(), t.statusMessage(), t.startTime()))
            .toList();
    Map<String, Double> metrics = new LinkedHashMap<>();
    d.finalMetricDataList().forEach(m -> metrics.put(m.metricName(), m.value().doubleValue()));
    return new TrainingStatus(
        jobName,
        d.trainingJobStatusAsString(),
        d.secondaryStatusAsString(),
        transitions,
        metrics,
        d.failureReason(),
        d.modelArtifacts() == null ? null : d.modelArtifacts().s3ModelArtifacts());
  }

  /**
   * Polls the job until it ends, telling {@code onChange} each time its status or stage changes.
   *
   * @return the final status
   * @throws ConfigurationException when it has not ended within {@code timeout}
   */
  public TrainingStatus follow(
      String jobName, Consumer<TrainingStatus> onChange, Duration poll, Duration timeout) {
    Instant end = Instant.now().plus(timeout);
    String last = null;
    while (true) {
      TrainingStatus s = status(jobName);
      String now = s.status() + "/" + s.secondaryStatus();
      if (!now.equals(last)) {
        onChange.accept(s);
        last = now;
      }
      if (s.isFinal()) {
        return s;
      }
      if (Instant.now().isAfter(end)) {
        throw new ConfigurationException(
            "Training job "
                + jobName
                + " is still "
                + now
                + " after "
                + timeout
                + "; it goes on running: follow it again, or stop it");
      }
      sleep(poll);
    }
  }

  /** Asks SageMaker to stop the job; a job that has already ended is left as it is. */
  public void stop(String jobName) {
    TrainingStatus s = status(jobName);
    if (!s.isFinal() && !s.status().equals("Stopping")) {
      sageMaker.stopTrainingJob(b -> b.trainingJobName(jobName));
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting on SageMaker", e);
    }
  }

  @Override
  public void close() {
    sageMaker.close();
    s3.close();
  }
}
