package io.clinsum.local.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoder-only generation loop over {@link CausalSessions}, token for token as transformers
 * 4.57's {@code generate} runs a causal LM: the prompts of a batch are left-padded to the same
 * width; one prefill pass over them fills the key/value cache; then one token per step, feeding
 * only the newest token with the cache of the previous step. The attention mask grows by one per
 * step and {@code position_ids} are each row's count of real tokens so far, minus one (pad
 * positions get 1, as transformers sets them), so a padded row computes exactly what it computes
 * alone. Greedy search only ({@link GreedySearch}); the cache stays in ONNX Runtime's output
 * tensors from one step to the next. Thread-safe: each call has its own state.
 */
public final class CausalGenerator implements Generator {
  private final CausalSessions sessions;
  private final ModelConfig config;

  public CausalGenerator(CausalSessions sessions, ModelConfig config) {
    this.sessions = sessions;
    this.config = config;
  }

  /**
   * @return the generated tokens of each input (not the prompt), EOS included when reached
   * @throws IllegalArgumentException for beam search, an empty prompt, or a prompt that leaves no
   *     room in the context for {@code maxNewTokens}
   */
  @Override
  public List<long[]> generate(List<long[]> inputs, GenerationParams params, Timing timing)
      throws OrtException {
    if (params.numBeams() != 1) {
      throw new IllegalArgumentException(
          "beam search (numBeams "
              + params.numBeams()
              + ") is not supported for decoder-only"
              + " models yet; use numBeams 1");
    }
    long[][] prompts = inputs.toArray(long[][]::new);
    for (long[] p : prompts) {
      if (p.length == 0) {
        throw new IllegalArgumentException("empty prompt: a decoder-only model needs a token");
      }
      if (p.length + params.maxNewTokens() > config.maxInputTokens()) {
        throw new IllegalArgumentException(
            "prompt of "
                + p.length
                + " tokens plus "
                + params.maxNewTokens()
                + " new tokens exceeds the model's context of "
                + config.maxInputTokens()
                + " tokens");
      }
    }
    try (Steps steps = new Steps(prompts, timing)) {
      List<long[]> full = GreedySearch.run(prompts, params, config, steps::next);
      List<long[]> out = new ArrayList<>(full.size());
      for (int r = 0; r < full.size(); r++) {
        out.add(Arrays.copyOfRange(full.get(r), prompts[r].length, full.get(r).length));
      }
      return out;
    }
  }

  /** The outputs hold generated tokens only. */
  @Override
  public int leadingTokens() {
    return 0;
  }

  /** The forward passes of one call: the padded prompts, the growing mask, the cache. */
  private final class Steps implements AutoCloseable {
    final long[][] prompts;
    final Timing timing;
    final int rows;
    final int width;

    /** Real (unpadded) tokens of each row so far. */
    final int[] real;

    OrtSession.Result previous;
    final Map<String, OnnxTensor> cache = new HashMap<>();

    Steps(long[][] prompts, Timing timing) {
      this.prompts = prompts;
      this.timing = timing;
      this.rows = prompts.length;
      int w = 0;
      for (long[] p : prompts) {
        w = Math.max(w, p.length);
      }
      this.width = w;
      this.real = new int[rows];
    }

    FloatBuffer next(long[] newest, int generated) throws OrtException {
      int total = width + generated;
      LongBuffer ids;
      LongBuffer positions;
      long[] idsShape;
      if (generated == 0) {
        ids = LongBuffer.allocate(rows * width);
        positions = LongBuffer.allocate(rows * width);
        for (int r = 0; r < rows; r++) {
          int pad = width - prompts[r].length;
          for (int j = 0; j < width; j++) {
            ids.put(j < pad ? config.padTokenId() : prompts[r][j - pad]);
            positions.put(j < pad ? 1 : j - pad);
          }
          real[r] = prompts[r].length;
        }
        idsShape = new long[] {rows, width};
      } else {
        ids = LongBuffer.wrap(newest.clone());
        positions = LongBuffer.allocate(rows);
        for (int r = 0; r < rows; r++) {
          positions.put(real[r]++);
        }
        idsShape = new long[] {rows, 1};
      }
      ids.rewind();
      positions.rewind();
      LongBuffer mask = LongBuffer.allocate(rows * total);
      for (int r = 0; r < rows; r++) {
        int pad = width - prompts[r].length;
        for (int j = 0; j < total; j++) {
          mask.put(j < pad ? 0 : 1);
        }
      }
      mask.rewind();
      List<OnnxTensor> stepTensors = new ArrayList<>();
      try {
        Map<String, OnnxTensor> in = new HashMap<>();
        in.put(
            "input_ids", keep(stepTensors, OnnxTensor.createTensor(sessions.env, ids, idsShape)));
        in.put(
            "attention_mask",
            keep(
                stepTensors,
                OnnxTensor.createTensor(sessions.env, mask, new long[] {rows, total})));
        if (sessions.positionIds) {
          in.put(
              "position_ids",
              keep(stepTensors, OnnxTensor.createTensor(sessions.env, positions, idsShape)));
        }
        for (String key : sessions.pastShapes.keySet()) {
          OnnxTensor past = cache.get(key);
          if (past == null) {
            past = keep(stepTensors, sessions.emptyPast(key, rows));
          }
          in.put(CausalSessions.PAST + key, past);
        }
        long t0 = System.nanoTime();
        OrtSession.Result result;
        try {
          result = sessions.session.run(in);
        } finally {
          if (timing != null) {
            timing.runNanos += System.nanoTime() - t0;
          }
        }
        FloatBuffer logits = null;
        cache.clear();
        for (Map.Entry<String, OnnxValue> e : result) {
          String name = e.getKey();
          if (name.startsWith(CausalSessions.PRESENT)) {
            cache.put(name.substring(CausalSessions.PRESENT.length()), (OnnxTensor) e.getValue());
          } else if (name.equals("logits")) {
            logits = lastPosition((OnnxTensor) e.getValue());
          }
        }
        if (previous != null) {
          previous.close(); // its present tensors were this step's past
        }
        previous = result;
        return logits;
      } finally {
        stepTensors.forEach(OnnxTensor::close);
      }
    }

    /** Logits of the last position only, copied to the heap: [rows, vocab]. */
    private FloatBuffer lastPosition(OnnxTensor logits) {
      long[] shape = logits.getInfo().getShape();
      FloatBuffer all = logits.getFloatBuffer();
      int positions = (int) shape[1];
      if (positions == 1) {
        return all;
      }
      int vocab = (int) shape[2];
      FloatBuffer out = FloatBuffer.allocate(rows * vocab);
      for (int r = 0; r < rows; r++) {
        out.put(
            all.duplicate()
                .position((r * positions + positions - 1) * vocab)
                .limit((r * positions + positions) * vocab));
      }
      return out.flip();
    }

    private OnnxTensor keep(List<OnnxTensor> list, OnnxTensor t) {
      list.add(t);
      return t;
    }

    @Override
    public void close() {
      if (previous != null) {
        previous.close();
      }
    }
  }
}
