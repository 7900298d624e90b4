package io.clinsum.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which model folder to load and how to run it. Two specs that are equal share one loaded model in
 * a process.
 *
 * <pre>{@code
 * OnnxModelSpec spec = OnnxModelSpec.builder().modelDir(Path.of("models/t5")).device("cpu").build();
 * }</pre>
 *
 * @param modelDir folder of an Optimum export: {@code encoder_model.onnx}, decoder files, {@code
 *     config.json}, {@code tokenizer.json}, optionally {@code generation_config.json}
 * @param device {@code auto} (CUDA when available, else CPU), {@code cpu} or {@code cuda}
 * @param deviceId CUDA device index
 * @param gpuMemoryLimitBytes GPU memory ONNX Runtime may take; 0 for no limit
 * @param intraOpThreads threads inside one operator; 0 lets ONNX Runtime choose (all cores)
 * @param interOpThreads threads across operators; 0 lets ONNX Runtime choose
 * @param optimizationLevel {@code none}, {@code basic}, {@code extended} or {@code all}
 * @param maxBatchSize most concurrent requests generated together
 * @param maxBatchWait how long the first request of a batch waits for others
 */
public record OnnxModelSpec(
    Path modelDir,
    String device,
    int deviceId,
    long gpuMemoryLimitBytes,
    int intraOpThreads,
    int interOpThreads,
    String optimizationLevel,
    int maxBatchSize,
    Duration maxBatchWait) {

  public OnnxModelSpec {
    modelDir = Objects.requireNonNull(modelDir, "modelDir").toAbsolutePath().normalize();
    device = device.toLowerCase(Locale.ROOT);
    optimizationLevel = optimizationLevel.toLowerCase(Locale.ROOT);
    if (!java.util.Set.of("auto", "cpu", "cuda").contains(device)) {
      throw new IllegalArgumentException("device must be auto, cpu or cuda, was " + device);
    }
    if (!java.util.Set.of("none", "basic", "extended", "all").contains(optimizationLevel)) {
      throw new IllegalArgumentException(
          "optimizationLevel must be none, basic, extended or all, was " + optimizationLevel);
    }
    if (maxBatchSize < 1
        || intraOpThreads < 0
        || interOpThreads < 0
        || deviceId < 0
        || gpuMemoryLimitBytes < 0
        || maxBatchWait.isNegative()) {
      throw new IllegalArgumentException("negative or zero limits in " + this);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder with defaults: auto device, ONNX Runtime's thread counts, all optimizations, batches of
   * 16 after at most 5 ms.
   */
  public static final class Builder {
    private Path modelDir;
    private String device = "auto";
    private int deviceId;
    private long gpuMemoryLimitBytes;
    private int intraOpThreads;
    private int interOpThreads;
    private String optimizationLevel = "all";
    private int maxBatchSize = 16;
    private Duration maxBatchWait = Duration.ofMillis(5);

    private Builder() {}

    public Builder modelDir(Path modelDir) {
      this.modelDir = modelDir;
      return this;
    }

    public Builder device(String device) {
      this.device = device;
      return this;
    }

    public Builder deviceId(int deviceId) {
      this.deviceId = deviceId;
      return this;
    }

    public Builder gpuMemoryLimitBytes(long gpuMemoryLimitBytes) {
      this.gpuMemoryLimitBytes = gpuMemoryLimitBytes;
      return this;
    }

    public Builder intraOpThreads(int intraOpThreads) {
      this.intraOpThreads = intraOpThreads;
      return this;
    }

    public Builder interOpThreads(int interOpThreads) {
      this.interOpThreads = interOpThreads;
      return this;
    }

    public Builder optimizationLevel(String optimizationLevel) {
      this.optimizationLevel = optimizationLevel;
      return this;
    }

    public Builder maxBatchSize(int maxBatchSize) {
      this.maxBatchSize = maxBatchSize;
      return this;
    }

    public Builder maxBatchWait(Duration maxBatchWait) {
      this.maxBatchWait = maxBatchWait;
      return this;
    }

    public OnnxModelSpec build() {
      return new OnnxModelSpec(
          modelDir,
          device,
          deviceId,
          gpuMemoryLimitBytes,
          intraOpThreads,
          interOpThreads,
          optimizationLevel,
          maxBatchSize,
          maxBatchWait);
    }
  }
}
