package io.clinsum.sagemaker;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a training job stands.
 *
 * @param jobName the job
 * @param status {@code InProgress}, {@code Completed}, {@code Failed}, {@code Stopping} or {@code
 *     Stopped}
 * @param secondaryStatus the finer stage ({@code Starting}, {@code Downloading}, {@code Training},
 *     {@code Uploading}, ...)
 * @param transitions every secondary status so far, with its message and start time
 * @param finalMetrics the metrics SageMaker parsed from the log at the end (the recipe's {@code
 *     name=value} lines)
 * @param failureReason why it failed, or null
 * @param modelArtifacts the {@code model.tar.gz} it produced, or null
 */
public record TrainingStatus(
    String jobName,
    String status,
    String secondaryStatus,
    List<Transition> transitions,
    Map<String, Double> finalMetrics,
    String failureReason,
    String modelArtifacts) {
  public TrainingStatus {
    transitions = List.copyOf(transitions);
    finalMetrics = Map.copyOf(finalMetrics);
  }

  /** One stage of a job. */
  public record Transition(String status, String message, Instant startedAt) {}

  /** Whether the job has ended (completed, failed or stopped). */
  public boolean isFinal() {
    return status.equals("Completed") || status.equals("Failed") || status.equals("Stopped");
  }

  public Optional<String> failure() {
    return Optional.ofNullable(failureReason);
  }
}
