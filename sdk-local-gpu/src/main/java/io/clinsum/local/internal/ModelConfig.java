package io.clinsum.local.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What generation needs from a Hugging Face model folder: special tokens, decoder start, forced
 * BOS/EOS, input length, and default generation settings ({@code config.json}, then {@code
 * generation_config.json}, which wins, as in transformers).
 *
 * @param layout seq2seq or decoder-only
 * @param modelType {@code t5}, {@code bart}, {@code gpt2}, {@code llama} ...
 * @param decoderStartTokenId first decoder input (seq2seq), or -1
 * @param eosTokenIds end-of-sequence ids (one or more)
 * @param padTokenId padding id
 * @param forcedBosTokenId id forced as the first generated token, or -1
 * @param forcedEosTokenId id forced as the last token when the length limit is reached, or -1
 * @param maxInputTokens longest input the model was built for (decoder-only: its context, prompt
 *     and generated tokens together)
 * @param vocabSize logits width
 * @param defaults generation defaults from the files
 */
public record ModelConfig(
    ModelLayout layout,
    String modelType,
    long decoderStartTokenId,
    long[] eosTokenIds,
    long padTokenId,
    long forcedBosTokenId,
    long forcedEosTokenId,
    int maxInputTokens,
    int vocabSize,
    GenerationDefaults defaults) {

  /** Encoder-decoder architectures whose Optimum export this engine has been proven on. */
  public static final Set<String> SUPPORTED =
      Set.of("t5", "mt5", "bart", "mbart", "pegasus", "marian");

  /**
   * Decoder-only architectures whose Optimum causal-LM export this engine has been proven on (tiny
   * random models, token for token against transformers).
   */
  public static final Set<String> SUPPORTED_CAUSAL = Set.of("gpt2", "llama", "qwen2");

  /**
   * Generation defaults read from the model files.
   *
   * @param maxNewTokens default maximum of generated tokens
   * @param minNewTokens default minimum of generated tokens
   * @param numBeams default beam width
   * @param lengthPenalty default length penalty
   * @param noRepeatNgramSize default no-repeat n-gram size
   * @param repetitionPenalty default repetition penalty
   * @param earlyStopping default early stopping
   */
  public record GenerationDefaults(
      int maxNewTokens,
      int minNewTokens,
      int numBeams,
      double lengthPenalty,
      int noRepeatNgramSize,
      double repetitionPenalty,
      boolean earlyStopping) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Most new tokens of a decoder-only model whose generation_config.json has no max_new_tokens. */
  static final int CAUSAL_MAX_NEW = 128;

  /**
   * Reads {@code config.json} and, if present, {@code generation_config.json}, of a folder of the
   * given layout.
   */
  public static ModelConfig read(Path dir, ModelLayout layout) {
    JsonNode config = readJson(dir.resolve("config.json"), true);
    JsonNode gen = readJson(dir.resolve("generation_config.json"), false);
    String type = config.path("model_type").asText("");
    boolean causal = layout == ModelLayout.CAUSAL_LM;
    Set<String> supported = causal ? SUPPORTED_CAUSAL : SUPPORTED;
    if (!supported.contains(type)) {
      throw new ConfigurationException(
          dir.resolve("config.json")
              + ": model_type '"
              + type
              + "' is not a supported "
              + (causal ? "decoder-only" : "encoder-decoder")
              + " architecture (supported: "
              + String.join(", ", new java.util.TreeSet<>(supported))
              + ")");
    }
    List<Long> eos =
        ids(gen.has("eos_token_id") ? gen.get("eos_token_id") : config.get("eos_token_id"));
    if (eos.isEmpty()) {
      throw new ConfigurationException(
          dir.resolve("config.json")
              + ": no eos_token_id; generation would never stop. Add it to config.json");
    }
    // Decoder-only models often have no pad token (GPT-2); finished rows are then fed the first
    // EOS id, as transformers does when pad_token_id is unset.
    long pad = number(gen, config, "pad_token_id", causal ? eos.get(0) : 0);
    long decoderStart = causal ? -1 : number(gen, config, "decoder_start_token_id", pad);
    int maxInput =
        (int)
            number(
                null, config, "max_position_embeddings", number(null, config, "n_positions", 512));
    int vocab = (int) number(null, config, "vocab_size", -1);
    if (vocab <= 0) {
      throw new ConfigurationException(dir.resolve("config.json") + ": missing vocab_size");
    }
    // A decoder-only model's max_length and min_length count the prompt too: only the *_new_tokens
    // settings say how long a summary may be.
    int maxLength = (int) number(gen, config, "max_length", 20);
    int maxNew =
        (int)
            number(
                gen, null, "max_new_tokens", causal ? CAUSAL_MAX_NEW : Math.max(1, maxLength - 1));
    int minLength = (int) number(gen, config, "min_length", 0);
    int minNew = (int) number(gen, null, "min_new_tokens", causal ? 0 : Math.max(0, minLength - 1));
    GenerationDefaults defaults =
        new GenerationDefaults(
            maxNew,
            minNew,
            (int) number(gen, config, "num_beams", 1),
            decimal(gen, config, "length_penalty", 1.0),
            (int) number(gen, config, "no_repeat_ngram_size", 0),
            decimal(gen, config, "repetition_penalty", 1.0),
            bool(gen, config, "early_stopping"));
    long[] eosArray = eos.stream().mapToLong(Long::longValue).toArray();
    return new ModelConfig(
        layout,
        type,
        decoderStart,
        eosArray,
        pad,
        number(gen, config, "forced_bos_token_id", -1),
        number(gen, config, "forced_eos_token_id", -1),
        maxInput,
        vocab,
        defaults);
  }

  /** Whether {@code token} ends a sequence. */
  public boolean isEos(long token) {
    for (long e : eosTokenIds) {
      if (e == token) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode readJson(Path file, boolean required) {
    if (!Files.exists(file)) {
      if (required) {
        throw new ConfigurationException(
            file
                + " is missing; a model folder needs config.json,"
                + " tokenizer.json and the ONNX files of an Optimum export");
      }
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigurationException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static long number(JsonNode first, JsonNode second, String key, long fallback) {
    for (JsonNode n : new JsonNode[] {first, second}) {
      if (n != null && n.hasNonNull(key) && n.get(key).isNumber()) {
        return n.get(key).asLong();
      }
    }
    return fallback;
  }

  private static double decimal(JsonNode first, JsonNode second, String key, double fallback) {
    for (JsonNode n : new JsonNode[] {first, second}) {
      if (n != null && n.hasNonNull(key) && n.get(key).isNumber()) {
        return n.get(key).asDouble();
      }
    }
    return fallback;
  }

  private static boolean bool(JsonNode first, JsonNode second, String key) {
    for (JsonNode n : new JsonNode[] {first, second}) {
      if (n != null && n.hasNonNull(key)) {
        return n.get(key).asBoolean();
      }
    }
    return false;
  }

  private static List<Long> ids(JsonNode node) {
    List<Long> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asLong()));
    } else {
      out.add(node.asLong());
    }
    return out;
  }
}
