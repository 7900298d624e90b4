package io.clinsum.sagemaker;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Where the control-plane calls go (training jobs, models, endpoints, S3): a region, credentials,
 * and optionally another endpoint URL (a VPC endpoint, or a local AWS emulator in tests, which
 * serves every service on one URL).
 *
 * @param region the AWS region
 * @param endpointOverride another URL for every service, or null
 * @param credentials the credentials provider
 */
public record AwsSettings(Region region, URI endpointOverride, AwsCredentialsProvider credentials) {
  public AwsSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
  }

  /** {@code region} with the SDK's default credentials chain. */
  public static AwsSettings of(Region region) {
    return new AwsSettings(region, null, DefaultCredentialsProvider.builder().build());
  }

  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpointOverride);
  }

  /** A SageMaker control-plane client; the caller closes it. */
  public SageMakerClient sageMaker() {
    var b =
        SageMakerClient.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    endpoint().ifPresent(b::endpointOverride);
    return b.build();
  }

  /** An S3 client (path-style addressing under an endpoint override); the caller closes it. */
  public S3Client s3() {
    var b =
        S3Client.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    endpoint().ifPresent(uri -> b.endpointOverride(uri).forcePathStyle(true));
    return b.build();
  }
}
