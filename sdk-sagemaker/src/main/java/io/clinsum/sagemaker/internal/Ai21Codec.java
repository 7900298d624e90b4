package io.clinsum.sagemaker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clinsum.core.spi.Prompt;

/**
 * AI21 Jurassic-2 model packages: {@code {"prompt": …, "maxTokens": …, "temperature": …}} → {@code
 * completions[0].data.text}. A note without an instruction is asked for a summary.
 */
public final class Ai21Codec extends JsonCodec {
  @Override
  public String name() {
    return "ai21";
  }

  @Override
  public int defaultMaxInputTokens() {
    return 7000;
  }

  @Override
  public byte[] encode(Prompt prompt) {
    ObjectNode body = JSON.createObjectNode();
    body.put("prompt", LlmPrompt.of(prompt));
    body.put("maxTokens", prompt.options().maxLength().orElse(LlmPrompt.DEFAULT_MAX_TOKENS));
    prompt.options().minLength().ifPresent(v -> body.put("minTokens", v));
    body.put("temperature", 0.0);
    return write(body);
  }

  @Override
  public String decode(byte[] body) {
    JsonNode first = read(body).path("completions").path(0);
    return text(body, first.path("data").get("text"), "completions[0].data.text").strip();
  }
}
