package io.clinsum.local.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.clinsum.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX sessions of an Optimum seq2seq export: the encoder, and either a decoder plus a
 * decoder-with-past, or one merged decoder with a {@code use_cache_branch} input. Input and output
 * names are read from the graphs, so T5, BART, Pegasus and Marian exports all work. Sessions are
 * thread-safe in ONNX Runtime; this class only holds them. Closed once.
 */
public final class Seq2SeqSessions implements AutoCloseable {
  private static final String PAST = "past_key_values.";
  private static final String PRESENT = "present.";

  final OrtEnvironment env;
  final OrtSession encoder;
  final OrtSession decoder;
  final OrtSession decoderWithPast;
  final boolean merged;

  /** Cache entries such as {@code 0.decoder.key}, with their static head count and size. */
  final Map<String, long[]> pastShapes;

  /** Outputs worth fetching after the first step: logits and self-attention cache only. */
  final java.util.Set<String> laterStepOutputs;

  final String description;

  private Seq2SeqSessions(
      OrtEnvironment env,
      OrtSession encoder,
      OrtSession decoder,
      OrtSession decoderWithPast,
      boolean merged,
      String description)
      throws OrtException {
    this.env = env;
    this.encoder = encoder;
    this.decoder = decoder;
    this.decoderWithPast = decoderWithPast;
    this.merged = merged;
    this.description = description;
    OrtSession pastSession = merged ? decoder : decoderWithPast;
    this.pastShapes = new LinkedHashMap<>();
    for (Map.Entry<String, NodeInfo> e : pastSession.getInputInfo().entrySet()) {
      if (e.getKey().startsWith(PAST)) {
        pastShapes.put(
            e.getKey().substring(PAST.length()), ((TensorInfo) e.getValue().getInfo()).getShape());
      }
    }
    java.util.Set<String> later = new java.util.LinkedHashSet<>();
    for (String name : pastSession.getOutputNames()) {
      if (!(name.startsWith(PRESENT) && name.contains(".encoder."))) {
        later.add(name);
      }
    }
    this.laterStepOutputs = java.util.Collections.unmodifiableSet(later);
  }

  /** Opens the sessions of the export in {@code dir}. */
  public static Seq2SeqSessions open(Path dir, OrtSession.SessionOptions options, String device) {
    Path encoderFile = require(dir, "encoder_model.onnx");
    Path mergedFile = dir.resolve("decoder_model_merged.onnx");
    Path decoderFile = dir.resolve("decoder_model.onnx");
    Path withPastFile = dir.resolve("decoder_with_past_model.onnx");
    boolean merged = Files.exists(mergedFile);
    if (!merged && !(Files.exists(decoderFile) && Files.exists(withPastFile))) {
      throw new ConfigurationException(
          dir
              + " has encoder_model.onnx but no decoder: it needs"
              + " decoder_model_merged.onnx, or decoder_model.onnx with decoder_with_past_model.onnx"
              + " (export with Optimum: optimum-cli export onnx --task text2text-generation-with-past)");
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    List<OrtSession> opened = new ArrayList<>();
    try {
      OrtSession encoder = load(env, encoderFile, options, opened);
      OrtSession decoder = load(env, merged ? mergedFile : decoderFile, options, opened);
      OrtSession withPast = merged ? null : load(env, withPastFile, options, opened);
      String layout = merged ? "merged decoder" : "decoder + decoder-with-past";
      return new Seq2SeqSessions(env, encoder, decoder, withPast, merged, layout + " on " + device);
    } catch (OrtException | RuntimeException e) {
      for (OrtSession s : opened) {
        try {
          s.close();
        } catch (OrtException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      if (e instanceof ConfigurationException c) {
        throw c;
      }
      throw new ConfigurationException(
          "Cannot read the ONNX graphs in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static OrtSession load(
      OrtEnvironment env, Path file, OrtSession.SessionOptions options, List<OrtSession> opened) {
    try {
      OrtSession s = env.createSession(file.toString(), options);
      opened.add(s);
      return s;
    } catch (OrtException e) {
      throw new ConfigurationException(
          file
              + " could not be loaded by ONNX Runtime ("
              + e.getMessage()
              + "); the file is corrupt or was exported with a newer opset."
              + " Re-export it with Optimum",
          e);
    }
  }

  private static Path require(Path dir, String name) {
    Path p = dir.resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new ConfigurationException(
          p
              + " is missing; a model folder needs the ONNX files of"
              + " an Optimum seq2seq export (encoder_model.onnx and the decoder files)");
    }
    return p;
  }

  /** Whether {@code name} is a cache output, and which cache entry it updates. */
  static String presentKey(String name) {
    return name.startsWith(PRESENT) ? name.substring(PRESENT.length()) : null;
  }

  static String pastInput(String key) {
    return PAST + key;
  }

  /** A zero-length cache tensor for the first step of a merged decoder. */
  OnnxTensor emptyPast(String key, int batch) throws OrtException {
    long[] shape = pastShapes.get(key).clone();
    shape[0] = batch;
    shape[2] = 0;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] < 0) {
        throw new ConfigurationException(
            "The decoder's input "
                + pastInput(key)
                + " has a dynamic dimension "
                + i
                + "; export with static head sizes");
      }
    }
    return OnnxTensor.createTensor(env, java.nio.FloatBuffer.allocate(0), shape);
  }

  static OnnxTensor tensor(OnnxValue v) {
    return (OnnxTensor) v;
  }

  /** Layout and device, such as {@code merged decoder on cpu}. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    for (OrtSession s : new OrtSession[] {encoder, decoder, decoderWithPast}) {
      if (s != null) {
        try {
          s.close();
        } catch (OrtException e) {
          throw new IllegalStateException("closing an ONNX session failed", e);
        }
      }
    }
  }
}
