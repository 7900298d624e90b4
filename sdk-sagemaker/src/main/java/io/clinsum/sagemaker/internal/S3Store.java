package io.clinsum.sagemaker.internal;

import io.clinsum.sagemaker.S3Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * Uploads, reads and deletes in S3, always encrypted at rest: with the given KMS key, else with
 * S3's own keys (SSE-S3). Files above {@value #MULTIPART_THRESHOLD} bytes go up in parts.
 */
public final class S3Store {
  static final long MULTIPART_THRESHOLD = 16L * 1024 * 1024;
  static final int PART_SIZE = 8 * 1024 * 1024;

  private final S3Client s3;
  private final String kmsKeyId;

  public S3Store(S3Client s3, String kmsKeyId) {
    this.s3 = s3;
    this.kmsKeyId = kmsKeyId;
  }

  public void upload(Path file, S3Location target) throws IOException {
    long size = Files.size(file);
    if (size <= MULTIPART_THRESHOLD) {
      s3.putObject(put(target), RequestBody.fromFile(file));
      return;
    }
    CreateMultipartUploadRequest.Builder create =
        CreateMultipartUploadRequest.builder().bucket(target.bucket()).key(target.key());
    if (kmsKeyId != null) {
      create.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId);
    } else {
      create.serverSideEncryption(ServerSideEncryption.AES256);
    }
    String uploadId = s3.createMultipartUpload(create.build()).uploadId();
    List<CompletedPart> parts = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[PART_SIZE];
      for (int part = 1; ; part++) {
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n == 0) {
          break;
        }
        String etag =
            s3.uploadPart(
                    UploadPartRequest.builder()
                        .bucket(target.bucket())
                        .key(target.key())
                        .uploadId(uploadId)
                        .partNumber(part)
                        .build(),
                    RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, n)))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
      }
    } catch (IOException | RuntimeException e) {
      s3.abortMultipartUpload(b -> b.bucket(target.bucket()).key(target.key()).uploadId(uploadId));
      throw e;
    }
    s3.completeMultipartUpload(
        CompleteMultipartUploadRequest.builder()
            .bucket(target.bucket())
            .key(target.key())
            .uploadId(uploadId)
            .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())
            .build());
  }

  public void put(byte[] bytes, S3Location target) {
    s3.putObject(put(target), RequestBody.fromBytes(bytes));
  }

  /** The object's bytes, or null when there is none. */
  public byte[] read(S3Location location) {
    try {
      return s3.getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.key()))
          .asByteArray();
    } catch (NoSuchKeyException e) {
      return null;
    }
  }

  public boolean exists(S3Location location) {
    return !s3
        .listObjectsV2(
            ListObjectsV2Request.builder()
                .bucket(location.bucket())
                .prefix(location.key())
                .maxKeys(1)
                .build())
        .contents()
        .stream()
        .filter(o -> o.key().equals(location.key()))
        .toList()
        .isEmpty();
  }

  /** Deletes every object under {@code prefix}; returns how many. Nothing there is fine. */
  public int deletePrefix(S3Location prefix) {
    int deleted = 0;
    for (var page :
        s3.listObjectsV2Paginator(
            ListObjectsV2Request.builder().bucket(prefix.bucket()).prefix(prefix.key()).build())) {
      List<ObjectIdentifier> ids =
          page.contents().stream()
              .map(S3Object::key)
              .map(k -> ObjectIdentifier.builder().key(k).build())
              .toList();
      if (!ids.isEmpty()) {
        s3.deleteObjects(
            DeleteObjectsRequest.builder()
                .bucket(prefix.bucket())
                .delete(Delete.builder().objects(ids).quiet(true).build())
                .build());
        deleted += ids.size();
      }
    }
    return deleted;
  }

  private PutObjectRequest put(S3Location target) {
    PutObjectRequest.Builder b =
        PutObjectRequest.builder().bucket(target.bucket()).key(target.key());
    if (kmsKeyId != null) {
      b.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyId);
    } else {
      b.serverSideEncryption(ServerSideEncryption.AES256);
    }
    return b.build();
  }
}
