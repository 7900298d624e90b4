package io.clinsum.sagemaker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clinsum.core.GenerationOptions;
import io.clinsum.core.spi.Prompt;

/**
 * SageMaker JumpStart's Flan-T5 text2text containers: {@code {"text_inputs": …, "max_length": …,
 * "num_beams": …, …}} → {@code {"generated_texts": […]}}.
 */
public final class JumpStartFlanT5Codec extends JsonCodec {
  @Override
  public String name() {
    return "jumpstart-flan-t5";
  }

  @Override
  public int defaultMaxInputTokens() {
    return 512;
  }

  @Override
  public byte[] encode(Prompt prompt) {
    ObjectNode body = JSON.createObjectNode();
    body.put("text_inputs", promptText(prompt));
    GenerationOptions o = prompt.options();
    o.maxLength().ifPresent(v -> body.put("max_length", v));
    o.numBeams().ifPresent(v -> body.put("num_beams", v));
    o.noRepeatNgramSize().ifPresent(v -> body.put("no_repeat_ngram_size", v));
    o.earlyStopping().ifPresent(v -> body.put("early_stopping", v));
    o.lengthPenalty().ifPresent(v -> body.put("length_penalty", v));
    body.put("num_return_sequences", 1);
    return write(body);
  }

  @Override
  public String decode(byte[] body) {
    JsonNode texts = read(body).path("generated_texts");
    if (!texts.isArray() || texts.isEmpty()) {
      throw malformed(body, "expected {\"generated_texts\": [\"...\"]}", null);
    }
    return text(body, texts.get(0), "generated_texts[0]");
  }
}
