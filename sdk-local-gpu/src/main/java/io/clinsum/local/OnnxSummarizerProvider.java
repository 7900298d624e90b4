package io.clinsum.local;

import io.clinsum.core.spi.BackendOption;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.core.spi.SummarizationBackend;
import io.clinsum.core.spi.SummarizerProvider;
import io.clinsum.local.internal.Sampling;
import io.clinsum.local.internal.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Provider of the {@code onnx} backend. Models are loaded once per process and shared. */
public final class OnnxSummarizerProvider implements SummarizerProvider {
  /** Folder of the model to load. */
  public static final BackendOption<Path> MODEL_DIR =
      new BackendOption<>(
          "model-dir",
          Path.class,
          null,
          "Folder of a Hugging Face Optimum ONNX export: seq2seq (T5, BART, Pegasus, Marian) or"
              + " causal LM (GPT-2, Llama, Qwen2).");

  /** Folder of a {@link io.clinsum.local.finetune.ModelRegistry}. */
  public static final BackendOption<Path> REGISTRY =
      new BackendOption<>(
          "registry",
          Path.class,
          null,
          "Folder of a model registry (fine-tuned versions); used with 'model'.");

  /** A registered model: NAME (latest version) or NAME@VERSION. */
  public static final BackendOption<String> MODEL =
      new BackendOption<>(
          "model",
          String.class,
          null,
          "Registered model to load from 'registry': NAME (latest) or NAME@VERSION.");

  public static final BackendOption<String> DEVICE =
      new BackendOption<>(
          "device",
          String.class,
          "auto",
          "auto (CUDA when onnxruntime_gpu, CUDA 12 and cuDNN 9 are present, else CPU), cpu or cuda.");
  public static final BackendOption<Integer> DEVICE_ID =
      new BackendOption<>("device-id", Integer.class, 0, "CUDA device index.");
  public static final BackendOption<Long> GPU_MEMORY_LIMIT_MB =
      new BackendOption<>(
          "gpu-memory-limit-mb",
          Long.class,
          0L,
          "GPU memory ONNX Runtime may use; 0 for no limit.");
  public static final BackendOption<Integer> INTRA_OP_THREADS =
      new BackendOption<>(
          "intra-op-threads", Integer.class, 0, "Threads per operator; 0 = one per core.");
  public static final BackendOption<Integer> INTER_OP_THREADS =
      new BackendOption<>(
          "inter-op-threads",
          Integer.class,
          0,
          "Threads across operators; 0 = ONNX Runtime's default.");
  public static final BackendOption<String> OPTIMIZATION =
      new BackendOption<>(
          "optimization-level",
          String.class,
          "all",
          "Graph optimization: none, basic, extended, all.");
  public static final BackendOption<Integer> MAX_BATCH_SIZE =
      new BackendOption<>(
          "max-batch-size", Integer.class, 16, "Most concurrent requests generated in one batch.");
  public static final BackendOption<Duration> MAX_BATCH_WAIT =
      new BackendOption<>(
          "max-batch-wait",
          Duration.class,
          Duration.ofMillis(5),
          "How long a request waits for others to batch with (e.g. 5ms); raise under heavy load.");
  public static final BackendOption<String> PREFIX =
      new BackendOption<>(
          "prefix",
          String.class,
          "",
          "Text put before every input, e.g. 'summarize: ' for T5 checkpoints trained with it.");

  public static final BackendOption<Double> TEMPERATURE =
      new BackendOption<>(
          "temperature",
          Double.class,
          0.0,
          "0 for greedy (or beam) search; above 0, seeded sampling at this temperature.");
  public static final BackendOption<Integer> TOP_K =
      new BackendOption<>(
          "top-k", Integer.class, 0, "Sampling: draw from the k best tokens only; 0 for all.");
  public static final BackendOption<Double> TOP_P =
      new BackendOption<>(
          "top-p",
          Double.class,
          1.0,
          "Sampling: draw from the smallest set of best tokens whose probability reaches p.");
  public static final BackendOption<Long> SEED =
      new BackendOption<>(
          "seed", Long.class, 0L, "Sampling: the seed; the same seed gives the same summary.");

  public static final BackendOption<String> STOP =
      new BackendOption<>(
          "stop",
          String.class,
          "",
          "Stop strings, separated by '|' (e.g. '\\n\\n|###'): generation of a summary stops at the"
              + " first, and the summary ends before it. Needs num_beams 1.");

