package io.clinsum.local.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.clinsum.core.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model's {@code tokenizer.json}, through DJL's binding of the Hugging Face tokenizers library,
 * fully offline. Special tokens are added as the model was trained with them; nothing is truncated
 * or padded here (long inputs are chunked by sdk-core). Thread-safe.
 */
public final class HfTokenizer implements AutoCloseable {
  static {
    // DJL probes a cloud metadata address unless told it is offline; ClinSum never calls out.
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  private final HuggingFaceTokenizer tokenizer;

  private HfTokenizer(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** Loads {@code dir/tokenizer.json}. */
  public static HfTokenizer load(Path dir, int vocabSize) {
    Path file = dir.resolve("tokenizer.json");
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException(
          file
              + " is missing; export the model's fast tokenizer"
              + " (tokenizer.save_pretrained) into the model folder");
    }
    HuggingFaceTokenizer t;
    try {
      t =
          HuggingFaceTokenizer.builder()
              .optTokenizerPath(file)
              .optAddSpecialTokens(true)
              .optTruncation(false)
              .optPadding(false)
              .build();
    } catch (IOException | RuntimeException e) {
      throw new ConfigurationException(
          file + " could not be read as a Hugging Face tokenizer: " + e.getMessage(), e);
    }
    HfTokenizer tokenizer = new HfTokenizer(t);
    tokenizer.checkVocabulary(file, vocabSize);
    return tokenizer;
  }

  /** Token ids of {@code text}, special tokens included. */
  public long[] encode(String text) {
    return tokenizer.encode(text).getIds();
  }

  /**
   * Token ids of {@code text} without the tokenizer's own special tokens: for a rendered chat
   * template, which writes them itself (transformers' {@code apply_chat_template} does the same).
   */
  public long[] encodeWithoutSpecialTokens(String text) {
    return tokenizer.encode(text, false, false).getIds();
  }

  /** Number of tokens of {@code text}, special tokens included. */
  public int count(CharSequence text) {
    return tokenizer.encode(text.toString()).getIds().length;
  }

  /** Text of {@code ids}, special tokens removed. */
  public String decode(long[] ids) {
    return tokenizer.decode(ids, true);
  }

  private void checkVocabulary(Path file, int vocabSize) {
    long[] probe = encode("Chest pain radiating to the left arm; troponin 2.3 ng/mL. Café 😀");
    for (long id : probe) {
      if (id < 0 || id >= vocabSize) {
        close();
        throw new ConfigurationException(
            file
                + " produces token id "
                + id
                + " but the model's"
                + " vocabulary has "
                + vocabSize
                + " entries: the tokenizer does not belong to this"
                + " model. Copy the tokenizer.json saved with the model");
      }
    }
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
