package io.clinsum.local.internal;

import ai.onnxruntime.OrtException;
import java.util.List;

/**
 * A generation loop over a loaded model: the seq2seq loop ({@link Seq2SeqGenerator}) or the
 * decoder-only loop ({@link CausalGenerator}). Thread-safe: each call has its own state.
 */
public interface Generator {
  /**
   * Generates one output per input.
   *
   * @param inputs token ids of each input, special tokens included
   * @param params the resolved generation settings (the same for every input)
   * @param timing collects the time spent inside ONNX Runtime, or {@code null}
   * @return one sequence per input: {@link #leadingTokens()} tokens that were not generated, then
   *     the generated tokens, the EOS token included when one was reached
   */
  List<long[]> generate(List<long[]> inputs, GenerationParams params, Timing timing)
      throws OrtException;

  /** Tokens at the start of each output that were not generated: the decoder start token, or 0. */
  int leadingTokens();

  /** Time spent inside ONNX Runtime's {@code run} calls, for overhead measurements. */
  final class Timing {
    long runNanos;

    /** Nanoseconds spent in ONNX Runtime so far. */
    public long runNanos() {
      return runNanos;
    }
  }
}
