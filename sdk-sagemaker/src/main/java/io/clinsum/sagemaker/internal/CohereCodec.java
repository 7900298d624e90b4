package io.clinsum.sagemaker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clinsum.core.spi.Prompt;

/**
 * Cohere Generate model packages: {@code {"prompt": …, "max_tokens": …, "temperature": …}} → {@code
 * generations[0].text}. A note without an instruction is asked for a summary.
 */
public final class CohereCodec extends JsonCodec {
  @Override
  public String name() {
    return "cohere";
  }

  @Override
  public int defaultMaxInputTokens() {
    return 3500;
  }

  @Override
  public byte[] encode(Prompt prompt) {
    ObjectNode body = JSON.createObjectNode();
    body.put("prompt", LlmPrompt.of(prompt));
    body.put("max_tokens", prompt.options().maxLength().orElse(LlmPrompt.DEFAULT_MAX_TOKENS));
    body.put("temperature", 0.0);
    return write(body);
  }

  @Override
  public String decode(byte[] body) {
    JsonNode first = read(body).path("generations").path(0);
    return text(body, first.get("text"), "generations[0].text").strip();
  }
}
