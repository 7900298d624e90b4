package io.clinsum.sagemaker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clinsum.core.spi.Prompt;
import io.clinsum.sagemaker.PayloadCodec;
import io.clinsum.sagemaker.PayloadCodec.MalformedResponseException;
import java.io.IOException;

/** What the JSON codecs share: the prompt text, writing a body, and reading one with care. */
abstract class JsonCodec implements PayloadCodec {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The instruction, if any, above the note: how instruction-tuned models read a task. */
  static String promptText(Prompt prompt) {
    return prompt.instructionIfAny().map(i -> i + "\n\n" + prompt.text()).orElse(prompt.text());
  }

  static byte[] write(ObjectNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  /** Parses {@code body}; malformed JSON is reported with its byte offset. */
  JsonNode read(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw malformed(body, "the body is empty", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
      throw malformed(
          body, "the body is not JSON" + (offset >= 0 ? " (at byte " + offset + ")" : ""), e);
    } catch (IOException e) {
      throw malformed(body, "the body cannot be read: " + e.getMessage(), e);
    }
  }

  /** A text node at the end of {@code path}, or a clear error naming the path. */
  String text(byte[] body, JsonNode node, String path) {
    if (node == null || !node.isTextual()) {
      throw malformed(body, "expected a string at " + path, null);
    }
    return node.asText();
  }

  /**
   * The answer itself stays out of the message: it may hold patient text, and errors get logged.
   */
  MalformedResponseException malformed(byte[] body, String what, Throwable cause) {
    return new MalformedResponseException(
        "The endpoint's answer ("
            + body.length
            + " bytes) does not fit codec '"
            + name()
            + "': "
            + what,
        cause);
  }
}
