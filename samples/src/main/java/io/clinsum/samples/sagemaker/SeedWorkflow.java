package io.clinsum.samples.sagemaker;

import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.local.finetune.FineTuningJob;
import io.clinsum.sagemaker.AwsSettings;
import io.clinsum.sagemaker.CleanUp;
import io.clinsum.sagemaker.Deployments;
import io.clinsum.sagemaker.EndpointConfig;
import io.clinsum.sagemaker.S3Location;
import io.clinsum.sagemaker.SageMakerBackend;
import io.clinsum.sagemaker.TrainingJobSpec;
import io.clinsum.sagemaker.TrainingJobs;
import io.clinsum.sagemaker.TrainingStatus;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The seed's workflow in Java, end to end on Amazon SageMaker: fine-tune {@code
 * google/pegasus-xsum} on a CSV of {@code note,summary} rows with ClinSum's recipe, deploy the
 * result behind an endpoint, ask it the seed's question about a chest-pain note, print the answer,
 * and delete everything it created, whatever happened.
 *
 * <pre>
 * java -cp samples/target/clinsum.jar io.clinsum.samples.sagemaker.SeedWorkflow \
 *     --train notes.csv --role arn:aws:iam::123456789012:role/SageMakerRole \
 *     --s3 s3://my-bucket/clinsum --region eu-west-1 [--instance ml.g5.xlarge] \
 *     [--endpoint-url http://127.0.0.1:5000 (a local AWS emulator)]
 * </pre>
 *
 * <p>Costs money on real AWS (a GPU training job, an endpoint for as long as it runs): it cleans up
 * in a {@code finally}, and prints what it deleted.
 */
public final class SeedWorkflow {
  static final String QUESTION = "Summarize the symptoms that the patient is experiencing.";
  static final String NOTE =
      "58-year-old man presents with crushing central chest pain radiating to the left arm for two"
          + " hours, with sweating, nausea and shortness of breath. ECG shows ST elevation in"
          + " V2-V4; troponin raised.";

  private SeedWorkflow() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    for (String required : new String[] {"train", "role", "s3", "region"}) {
      if (!a.containsKey(required)) {
        System.err.println("missing --" + required + "; see the class comment for the arguments");
        System.exit(2);
      }
    }
    AwsSettings aws =
        new AwsSettings(
            Region.of(a.get("region")),
            a.containsKey("endpoint-url") ? URI.create(a.get("endpoint-url")) : null,
            DefaultCredentialsProvider.builder().build());
    run(
        aws,
        Path.of(a.get("train")),
        a.get("role"),
        S3Location.parse(a.get("s3")),
        a.getOrDefault("instance", "ml.g5.xlarge"),
        a.getOrDefault("endpoint-instance", "ml.g5.xlarge"),
        Duration.ofSeconds(Long.parseLong(a.getOrDefault("poll-seconds", "30"))),
        System.out);
  }

  /** The workflow; returns the endpoint's answer. */
  public static String run(
      AwsSettings aws,
      Path train,
      String role,
      S3Location prefix,
      String trainingInstance,
      String endpointInstance,
      Duration poll,
      PrintStream out)
      throws Exception {
    String stamp = Long.toString(System.currentTimeMillis() / 1000, 36);
    String job = "clinsum-seed-" + stamp;
    Path recipe = FineTuningJob.copyRecipe(Files.createTempDirectory("clinsum-recipe"));
    CleanUp cleanUp = new CleanUp(aws).s3Prefix(prefix.resolve(job + "/"));
    try (TrainingJobs jobs = new TrainingJobs(aws)) {
      TrainingJobSpec spec =
          TrainingJobSpec.builder(job)
              .roleArn(role)
              .source(recipe, "train.py")
              .data(train, null)
              .prefix(prefix)
              .hyperparameter("model_name_or_path", "google/pegasus-xsum")
              .hyperparameter("epochs", 3)
              .hyperparameter("learning_rate", "0.00005")
              .hyperparameter("train_batch_size", 8)
              .hyperparameter("max_source_length", 512)
              .hyperparameter("max_target_length", 96)
              .hyperparameter("export_onnx", "False")
              .instance(trainingInstance, 1, 50)
              .build();
      jobs.submit(spec);
      out.println("training job " + job + " submitted");
      TrainingStatus done =
          jobs.follow(
              job,
              s -> out.println("  " + s.status() + " / " + s.secondaryStatus()),
              poll,
              Duration.ofHours(12));
      if (!done.status().equals("Completed")) {
        throw new IllegalStateException(
            "training job " + job + " ended " + done.status() + ": " + done.failureReason());
      }
      done.finalMetrics().forEach((k, v) -> out.println("  " + k + " = " + v));

      Deployments.Deployment deployment;
      try (Deployments deployments = new Deployments(aws)) {
        deployment =
            deployments.deploy(
                job, job, done.modelArtifacts(), role, endpointInstance, 1, Map.of(), null);
        cleanUp.deployment(deployment);
        out.println("endpoint " + job + " deploying");
        deployments.awaitInService(job, poll, Duration.ofHours(1));
      }
      EndpointConfig endpoint =
          EndpointConfig.builder(job)
              .region(aws.region())
              .endpointOverride(aws.endpointOverride())
              .credentials(aws.credentials())
              .build();
      try (Summarizer summarizer = Summarizers.of(new SageMakerBackend(endpoint))) {
        String answer =
            summarizer
                .summarize(SummarizationRequest.builder().text(NOTE).instruction(QUESTION).build())
                .text();
        out.println("Q: " + QUESTION);
        out.println("A: " + answer);
        return answer;
      }
    } finally {
      CleanUp.Report report = cleanUp.run();
      CleanUp.print(report, line -> out.println("clean-up: " + line));
    }
  }
}
