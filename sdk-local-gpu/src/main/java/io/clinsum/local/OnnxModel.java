package io.clinsum.local;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ConfigurationException;
import io.clinsum.local.internal.CausalGenerator;
import io.clinsum.local.internal.CausalSessions;
import io.clinsum.local.internal.ChatTemplate;
import io.clinsum.local.internal.DynamicBatcher;
import io.clinsum.local.internal.ExecutionProviders;
import io.clinsum.local.internal.Generator;
import io.clinsum.local.internal.HfTokenizer;
import io.clinsum.local.internal.ModelConfig;
import io.clinsum.local.internal.ModelLayout;
import io.clinsum.local.internal.Seq2SeqGenerator;
import io.clinsum.local.internal.Seq2SeqSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loaded model, seq2seq or decoder-only (the layout is recognised from the folder's files): its
 * ONNX Runtime sessions, tokenizer, configuration and request batcher. Owns native memory; {@link
 * #close()} frees it once. Most callers never see this class: {@code Summarizers.open("onnx", ...)}
 * loads (and shares) it.
 *
 * <pre>{@code
 * try (OnnxModel model = OnnxModel.load(spec);
 *     Summarizer s = Summarizers.of(new OnnxBackend(model, "", m -> {}))) { ... }
 * }</pre>
 */
public final class OnnxModel implements AutoCloseable {
  final OnnxModelSpec spec;
  final ModelConfig config;
  final HfTokenizer tokenizer;

  /** A decoder-only model's chat template; empty for base models and seq2seq models. */
  final Optional<ChatTemplate> chatTemplate;

  private final AutoCloseable sessions;
  private final String description;
  final Generator generator;
  final DynamicBatcher batcher;
  private final String modelId;
  private final String modelVersion;
  private final String device;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OnnxModel(
      OnnxModelSpec spec,
      ModelConfig config,
      HfTokenizer tokenizer,
      Optional<ChatTemplate> chatTemplate,
      AutoCloseable sessions,
      Generator generator,
      String description,
      String device) {
    this.description = description;
    this.chatTemplate = chatTemplate;
    this.spec = spec;
    this.config = config;
    this.tokenizer = tokenizer;
    this.sessions = sessions;
    this.device = device;
    this.generator = generator;
    this.batcher =
        new DynamicBatcher(
            generator,
            spec.maxBatchSize(),
            spec.maxBatchWait(),
            spec.modelDir().getFileName().toString());
    String[] idVersion = identity(spec.modelDir());
    this.modelId = idVersion[0];
    this.modelVersion = idVersion[1];
  }

  /**
   * Loads the model folder of {@code spec}.
   *
   * @throws ConfigurationException naming the missing or unreadable file and what to do
   */
  public static OnnxModel load(OnnxModelSpec spec) {
    Path dir = spec.modelDir();
    if (!Files.isDirectory(dir)) {
      throw new ConfigurationException("Model folder " + dir + " does not exist");
    }
    ModelLayout layout = ModelLayout.detect(dir);
    ModelConfig config = ModelConfig.read(dir, layout);
    HfTokenizer tokenizer = HfTokenizer.load(dir, config.vocabSize());
    try {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      if (spec.intraOpThreads() > 0) {
        options.setIntraOpNumThreads(spec.intraOpThreads());
      }
      if (spec.interOpThreads() > 0) {
        options.setInterOpNumThreads(spec.interOpThreads());
      }
      options.setOptimizationLevel(
          switch (spec.optimizationLevel()) {
            case "none" -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            case "basic" -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case "extended" -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            default -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
          });
      ExecutionProviders.Choice choice =
          ExecutionProviders.choose(
              spec.device(), spec.deviceId(), spec.gpuMemoryLimitBytes(), options);
      if (layout == ModelLayout.CAUSAL_LM) {
        Optional<ChatTemplate> template = ChatTemplate.load(dir);
        CausalSessions sessions = CausalSessions.open(dir, choice.options(), choice.device());
        return new OnnxModel(
            spec,
            config,
            tokenizer,
            template,
            sessions,
            new CausalGenerator(sessions, config),
            sessions.description(),
            choice.device());
      }
      Seq2SeqSessions sessions = Seq2SeqSessions.open(dir, choice.options(), choice.device());
      return new OnnxModel(
          spec,
          config,
          tokenizer,
          Optional.empty(),
          sessions,
          new Seq2SeqGenerator(sessions, config),
          sessions.description(),
          choice.device());
    } catch (OrtException | RuntimeException e) {
      tokenizer.close();
      if (e instanceof ConfigurationException c) {
        throw c;
      }
      throw new ConfigurationException("Cannot load " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Model name: {@code clinsum-model.json}'s {@code name}, else the folder name. */
  public String modelId() {
    return modelId;
  }

  /** Model version: {@code clinsum-model.json}'s {@code version}, else {@code unversioned}. */
  public String modelVersion() {
    return modelVersion;
  }

  /** Where it runs: {@code cpu} or {@code cuda:N}. */
  public String device() {
    return device;
  }

  /** Longest input in tokens (decoder-only: the context, prompt and summary together). */
  public int maxInputTokens() {
    return config.maxInputTokens();
  }

  /**
   * Layout and device, such as {@code merged decoder on cpu} or {@code causal LM (2 layers) on
   * cpu}.
   */
  String description() {
    return description;
  }

  /** Whether this is a decoder-only model (its summaries are the continuation of a prompt). */
  public boolean isDecoderOnly() {
    return config.layout() == ModelLayout.CAUSAL_LM;
  }

  /** The generation loop, for the benchmark and tests that drive it with token ids directly. */
  Generator generator() {
    return generator;
  }

  /** The model's configuration. */
  ModelConfig config() {
    return config;
  }

  /** The spec it was loaded from. */
  public OnnxModelSpec spec() {
    return spec;
  }

  /** Frees the sessions, the tokenizer and the batcher thread. Idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      batcher.close();
      try {
        sessions.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the ONNX sessions failed", e);
      } finally {
        tokenizer.close();
      }
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  private static String[] identity(Path dir) {
    Path card = dir.resolve("clinsum-model.json");
    String name = dir.getFileName().toString();
    String version = "unversioned";
    if (Files.exists(card)) {
      try {
        JsonNode n = new ObjectMapper().readTree(card.toFile());
        name = n.path("name").asText(name);
        version = n.path("version").asText(version);
      } catch (IOException e) {
        throw new ConfigurationException(card + " is not valid JSON: " + e.getMessage(), e);
      }
    }
    return new String[] {name, version};
  }
}
