package io.clinsum.sagemaker;

import io.clinsum.sagemaker.internal.S3Store;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Deletes what a workflow created: endpoints, endpoint configs, models and S3 prefixes, in that
 * order. Idempotent: what is already gone counts as done, so it is safe to run again after a
 * partial failure, and one failing deletion does not stop the others.
 *
 * <pre>{@code
 * CleanUp.Report report = new CleanUp(aws).endpoint("ward-7").endpointConfig("ward-7-v2-config")
 *     .model("ward-7-v2").s3Prefix(S3Location.parse("s3://bucket/clinsum/job-1/")).run();
 * }</pre>
 */
public final class CleanUp {
  /** What happened to each resource: deleted, already gone, or the failure. */
  public record Report(List<String> deleted, List<String> alreadyGone, List<String> failed) {
    public Report {
      deleted = List.copyOf(deleted);
      alreadyGone = List.copyOf(alreadyGone);
      failed = List.copyOf(failed);
    }

    public boolean complete() {
      return failed.isEmpty();
    }
  }

  private final AwsSettings aws;
  private final List<String> endpoints = new ArrayList<>();
  private final List<String> configs = new ArrayList<>();
  private final List<String> models = new ArrayList<>();
  private final List<S3Location> prefixes = new ArrayList<>();

  public CleanUp(AwsSettings aws) {
    this.aws = aws;
  }

  public CleanUp endpoint(String name) {
    endpoints.add(name);
    return this;
  }

  public CleanUp endpointConfig(String name) {
    configs.add(name);
    return this;
  }

  public CleanUp model(String name) {
    models.add(name);
    return this;
  }

  public CleanUp s3Prefix(S3Location prefix) {
    if (prefix.key().isEmpty()) {
      throw new IllegalArgumentException("refusing to delete a whole bucket: " + prefix);
    }
    prefixes.add(prefix);
    return this;
  }

  /** Everything a deployment created. */
  public CleanUp deployment(Deployments.Deployment d) {
    return endpoint(d.endpointName()).endpointConfig(d.endpointConfigName()).model(d.modelName());
  }

  public Report run() {
    List<String> deleted = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    try (SageMakerClient sm = aws.sageMaker();
        S3Client s3 = aws.s3()) {
      for (String e : endpoints) {
        attempt(
            "endpoint " + e,
            () -> sm.deleteEndpoint(b -> b.endpointName(e)),
            deleted,
            gone,
            failed);
      }
      for (String c : configs) {
        attempt(
            "endpoint config " + c,
            () -> sm.deleteEndpointConfig(b -> b.endpointConfigName(c)),
            deleted,
            gone,
            failed);
      }
      for (String m : models) {
        attempt("model " + m, () -> sm.deleteModel(b -> b.modelName(m)), deleted, gone, failed);
      }
      S3Store store = new S3Store(s3, null);
      for (S3Location p : prefixes) {
        try {
          int n = store.deletePrefix(p);
          (n > 0 ? deleted : gone).add(p + (n > 0 ? " (" + n + " objects)" : ""));
        } catch (RuntimeException ex) {
          failed.add(p + ": " + ex.getMessage());
        }
      }
    }
    return new Report(deleted, gone, failed);
  }

  private static void attempt(
      String what, Runnable delete, List<String> deleted, List<String> gone, List<String> failed) {
    try {
      delete.run();
      deleted.add(what);
    } catch (AwsServiceException e) {
      if (isNotFound(e)) {
        gone.add(what);
      } else {
        failed.add(what + ": " + e.getMessage());
      }
    } catch (RuntimeException e) {
      failed.add(what + ": " + e.getMessage());
    }
  }

  /** SageMaker says "not found" as a 400 ValidationException ("Could not find ..."). */
  static boolean isNotFound(AwsServiceException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return e.statusCode() == 404
        || (e.statusCode() == 400
            && (message.contains("could not find")
                || message.contains("not found")
                || message.contains("does not exist")));
  }

  /** Logs each line of a report; for programs that print. */
  public static void print(Report r, Consumer<String> out) {
    r.deleted().forEach(d -> out.accept("deleted " + d));
    r.alreadyGone().forEach(d -> out.accept("already gone: " + d));
    r.failed().forEach(d -> out.accept("FAILED " + d));
  }
}
