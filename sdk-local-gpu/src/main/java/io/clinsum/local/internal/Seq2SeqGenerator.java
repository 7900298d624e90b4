package io.clinsum.local.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Greedy and beam-search generation over {@link Seq2SeqSessions}, token for token as Hugging Face
 * {@code generate} does it: the same logits processors, the same beam bookkeeping, the same
 * stopping rules. The decoder's key/value cache stays in ONNX Runtime's tensors from one step to
 * the next; only beam search copies it, and only when beams are reordered. Thread-safe: each call
 * has its own state.
 */
public final class Seq2SeqGenerator implements Generator {
  private final Seq2SeqSessions sessions;
  private final ModelConfig config;

  public Seq2SeqGenerator(Seq2SeqSessions sessions, ModelConfig config) {
    this.sessions = sessions;
    this.config = config;
  }

  /**
   * Generates one output per input.
   *
   * @param inputs token ids of each input, special tokens included
   * @return the decoder sequences: decoder start token, generated tokens, EOS when reached
   */
  @Override
  public List<long[]> generate(List<long[]> inputs, GenerationParams params, Timing timing)
      throws OrtException {
    try (State state = new State(inputs, params, timing)) {
      return state.run();
    }
  }

  /** The decoder start token. */
  @Override
  public int leadingTokens() {
    return 1;
  }

  /** Everything one generation call owns; closes its native tensors and results. */
  private final class State implements AutoCloseable {
    final GenerationParams p;
    final Timing timing;
    final int batch;
    final int beams;
    final int rows;
    final int maxLength;
    final LogitsProcessor processor;
    final List<AutoCloseable> owned = new ArrayList<>();
    final Map<String, OnnxTensor> cache = new HashMap<>();
    final Map<OnnxTensor, OrtSession.Result> tensorOwner = new IdentityHashMap<>();
    final List<OrtSession.Result> openResults = new ArrayList<>();
    OnnxTensor hidden;
    OnnxTensor mask;
    long[][] seqs;
    int length = 1;
    int steps;

    State(List<long[]> inputs, GenerationParams p, Timing timing) throws OrtException {
      this.p = p;
      this.timing = timing;
      this.batch = inputs.size();
      this.beams = p.numBeams();
      this.rows = batch * beams;
      this.maxLength = 1 + p.maxNewTokens();
      this.processor = new LogitsProcessor(config, p);
      encode(inputs);
      seqs = new long[rows][maxLength];
      for (long[] s : seqs) {
        s[0] = config.decoderStartTokenId();
      }
    }

    private void encode(List<long[]> inputs) throws OrtException {
      int width = 1;
      for (long[] in : inputs) {
        width = Math.max(width, in.length);
      }
      LongBuffer ids = LongBuffer.allocate(batch * width);
      LongBuffer attention = LongBuffer.allocate(batch * width);
      for (long[] in : inputs) {
        for (int j = 0; j < width; j++) {
          ids.put(j < in.length ? in[j] : config.padTokenId());
          attention.put(j < in.length ? 1 : 0);
        }
      }
      ids.flip();
      attention.flip();
      long[] shape = {batch, width};
      OnnxTensor idsTensor = own(OnnxTensor.createTensor(sessions.env, ids, shape));
      OnnxTensor maskTensor = own(OnnxTensor.createTensor(sessions.env, attention, shape));
      Map<String, OnnxTensor> in = new HashMap<>();
      in.put("input_ids", idsTensor);
      if (sessions.encoder.getInputNames().contains("attention_mask")) {
        in.put("attention_mask", maskTensor);
      }
      OrtSession.Result result = run(sessions.encoder, in);
      owned.add(result);
      OnnxTensor encoded = Seq2SeqSessions.tensor(result.get(0));
      if (beams == 1) {
        hidden = encoded;
        mask = maskTensor;
        return;
      }
      // Each input's beams share its encoder output: repeat rows, as repeat_interleave does.
      long[] hs = encoded.getInfo().getShape();
      int perRow = (int) (hs[1] * hs[2]);
      FloatBuffer src = encoded.getFloatBuffer();
      FloatBuffer dst = FloatBuffer.allocate(rows * perRow);
      for (int b = 0; b < batch; b++) {
        for (int k = 0; k < beams; k++) {
          dst.put(src.duplicate().position(b * perRow).limit((b + 1) * perRow));
        }
      }
      dst.flip();
      hidden = own(OnnxTensor.createTensor(sessions.env, dst, new long[] {rows, hs[1], hs[2]}));
      LongBuffer m = LongBuffer.allocate(rows * width);
      for (int b = 0; b < batch; b++) {
        for (int k = 0; k < beams; k++) {
          m.put(attention.duplicate().position(b * width).limit((b + 1) * width));
        }
      }
      m.flip();
      mask = own(OnnxTensor.createTensor(sessions.env, m, new long[] {rows, width}));
    }