  private static final SharedModels<OnnxModelSpec, OnnxModel> MODELS =
      new SharedModels<>(OnnxModel::spec);

  @Override
  public String name() {
    return "onnx";
  }

  @Override
  public String description() {
    return "Seq2seq and decoder-only models (Optimum ONNX exports) on ONNX Runtime, CPU or CUDA,"
        + " generation in Java.";
  }

  @Override
  public List<BackendOption<?>> options() {
    return List.of(
        MODEL_DIR,
        REGISTRY,
        MODEL,
        DEVICE,
        DEVICE_ID,
        GPU_MEMORY_LIMIT_MB,
        INTRA_OP_THREADS,
        INTER_OP_THREADS,
        OPTIMIZATION,
        MAX_BATCH_SIZE,
        MAX_BATCH_WAIT,
        PREFIX,
        TEMPERATURE,
        TOP_K,
        TOP_P,
        SEED,
        STOP);
  }

  @Override
  public Availability availability(BackendSettings settings) {
    if (settings.get(MODEL) != null) {
      if (settings.get(REGISTRY) == null) {
        return Availability.no("'model' needs 'registry', the registry folder");
      }
      try {
        return Availability.yes(modelDir(settings).toString());
      } catch (io.clinsum.core.ConfigurationException e) {
        return Availability.no(e.getMessage());
      }
    }
    Path dir = settings.get(MODEL_DIR);
    if (dir == null) {
      return EmbeddedModel.describe()
          .map(m -> Availability.yes("embedded model " + m))
          .orElse(Availability.no("no model: set model-dir to an Optimum ONNX export folder"));
    }
    if (!Files.isRegularFile(dir.resolve("config.json"))) {
      return Availability.no(dir + " has no config.json");
    }
    return Availability.yes(dir.toString());
  }

  /**
   * Below {@code extractive}: the embedded model is trained from scratch on little real text and
   * scores far lower than sentence selection on real transcriptions (see its model card), so a
   * model is used only when asked for by name or by {@code clinsum.backend}.
   */
  @Override
  public int priority() {
    return 5;
  }

  @Override
  public SummarizationBackend create(BackendSettings settings) {
    OnnxModelSpec spec =
        OnnxModelSpec.builder()
            .modelDir(modelDir(settings))
            .device(settings.get(DEVICE))
            .deviceId(settings.get(DEVICE_ID))
            .gpuMemoryLimitBytes(settings.get(GPU_MEMORY_LIMIT_MB) * 1024 * 1024)
            .intraOpThreads(settings.get(INTRA_OP_THREADS))
            .interOpThreads(settings.get(INTER_OP_THREADS))
            .optimizationLevel(settings.get(OPTIMIZATION))
            .maxBatchSize(settings.get(MAX_BATCH_SIZE))
            .maxBatchWait(settings.get(MAX_BATCH_WAIT))
            .build();
    Sampling sampling =
        settings.get(TEMPERATURE) > 0
            ? new Sampling(
                settings.get(TEMPERATURE),
                settings.get(TOP_K),
                settings.get(TOP_P),
                settings.get(SEED))
            : null;
    OnnxModel model = MODELS.acquire(spec, OnnxModel::load);
    List<String> stops =
        Arrays.stream(settings.get(STOP).split("\\|"))
            .map(OnnxSummarizerProvider::unescape)
            .filter(x -> !x.isEmpty())
            .toList();
    return new OnnxBackend(model, settings.get(PREFIX), sampling, stops, MODELS.releaser());
  }

  /**
   * {@code \n} and {@code \t} in a setting's text, since a command line cannot easily hold them.
   */
  private static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\t", "\t");
  }

  /** model-dir, else the registered model, else the embedded one. */
  private static Path modelDir(BackendSettings settings) {
    if (settings.get(MODEL) != null) {
      return new io.clinsum.local.finetune.ModelRegistry(settings.get(REGISTRY))
          .resolve(settings.get(MODEL));
    }
    return settings
        .find(MODEL_DIR)
        .or(EmbeddedModel::folder)
        .orElseThrow(() -> new io.clinsum.core.ConfigurationException("no model: set model-dir"));
  }

  /** Number of models loaded in this process (for tests). */
  static int loadedModels() {
    return MODELS.loaded();
  }
}
