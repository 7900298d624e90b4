package io.clinsum.sagemaker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fine-tuning job as the Hugging Face estimator would submit it: the recipe folder (with its
 * entry point and {@code requirements.txt}), the {@code train}/{@code validation} CSV channels,
 * hyperparameters, and where and on what it runs. HIPAA-minded defaults: everything uploaded is
 * encrypted at rest (with {@link Builder#kmsKeyId} when given), traffic between training instances
 * is encrypted, and a VPC can be named.
 */
public final class TrainingJobSpec {
  /** Metric definitions matching the recipe's {@code name=value} lines (see its README). */
  public static final Map<String, String> RECIPE_METRICS = recipeMetrics();

  final String jobName;
  final String roleArn;
  final Path sourceDir;
  final String entryPoint;
  final Path train;
  final Path validation;
  final S3Location prefix;
  final Map<String, String> hyperparameters;
  final String instanceType;
  final int instanceCount;
  final int volumeSizeGb;
  final Duration maxRuntime;
  final Duration maxWait;
  final List<String> subnets;
  final List<String> securityGroups;
  final String kmsKeyId;
  final String image;
  final Map<String, String> metrics;
  final io.clinsum.core.deid.Deidentifier deidentifier;

  private TrainingJobSpec(Builder b) {
    jobName = b.jobName;
    roleArn = Objects.requireNonNull(b.roleArn, "roleArn: the IAM role SageMaker runs the job as");
    sourceDir = Objects.requireNonNull(b.sourceDir, "sourceDir: the recipe folder");
    entryPoint = b.entryPoint;
    train = Objects.requireNonNull(b.train, "train: the training CSV");
    validation = b.validation;
    prefix = Objects.requireNonNull(b.prefix, "prefix: where inputs and outputs go in S3");
    hyperparameters = Map.copyOf(b.hyperparameters);
    instanceType = b.instanceType;
    instanceCount = b.instanceCount;
    volumeSizeGb = b.volumeSizeGb;
    maxRuntime = b.maxRuntime;
    maxWait = b.maxWait;
    subnets = List.copyOf(b.subnets);
    securityGroups = List.copyOf(b.securityGroups);
    kmsKeyId = b.kmsKeyId;
    image = b.image;
    metrics = Map.copyOf(b.metrics);
    deidentifier = b.deidentifier;
    if (!java.nio.file.Files.isRegularFile(sourceDir.resolve(entryPoint))) {
      throw new IllegalArgumentException(
          sourceDir + " has no " + entryPoint + ": point sourceDir at the training recipe folder");
    }
    if (subnets.isEmpty() != securityGroups.isEmpty()) {
      throw new IllegalArgumentException("a VPC needs both subnets and security groups");
    }
  }

  public static Builder builder(String jobName) {
    return new Builder(jobName);
  }

  public String jobName() {
    return jobName;
  }

  /** The training image, when set; otherwise the Hugging Face PyTorch training image. */
  public Optional<String> image() {
    return Optional.ofNullable(image);
  }

  /** Whether the job runs on spot capacity (with {@code maxWait}). */
  public boolean spot() {
    return maxWait != null;
  }

  private static Map<String, String> recipeMetrics() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name :
        List.of(
            "train_loss",
            "eval_loss",
            "eval_rouge1",
            "eval_rouge2",
            "eval_rougeL",
            "eval_rougeLsum",
            "learning_rate",
            "epoch",
            "progress")) {
      m.put(name, name + "=([0-9.]+)");
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Builds a {@link TrainingJobSpec}; {@link #build()} checks the whole. */
  public static final class Builder {
    private final String jobName;
    private String roleArn;
    private Path sourceDir;
    private String entryPoint = "train.py";
    private Path train;
    private Path validation;
    private S3Location prefix;
    private final Map<String, String> hyperparameters = new LinkedHashMap<>();
    private String instanceType = "ml.g5.xlarge";
    private int instanceCount = 1;
    private int volumeSizeGb = 50;
    private Duration maxRuntime = Duration.ofHours(24);
    private Duration maxWait;
    private List<String> subnets = List.of();
    private List<String> securityGroups = List.of();
    private String kmsKeyId;
    private String image;
    private Map<String, String> metrics = RECIPE_METRICS;
    private io.clinsum.core.deid.Deidentifier deidentifier;

    /**
     * Masks PHI in the {@code note}, {@code summary} and {@code instruction} columns of the data
     * channels before they are uploaded (a masked copy is uploaded; the local files stay as they
     * are). Default: none, the files go as they are. A row whose masking fails stops the submission
     * before anything is uploaded.
     */
    public Builder deidentify(io.clinsum.core.deid.Deidentifier deidentifier) {
      this.deidentifier = deidentifier;
      return this;
    }

    private Builder(String jobName) {
      this.jobName = Names.check("training job", jobName);
    }

    public Builder roleArn(String roleArn) {
      this.roleArn = roleArn;
      return this;
    }

    /** The recipe folder and its entry point ({@code train.py}). */
    public Builder source(Path dir, String entryPoint) {
      this.sourceDir = dir;
      this.entryPoint = entryPoint;
      return this;
    }

    /** The {@code train} and optional {@code validation} channels (CSV files). */
    public Builder data(Path train, Path validation) {
      this.train = train;
      this.validation = validation;
      return this;
    }

    /** Where the job's inputs ({@code JOB/input/...}) and outputs ({@code JOB/output/...}) go. */
    public Builder prefix(S3Location prefix) {
      this.prefix = prefix;
      return this;
    }

    /** A hyperparameter of the recipe ({@code epochs}, {@code model_name_or_path}, ...). */
    public Builder hyperparameter(String name, Object value) {
      if (name.startsWith("sagemaker_")) {
        throw new IllegalArgumentException(name + " is set by ClinSum, not by hand");
      }
      hyperparameters.put(name, String.valueOf(value));
      return this;
    }

    public Builder instance(String type, int count, int volumeSizeGb) {
      this.instanceType = Objects.requireNonNull(type, "type");
      if (count < 1 || volumeSizeGb < 1) {
        throw new IllegalArgumentException("instance count and volume size must be positive");
      }
      this.instanceCount = count;
      this.volumeSizeGb = volumeSizeGb;
      return this;
    }

    public Builder maxRuntime(Duration runtime) {
      this.maxRuntime = Objects.requireNonNull(runtime, "runtime");
      return this;
    }

    /** Managed spot training, waiting at most {@code maxWait} (run time included) for capacity. */
    public Builder spot(Duration maxWait) {
      this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
      return this;
    }

    public Builder vpc(List<String> subnets, List<String> securityGroups) {
      this.subnets = subnets;
      this.securityGroups = securityGroups;
      return this;
    }

    /** A KMS key for the uploads, the training volume and the output. */
    public Builder kmsKeyId(String kmsKeyId) {
      this.kmsKeyId = kmsKeyId;
      return this;
    }

    /** Another training image than the Hugging Face PyTorch one. */
    public Builder image(String image) {
      this.image = image;
      return this;
    }

    /** Metric definitions (name → regex with one group); the recipe's by default. */
    public Builder metrics(Map<String, String> metrics) {
      this.metrics = metrics;
      return this;
    }

    public TrainingJobSpec build() {
      if (maxWait != null && maxWait.compareTo(maxRuntime) < 0) {
        throw new IllegalArgumentException(
            "spot maxWait (" + maxWait + ") must be at least maxRuntime (" + maxRuntime + ")");
      }
      return new TrainingJobSpec(this);
    }
  }
}