    List<long[]> run() throws OrtException {
      return beams == 1 ? greedy() : new BeamSearch(this).search();
    }

    private List<long[]> greedy() throws OrtException {
      long[][] prefixes = new long[rows][];
      for (int r = 0; r < rows; r++) {
        prefixes[r] = new long[] {config.decoderStartTokenId()};
      }
      return GreedySearch.run(prefixes, p, config, (newest, generated) -> step(newest));
    }

    /** Runs one decoder step on the newest token of each row; returns the last logits. */
    FloatBuffer step(long[] newest) throws OrtException {
      boolean first = steps++ == 0;
      OrtSession session = first || sessions.merged ? sessions.decoder : sessions.decoderWithPast;
      Set<String> names = session.getInputNames();
      Map<String, OnnxTensor> in = new HashMap<>();
      LongBuffer last = LongBuffer.wrap(newest.clone());
      OnnxTensor ids = OnnxTensor.createTensor(sessions.env, last, new long[] {rows, 1});
      List<OnnxTensor> stepTensors = new ArrayList<>();
      stepTensors.add(ids);
      try {
        in.put("input_ids", ids);
        if (names.contains("encoder_attention_mask")) {
          in.put("encoder_attention_mask", mask);
        }
        if (names.contains("encoder_hidden_states")) {
          in.put("encoder_hidden_states", hidden);
        }
        if (names.contains("use_cache_branch")) {
          OnnxTensor branch = OnnxTensor.createTensor(sessions.env, new boolean[] {!first});
          stepTensors.add(branch);
          in.put("use_cache_branch", branch);
        }
        for (String key : sessions.pastShapes.keySet()) {
          String input = Seq2SeqSessions.pastInput(key);
          if (!names.contains(input)) {
            continue;
          }
          OnnxTensor past = cache.get(key);
          if (past == null) {
            past = sessions.emptyPast(key, rows);
            stepTensors.add(past);
          }
          in.put(input, past);
        }
        // After the first step, cross-attention entries never change: do not fetch them again.
        OrtSession.Result result =
            first ? run(session, in) : run(session, in, sessions.laterStepOutputs);
        openResults.add(result);
        FloatBuffer logits = null;
        for (Map.Entry<String, OnnxValue> e : result) {
          String key = Seq2SeqSessions.presentKey(e.getKey());
          OnnxTensor t = Seq2SeqSessions.tensor(e.getValue());
          if (key != null) {
            // Cross-attention entries come from the first step only: later steps of a merged
            // decoder return placeholders for them, as Optimum's own runner assumes.
            if (first || !key.contains(".encoder.")) {
              replaceCache(key, t, result);
            }
          } else if (e.getKey().equals("logits")) {
            logits = lastPosition(t);
          }
        }
        closeUnusedResults();
        return logits;
      } finally {
        for (OnnxTensor t : stepTensors) {
          t.close();
        }
      }
    }

    /** Logits of the last position only: [rows, vocab]. */
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

    void logitsRow(FloatBuffer logits, int row, float[] into) {
      logits.get(row * into.length, into, 0, into.length);
    }

    private void replaceCache(String key, OnnxTensor t, OrtSession.Result owner) {
      OnnxTensor old = cache.put(key, t);
      tensorOwner.put(t, owner);
      if (old != null && tensorOwner.remove(old) == null) {
        old.close(); // a tensor we made ourselves when reordering beams
      }
    }

    /** Replaces a cache entry with a tensor this call created (beam reordering). */
    void replaceCacheOwned(String key, OnnxTensor t) {
      OnnxTensor old = cache.put(key, t);
      if (old != null && tensorOwner.remove(old) == null) {
        old.close();
      }
    }

    private void closeUnusedResults() {
      java.util.Set<OrtSession.Result> used =
          java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      used.addAll(tensorOwner.values());
      openResults.removeIf(
          r -> {
            if (!used.contains(r)) {
              r.close();
              return true;
            }
            return false;
          });
    }

    OrtSession.Result run(OrtSession session, Map<String, OnnxTensor> in) throws OrtException {
      return run(session, in, null);
    }

    OrtSession.Result run(OrtSession session, Map<String, OnnxTensor> in, Set<String> outputs)
        throws OrtException {
      long t0 = System.nanoTime();
      try {
        return outputs == null ? session.run(in) : session.run(in, outputs);
      } finally {
        if (timing != null) {
          timing.runNanos += System.nanoTime() - t0;
        }
      }
    }

    private <T extends AutoCloseable> T own(T t) {
      owned.add(t);
      return t;
    }

