package io.clinsum.sagemaker;

import java.util.Objects;

/**
 * An {@code s3://bucket/key} address.
 *
 * @param bucket the bucket
 * @param key the key (a prefix when it ends with {@code /}); may be empty
 */
public record S3Location(String bucket, String key) {
  public S3Location {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (bucket.isBlank()) {
      throw new IllegalArgumentException("an S3 address needs a bucket");
    }
  }

  /** Parses {@code s3://bucket/key}. */
  public static S3Location parse(String uri) {
    if (uri == null || !uri.startsWith("s3://")) {
      throw new IllegalArgumentException("not an s3:// address: " + uri);
    }
    String rest = uri.substring(5);
    int slash = rest.indexOf('/');
    return slash < 0
        ? new S3Location(rest, "")
        : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** {@code key} joined below this one with a {@code /}. */
  public S3Location resolve(String child) {
    String base = key.isEmpty() || key.endsWith("/") ? key : key + "/";
    return new S3Location(bucket, base + child);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + key;
  }
}
