package io.clinsum.local.internal;

import io.clinsum.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kind of ONNX export in a model folder, recognised from its file names: an Optimum seq2seq
 * export ({@code encoder_model.onnx} and decoder files, {@code ORTModelForSeq2SeqLM}) or an Optimum
 * causal-LM export (one {@code model.onnx} with a key/value cache, {@code ORTModelForCausalLM}).
 */
public enum ModelLayout {
  /** Encoder plus decoder(s): T5, BART, Pegasus, Marian. */
  SEQ2SEQ,
  /**
   * One decoder-only graph with {@code past_key_values.N.key/value} inputs: GPT-2, Llama, Qwen2.
   */
  CAUSAL_LM;

  /**
   * The layout of {@code dir}.
   *
   * @throws ConfigurationException naming the folder and the files found when it is neither
   */
  public static ModelLayout detect(Path dir) {
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new ConfigurationException("Cannot list the model folder " + dir + ": " + e, e);
    }
    boolean seq2seq =
        files.contains("encoder_model.onnx")
            || files.stream().anyMatch(f -> f.startsWith("decoder_") && f.endsWith(".onnx"));
    if (seq2seq) {
      return SEQ2SEQ; // Seq2SeqSessions names a missing encoder or decoder file
    }
    if (files.contains("model.onnx")) {
      return CAUSAL_LM;
    }
    throw new ConfigurationException(
        dir
            + " is not a model folder ClinSum can load (files found: "
            + (files.isEmpty() ? "none" : String.join(", ", files))
            + "). It needs an Optimum ONNX export: encoder_model.onnx with decoder_model_merged.onnx"
            + " (or decoder_model.onnx and decoder_with_past_model.onnx) for seq2seq models"
            + " (optimum-cli export onnx --task text2text-generation-with-past), or model.onnx for"
            + " decoder-only models (--task text-generation-with-past); plus config.json and"
            + " tokenizer.json");
  }
}
