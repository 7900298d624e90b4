package io.clinsum.local.internal;

import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Greedy decoding as transformers 4.57's {@code generate} runs it with {@code do_sample=False},
 * shared by the seq2seq and the decoder-only loops: every row advances in lockstep; the logits
 * processors run on the raw logits of each row; the first maximum wins; a row that has produced any
 * of the model's EOS ids is finished and is fed the pad id from then on; the loop stops when every
 * row is finished or {@code maxNewTokens} tokens have been generated. With {@link
 * GenerationParams#sampling} set, the next token is drawn by {@link Sampling} instead of the
 * argmax; everything else is the same loop. {@link GenerationParams#stop} finishes a row as an EOS
 * id does (stop strings).
 */
final class GreedySearch {
  /** One forward pass of the model. */
  interface Step {
    /**
     * @param newest the newest token of each row (the last token of its prefix on the first call)
     * @param generated tokens generated so far (0 on the first call)
     * @return next-token logits, {@code [rows, vocab]} in row-major order
     */
    FloatBuffer next(long[] newest, int generated) throws OrtException;
  }

  private GreedySearch() {}

  /**
   * @param prefixes each row's tokens before generation: the decoder start token (seq2seq) or the
   *     prompt (decoder-only); never empty
   * @return each row's prefix followed by its generated tokens, cut after its first EOS
   */
  static List<long[]> run(long[][] prefixes, GenerationParams params, ModelConfig config, Step step)
      throws OrtException {
    int rows = prefixes.length;
    int maxNew = params.maxNewTokens();
    LogitsProcessor processor = new LogitsProcessor(config, params);
    long[][] seqs = new long[rows][];
    long[] newest = new long[rows];
    boolean[] unfinished = new boolean[rows];
    for (int r = 0; r < rows; r++) {
      seqs[r] = Arrays.copyOf(prefixes[r], prefixes[r].length + maxNew);
      newest[r] = prefixes[r][prefixes[r].length - 1];
      unfinished[r] = true;
    }
    Sampling sampling = params.sampling();
    SplittableRandom[] random = new SplittableRandom[rows];
    for (int r = 0; r < rows && sampling != null; r++) {
      random[r] = sampling.newRow();
    }
    float[] scores = new float[config.vocabSize()];
    int generated = 0;
    int[] finishedAt = new int[rows];
    Arrays.fill(finishedAt, -1);
    while (true) {
      FloatBuffer logits = step.next(newest, generated);
      int open = 0;
      for (int r = 0; r < rows; r++) {
        int length = prefixes[r].length + generated;
        logits.get(r * scores.length, scores, 0, scores.length);
        processor.process(scores, seqs[r], length, generated);
        long next =
            !unfinished[r]
                ? config.padTokenId()
                : sampling == null ? argmax(scores) : sampling.choose(scores, random[r]);
        seqs[r][length] = next;
        newest[r] = next;
        if (unfinished[r]
            && (config.isEos(next)
                || (params.stop() != null
                    && params
                        .stop()
                        .test(Arrays.copyOfRange(seqs[r], prefixes[r].length, length + 1))))) {
          unfinished[r] = false;
          finishedAt[r] = length + 1;
        }
        open += unfinished[r] ? 1 : 0;
      }
      generated++;
      if (open == 0 || generated >= maxNew) {
        break;
      }
    }
    List<long[]> out = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      int end = finishedAt[r] >= 0 ? finishedAt[r] : prefixes[r].length + generated;
      out.add(Arrays.copyOf(seqs[r], end));
    }
    return out;
  }

  /** Index of the first maximum, as {@code torch.argmax}. */
  static int argmax(float[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }
}
