package io.clinsum.sagemaker;

import io.clinsum.core.ConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Puts a trained model behind a real-time endpoint: {@code CreateModel} (the Hugging Face inference
 * image with the job's {@code model.tar.gz}), {@code CreateEndpointConfig}, then {@code
 * CreateEndpoint}, or {@code UpdateEndpoint} when the endpoint exists (a new model version, no
 * downtime), and waits until it is {@code InService}.
 */
public final class Deployments implements AutoCloseable {
  /** What one deployment created; {@link CleanUp} deletes it. */
  public record Deployment(String endpointName, String endpointConfigName, String modelName) {}

  private final AwsSettings aws;
  private final SageMakerClient sageMaker;

  public Deployments(AwsSettings aws) {
    this.aws = aws;
    this.sageMaker = aws.sageMaker();
  }

  /**
   * Deploys {@code modelData} as model {@code modelName} behind endpoint {@code endpointName}.
   *
   * @param environment the container's environment ({@code HF_TASK=summarization} is added)
   * @param kmsKeyId a KMS key for the endpoint's storage volume, or null
   */
  public Deployment deploy(
      String endpointName,
      String modelName,
      String modelData,
      String roleArn,
      String instanceType,
      int instanceCount,
      Map<String, String> environment,
      String kmsKeyId) {
    Names.check("endpoint", endpointName);
    Names.check("model", modelName);
    String configName = Names.check("endpoint config", modelName + "-config");
    Map<String, String> env = new java.util.LinkedHashMap<>(environment);
    env.putIfAbsent("HF_TASK", "summarization");
    sageMaker.createModel(
        b ->
            b.modelName(modelName)
                .executionRoleArn(roleArn)
                .primaryContainer(
                    ContainerDefinition.builder()
                        .image(HuggingFaceImages.inference(aws.region(), null))
                        .modelDataUrl(modelData)
                        .environment(env)
                        .build())
                .tags(Tag.builder().key("created-by").value("clinsum").build()));
    sageMaker.createEndpointConfig(
        b ->
            b.endpointConfigName(configName)
                .kmsKeyId(kmsKeyId)
                .productionVariants(
                    ProductionVariant.builder()
                        .variantName("AllTraffic")
                        .modelName(modelName)
                        .instanceType(instanceType)
                        .initialInstanceCount(instanceCount)
                        .initialVariantWeight(1.0f)
                        .build()));
    if (exists(endpointName)) {
      sageMaker.updateEndpoint(b -> b.endpointName(endpointName).endpointConfigName(configName));
    } else {
      sageMaker.createEndpoint(
          b ->
              b.endpointName(endpointName)
                  .endpointConfigName(configName)
                  .tags(Tag.builder().key("created-by").value("clinsum").build()));
    }
    return new Deployment(endpointName, configName, modelName);
  }

  /**
   * Waits until the endpoint is {@code InService}.
   *
   * @throws ConfigurationException when it fails (with SageMaker's reason) or times out
   */
  public void awaitInService(String endpointName, Duration poll, Duration timeout) {
    Instant end = Instant.now().plus(timeout);
    while (true) {
      DescribeEndpointResponse d = sageMaker.describeEndpoint(b -> b.endpointName(endpointName));
      switch (d.endpointStatusAsString()) {
        case "InService":
          return;
        case "Failed":
          throw new ConfigurationException(
              "Endpoint " + endpointName + " failed to deploy: " + d.failureReason());
        default:
          if (Instant.now().isAfter(end)) {
            throw new ConfigurationException(
                "Endpoint "
                    + endpointName
                    + " is still "
                    + d.endpointStatusAsString()
                    + " after "
                    + timeout);
          }
          TrainingJobs.sleep(poll);
      }
    }
  }

  private boolean exists(String endpointName) {
    try {
      sageMaker.describeEndpoint(b -> b.endpointName(endpointName));
      return true;
    } catch (AwsServiceException e) {
      if (CleanUp.isNotFound(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    sageMaker.close();
  }
}
