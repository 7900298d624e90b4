package io.clinsum.sagemaker;

import io.clinsum.core.spi.Prompt;

/**
 * Turns a prompt into the body an endpoint's container expects and its answer back into text.
 * ClinSum ships codecs for the Hugging Face inference toolkit ({@code huggingface}), JumpStart's
 * Flan-T5 ({@code jumpstart-flan-t5}), AI21 Jurassic-2 ({@code ai21}) and Cohere Generate ({@code
 * cohere}); a custom container gets its own codec by implementing this interface and listing the
 * class in {@code META-INF/services/io.clinsum.sagemaker.PayloadCodec}. Implementations are
 * stateless and thread-safe.
 */
public interface PayloadCodec {
  /** The name the {@code codec} setting selects it by. */
  String name();

  /** The request's {@code Content-Type}. */
  default String contentType() {
    return "application/json";
  }

  /** The {@code Accept} header. */
  default String accept() {
    return "application/json";
  }

  /**
   * Input tokens the endpoint's model reads when the caller configures none; longer notes are
   * chunked by sdk-core.
   */
  int defaultMaxInputTokens();

  /** The request body for {@code prompt} (its text, optional instruction and options). */
  byte[] encode(Prompt prompt);

  /**
   * The generated text in {@code body}.
   *
   * @throws MalformedResponseException when the body is not what this codec expects, saying what
   *     was wrong and where
   */
  String decode(byte[] body);

  /** An endpoint's answer that a codec cannot read. */
  final class MalformedResponseException extends RuntimeException {
    public MalformedResponseException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