    @Override
    public void close() {
      for (OnnxTensor t : cache.values()) {
        if (!tensorOwner.containsKey(t)) {
          t.close();
        }
      }
      for (OrtSession.Result r : openResults) {
        r.close();
      }
      for (int i = owned.size() - 1; i >= 0; i--) {
        try {
          owned.get(i).close();
        } catch (Exception e) {
          throw new IllegalStateException("closing a native tensor failed", e);
        }
      }
    }
  }

  /**
   * Beam search as transformers 4.57 runs it ({@code GenerationMixin._beam_search}): each step
   * keeps the top {@code 2 * numBeams} continuations per input; those that hit EOS or the length
   * limit and rank within the first {@code numBeams} compete, length-normalised by {@code generated
   * ^ lengthPenalty}, for the {@code numBeams} finished slots; the best non-finished ones run on.
   * An input stops taking finished beams once no running beam can beat its worst finished one (or,
   * with early stopping, once its slots are full). Scores are float32 as in torch, so ties and
   * near-ties resolve the same way.
   */
  private final class BeamSearch {
    private static final float MASK = -1.0e9f;
    private final State s;
    private final int k;
    private final int vocab = config.vocabSize();
    private final float[] runningScores;
    private final long[][] finishedSeqs;
    private final float[] finishedScores;
    private final boolean[] finished;
    private final boolean[] improvable;

    BeamSearch(State s) {
      this.s = s;
      this.k = s.beams;
      this.runningScores = new float[s.rows];
      this.finishedSeqs = new long[s.rows][];
      this.finishedScores = new float[s.rows];
      this.finished = new boolean[s.rows];
      this.improvable = new boolean[s.batch];
      java.util.Arrays.fill(finishedScores, MASK);
      java.util.Arrays.fill(improvable, true);
      for (int r = 0; r < s.rows; r++) {
        runningScores[r] = r % k == 0 ? 0f : MASK;
      }
    }

    List<long[]> search() throws OrtException {
      int keep = Math.max(2, 1 + config.eosTokenIds().length) * k;
      float[] row = new float[vocab];
      float[] candidates = new float[k * vocab];
      while (true) {
        int length = s.length;
        boolean lastStep = length + 1 >= s.maxLength;
        long[] newest = new long[s.rows];
        for (int r = 0; r < s.rows; r++) {
          newest[r] = s.seqs[r][length - 1];
        }
        FloatBuffer logits = s.step(newest);
        int[] sourceRow = new int[s.rows];
        long[] nextToken = new long[s.rows];
        float[] nextScore = new float[s.rows];
        boolean allHit = true;
        for (int b = 0; b < s.batch; b++) {
          for (int beam = 0; beam < k; beam++) {
            int r = b * k + beam;
            s.logitsRow(logits, r, row);
            logSoftmax(row);
            s.processor.process(row, s.seqs[r], length, length - 1);
            float base = runningScores[r];
            for (int v = 0; v < vocab; v++) {
              candidates[beam * vocab + v] = row[v] + base;
            }
          }
          int[] top = topK(candidates, keep);
          boolean[] hits = new boolean[top.length];
          float[] topScores = new float[top.length];
          float[] runScores = new float[top.length];
          for (int j = 0; j < top.length; j++) {
            topScores[j] = candidates[top[j]];
            hits[j] = lastStep || config.isEos(top[j] % vocab);
            runScores[j] = topScores[j] + (hits[j] ? MASK : 0f);
            allHit &= hits[j];
          }
          int[] running = topK(runScores, k);
          for (int i = 0; i < k; i++) {
            int j = running[i];
            int r = b * k + i;
            sourceRow[r] = b * k + top[j] / vocab;
            nextToken[r] = top[j] % vocab;
            nextScore[r] = runScores[j];
          }
          updateFinished(b, top, topScores, hits, length);
        }
        reorder(sourceRow);
        for (int r = 0; r < s.rows; r++) {
          s.seqs[r][length] = nextToken[r];
          runningScores[r] = nextScore[r];
        }
        s.length++;
        boolean anyImprovable = false;
        boolean allFinished = true;
        for (int b = 0; b < s.batch; b++) {
          improvable[b] = improvable[b] && canImprove(b);
          anyImprovable |= improvable[b];
          for (int i = 0; i < k; i++) {
            allFinished &= finished[b * k + i];
          }
        }
        if (!anyImprovable
            || (allFinished && s.p.earlyStopping() == GenerationParams.EarlyStopping.TRUE)
            || allHit) {
          break;
        }
      }
      List<long[]> out = new ArrayList<>(s.batch);
      for (int b = 0; b < s.batch; b++) {
        out.add(finishedSeqs[b * k]);
      }
      return out;
    }

