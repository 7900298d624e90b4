package io.clinsum.sagemaker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.spi.Prompt;

/**
 * The Hugging Face inference toolkit (the container SageMaker's Hugging Face estimators deploy):
 * {@code {"inputs": …, "parameters": {…}}} → {@code [{"summary_text": …}]} for summarization
 * pipelines, {@code [{"generated_text": …}]} for text2text and text generation.
 */
public final class HuggingFaceCodec extends JsonCodec {
  @Override
  public String name() {
    return "huggingface";
  }

  @Override
  public int defaultMaxInputTokens() {
    return 512;
  }

  @Override
  public byte[] encode(Prompt prompt) {
    ObjectNode body = JSON.createObjectNode();
    body.put("inputs", promptText(prompt));
    ObjectNode p = body.putObject("parameters");
    GenerationOptions o = prompt.options();
    o.minLength().ifPresent(v -> p.put("min_length", v));
    o.maxLength().ifPresent(v -> p.put("max_length", v));
    o.numBeams().ifPresent(v -> p.put("num_beams", v));
    o.lengthPenalty().ifPresent(v -> p.put("length_penalty", v));
    o.noRepeatNgramSize().ifPresent(v -> p.put("no_repeat_ngram_size", v));
    o.repetitionPenalty().ifPresent(v -> p.put("repetition_penalty", v));
    o.earlyStopping().ifPresent(v -> p.put("early_stopping", v));
    p.put("truncation", true);
    return write(body);
  }

  @Override
  public String decode(byte[] body) {
    JsonNode root = read(body);
    JsonNode first = root.isArray() ? root.path(0) : root;
    if (first.isMissingNode() || !first.isObject()) {
      throw malformed(
          body, "expected a list of objects such as [{\"summary_text\": \"...\"}]", null);
    }
    if (first.has("summary_text")) {
      return text(body, first.get("summary_text"), "[0].summary_text");
    }
    if (first.has("generated_text")) {
      return text(body, first.get("generated_text"), "[0].generated_text");
    }
    throw malformed(body, "expected [0].summary_text or [0].generated_text", null);
  }
}
