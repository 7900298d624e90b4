package io.clinsum.sagemaker;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.ProgressListener;
import io.clinsum.core.spi.Prompt;
import io.clinsum.sagemaker.internal.S3Store;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AssemblyType;
import software.amazon.awssdk.services.sagemaker.model.BatchStrategy;
import software.amazon.awssdk.services.sagemaker.model.DescribeTransformJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SplitType;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Summarizes many notes offline with Batch Transform: the notes go to S3 as JSON Lines in parts
 * (one transform job per part, {@code SplitType=Line}, {@code SingleRecord}), and the results are
 * joined back to the note ids. Built for a million notes: {@link #submit} and {@link #collect} are
 * separate, a part whose output exists is never sent again, and everything needed to collect (the
 * ids of each part) lives in S3, so a new process resumes where the last one stopped.
 *
 * <pre>{@code
 * try (BatchTransform batch = new BatchTransform(aws)) {
 *   batch.submit(spec, notes);
 *   Map<String, BatchTransform.Result> out = batch.collect(spec, ProgressListener.NONE);
 * }
 * }</pre>
 */
public final class BatchTransform implements AutoCloseable {
  /** One note to summarize. */
  public record Note(String id, String text) {
    public Note {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A note's summary, or why it has none. */
  public record Result(String id, String summary, String error) {
    public boolean succeeded() {
      return error == null;
    }
  }

  /**
   * A batch run.
   *
   * @param name the run's name; its transform jobs are {@code NAME-p00001}, ...
   * @param modelName the SageMaker model to run (see {@link Deployments})
   * @param prefix where the run's inputs, ids and outputs go
   * @param instanceType e.g. {@code ml.g5.xlarge}
   * @param instanceCount instances per job
   * @param partSize notes per part (per transform job)
   * @param maxConcurrentTransforms requests in flight per instance
   * @param codec the container's payload format
   * @param options generation options sent with every note
   * @param kmsKeyId KMS key for inputs, outputs and volumes, or null
   */
  public record Spec(
      String name,
      String modelName,
      S3Location prefix,
      String instanceType,
      int instanceCount,
      int partSize,
      int maxConcurrentTransforms,
      PayloadCodec codec,
      GenerationOptions options,
      String kmsKeyId) {
    public Spec {
      Names.check("batch run", name + "-p00000");
      Objects.requireNonNull(modelName, "modelName");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(codec, "codec");
      Objects.requireNonNull(options, "options");
      if (partSize < 1 || instanceCount < 1 || maxConcurrentTransforms < 1) {
        throw new IllegalArgumentException(
            "part size, instance count and concurrency must be positive");
      }
    }

    String jobName(int part) {
      return String.format("%s-p%05d", name, part);
    }

    S3Location input(int part) {
      return prefix.resolve(String.format("input/part-%05d.jsonl", part));
    }

    S3Location ids(int part) {
      return prefix.resolve(String.format("ids/part-%05d.txt", part));
    }

    S3Location outputFolder() {
      return prefix.resolve("output/");
    }

    S3Location output(int part) {
      return outputFolder().resolve(String.format("part-%05d.jsonl.out", part));
    }
  }

  private static final int MAX_PAYLOAD_MB = 6;
  private final SageMakerClient sageMaker;
  private final S3Client s3;
  private Duration poll = Duration.ofSeconds(30);
  private Duration timeout = Duration.ofHours(24);

  public BatchTransform(AwsSettings aws) {
    this.sageMaker = aws.sageMaker();
    this.s3 = aws.s3();
  }

  /** How often to look at a job, and how long to wait for one in {@link #collect}. */
  public BatchTransform polling(Duration poll, Duration timeout) {
    this.poll = poll;
    this.timeout = timeout;
    return this;
  }

  /**
   * Uploads the parts that have no output yet and starts their jobs (a job that already runs or
   * finished is left alone).
   *
   * @return the number of parts
   */
  public int submit(Spec spec, Iterable<Note> notes) {
    S3Store store = new S3Store(s3, spec.kmsKeyId());
    // Streams the notes: one part in memory at a time, so a million-note file never is.
    List<Note> slice = new ArrayList<>(Math.min(spec.partSize(), 10_000));
    int part = 0;
    for (Note n : notes) {
      slice.add(n);
      if (slice.size() == spec.partSize()) {
        submitPart(spec, store, ++part, slice);
        slice.clear();
      }
    }
    if (!slice.isEmpty()) {
      submitPart(spec, store, ++part, slice);
    }
    return part;
  }

  private void submitPart(Spec spec, S3Store store, int part, List<Note> slice) {
    if (store.exists(spec.output(part))) {
      return; // done in an earlier run
    }
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    StringBuilder ids = new StringBuilder();
    for (Note n : slice) {
      if (n.id().contains("\n")) {
        throw new IllegalArgumentException("note id " + n.id().strip() + " contains a line break");
      }
      byte[] line = spec.codec().encode(new Prompt(n.text(), null, spec.options()));
      if (line.length > MAX_PAYLOAD_MB * 1_000_000) {
        throw new IllegalArgumentException(
            "note "
                + n.id()
                + " makes a record of "
                + line.length
                + " bytes, over "
                + MAX_PAYLOAD_MB
                + " MB: chunk it first");
      }
      lines.writeBytes(line);
      lines.write('\n');
      ids.append(n.id()).append('\n');
    }
    store.put(ids.toString().getBytes(StandardCharsets.UTF_8), spec.ids(part));
    store.put(lines.toByteArray(), spec.input(part));
    startUnlessStarted(spec, part);
  }

  private void startUnlessStarted(Spec spec, int part) {
    String job = spec.jobName(part);
    try {
      DescribeTransformJobResponse d = sageMaker.describeTransformJob(b -> b.transformJobName(job));
      String status = d.transformJobStatusAsString();
      if (status.equals("Failed") || status.equals("Stopped")) {
        throw new ConfigurationException(
            "Transform job "
                + job
                + " is "
                + status
                + " ("
                + d.failureReason()
                + "); job names cannot be reused: start the run again under another name");
      }
      return; // running or done
    } catch (AwsServiceException e) {
      if (!CleanUp.isNotFound(e)) {
        throw e;
      }
    }
    sageMaker.createTransformJob(
        b ->
            b.transformJobName(job)
                .modelName(spec.modelName())
                .batchStrategy(BatchStrategy.SINGLE_RECORD)
                .maxPayloadInMB(MAX_PAYLOAD_MB)
                .maxConcurrentTransforms(spec.maxConcurrentTransforms())
                .transformInput(
                    i ->
                        i.contentType(spec.codec().contentType())
                            .splitType(SplitType.LINE)
                            .dataSource(
                                d ->
                                    d.s3DataSource(
                                        s ->
                                            s.s3DataType("S3Prefix")
                                                .s3Uri(spec.input(part).toString()))))
                .transformOutput(
                    o ->
                        o.s3OutputPath(spec.outputFolder().toString())
                            .accept(spec.codec().accept())
                            .assembleWith(AssemblyType.LINE)
                            .kmsKeyId(spec.kmsKeyId()))
                .transformResources(
                    r ->
                        r.instanceType(spec.instanceType())
                            .instanceCount(spec.instanceCount())
                            .volumeKmsKeyId(spec.kmsKeyId()))
                .tags(Tag.builder().key("created-by").value("clinsum").build()));
  }

  /**
   * Waits for each part's job, reads its output and joins it to the note ids. A record the codec
   * cannot read fails alone.
   *
   * @param progress told after each part
   * @return each note's result, by id, in input order
   * @throws ConfigurationException when a job failed or a part's output does not match its input
   */
  public Map<String, Result> collect(Spec spec, ProgressListener progress) {
    S3Store store = new S3Store(s3, spec.kmsKeyId());
    Map<String, Result> out = new LinkedHashMap<>();
    List<Integer> parts = new ArrayList<>();
    for (int part = 1; store.exists(spec.ids(part)); part++) {
      parts.add(part);
    }
    if (parts.isEmpty()) {
      throw new ConfigurationException("Nothing was submitted under " + spec.prefix());
    }
    int done = 0;
    for (int part : parts) {
      byte[] output = store.read(spec.output(part));
      if (output == null) {
        awaitJob(spec.jobName(part));
        output = store.read(spec.output(part));
        if (output == null) {
          throw new ConfigurationException(
              "Transform job "
                  + spec.jobName(part)
                  + " completed but wrote no "
                  + spec.output(part));
        }
      }
      List<String> ids = lines(store.read(spec.ids(part)));
      List<String> answers = lines(output);
      if (answers.size() != ids.size()) {
        throw new ConfigurationException(
            spec.output(part)
                + " has "
                + answers.size()
                + " records for "
                + ids.size()
                + " notes; the run cannot be joined");
      }
      for (int i = 0; i < ids.size(); i++) {
        try {
          out.put(
              ids.get(i),
              new Result(
                  ids.get(i),
                  spec.codec().decode(answers.get(i).getBytes(StandardCharsets.UTF_8)),
                  null));
        } catch (PayloadCodec.MalformedResponseException e) {
          out.put(
              ids.get(i),
              new Result(
                  ids.get(i),
                  null,
                  "record " + (i + 1) + " of part " + part + ": " + e.getMessage()));
        }
      }
      progress.onProgress(++done, parts.size());
    }
    return out;
  }

  private void awaitJob(String job) {
    Instant end = Instant.now().plus(timeout);
    while (true) {
      DescribeTransformJobResponse d = sageMaker.describeTransformJob(b -> b.transformJobName(job));
      switch (d.transformJobStatusAsString()) {
        case "Completed":
          return;
        case "Failed":
        case "Stopped":
          throw new ConfigurationException(
              "Transform job "
                  + job
                  + " is "
                  + d.transformJobStatusAsString()
                  + ": "
                  + d.failureReason());
        default:
          if (Instant.now().isAfter(end)) {
            throw new ConfigurationException(
                "Transform job " + job + " is still running after " + timeout);
          }
          TrainingJobs.sleep(poll);
      }
    }
  }

  private static List<String> lines(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  @Override
  public void close() {
    sageMaker.close();
    s3.close();
  }
}