    /** Merges this step's finished candidates into the finished slots of input {@code b}. */
    private void updateFinished(int b, int[] top, float[] topScores, boolean[] hits, int length) {
      float denominator = (float) Math.pow(length, s.p.lengthPenalty());
      boolean full = true;
      for (int i = 0; i < k; i++) {
        full &= finished[b * k + i];
      }
      float[] merged = new float[k + top.length];
      for (int i = 0; i < k; i++) {
        merged[i] = finishedScores[b * k + i];
      }
      for (int j = 0; j < top.length; j++) {
        float score = topScores[j] / denominator;
        score += (full && s.p.earlyStopping() == GenerationParams.EarlyStopping.TRUE) ? MASK : 0f;
        score += improvable[b] ? 0f : MASK;
        score += (hits[j] && j < k) ? 0f : MASK;
        merged[k + j] = score;
      }
      int[] best = topK(merged, k);
      long[][] seqs = new long[k][];
      float[] scores = new float[k];
      boolean[] done = new boolean[k];
      for (int i = 0; i < k; i++) {
        int m = best[i];
        if (m < k) {
          seqs[i] = finishedSeqs[b * k + m];
          done[i] = finished[b * k + m];
        } else {
          int j = m - k;
          long[] src = s.seqs[b * k + top[j] / vocab];
          seqs[i] = java.util.Arrays.copyOf(src, length + 1);
          seqs[i][length] = top[j] % vocab;
          done[i] = hits[j] && j < k;
        }
        scores[i] = merged[m];
      }
      for (int i = 0; i < k; i++) {
        finishedSeqs[b * k + i] = seqs[i];
        finishedScores[b * k + i] = scores[i];
        finished[b * k + i] = done[i];
      }
    }

    /** Whether the best running beam could still beat a finished one of input {@code b}. */
    private boolean canImprove(int b) {
      int hypotheticalLength =
          s.p.earlyStopping() == GenerationParams.EarlyStopping.NEVER && s.p.lengthPenalty() > 0
              ? s.maxLength - 1
              : s.length - 1;
      float best = runningScores[b * k] / (float) Math.pow(hypotheticalLength, s.p.lengthPenalty());
      float worst = Float.POSITIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        worst = Math.min(worst, finishedScores[b * k + i]);
      }
      for (int i = 0; i < k; i++) {
        if (best > (finished[b * k + i] ? worst : MASK)) {
          return true;
        }
      }
      return false;
    }

    /** Moves each row's sequence and decoder cache to follow the beam it continues. */
    private void reorder(int[] sourceRow) throws OrtException {
      boolean identity = true;
      for (int r = 0; r < sourceRow.length && identity; r++) {
        identity = sourceRow[r] == r;
      }
      if (identity) {
        return;
      }
      long[][] seqs = new long[s.rows][];
      for (int r = 0; r < s.rows; r++) {
        seqs[r] = s.seqs[sourceRow[r]].clone();
      }
      s.seqs = seqs;
      for (Map.Entry<String, OnnxTensor> e : new ArrayList<>(s.cache.entrySet())) {
        if (!e.getKey().contains(".decoder.")) {
          continue; // cross-attention keys and values are the same for every beam of an input
        }
        OnnxTensor t = e.getValue();
        long[] shape = t.getInfo().getShape();
        int perRow = (int) (shape[1] * shape[2] * shape[3]);
        FloatBuffer src = t.getFloatBuffer();
        FloatBuffer dst = FloatBuffer.allocate(s.rows * perRow);
        for (int r = 0; r < s.rows; r++) {
          dst.put(
              src.duplicate().position(sourceRow[r] * perRow).limit((sourceRow[r] + 1) * perRow));
        }
        dst.flip();
        s.replaceCacheOwned(e.getKey(), OnnxTensor.createTensor(sessions.env, dst, shape));
      }
    }
  }

  /** In-place log-softmax in float, as torch computes it. */
  static void logSoftmax(float[] x) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : x) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (float v : x) {
      sum += Math.exp(v - max);
    }
    float logSum = (float) Math.log(sum);
    for (int i = 0; i < x.length; i++) {
      x[i] = x[i] - max - logSum;
    }
  }

  /** Indices of the {@code k} largest values, largest first; ties go to the lower index. */
  static int[] topK(float[] values, int k) {
    k = Math.min(k, values.length);
    int[] idx = new int[k];
    float[] val = new float[k];
    int size = 0;
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      if (size == k && !(v > val[k - 1])) {
        continue;
      }
      int pos = size == k ? k - 1 : size++;
      while (pos > 0 && v > val[pos - 1]) {
        val[pos] = val[pos - 1];
        idx[pos] = idx[pos - 1];
        pos--;
      }
      val[pos] = v;
      idx[pos] = i;
    }
    return idx;
  }
}
