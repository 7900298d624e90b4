package io.clinsum.local.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.clinsum.core.ConfigurationException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ONNX session of an Optimum causal-LM export ({@code ORTModelForCausalLM}): one {@code
 * model.onnx} taking {@code input_ids}, {@code attention_mask}, optionally {@code position_ids},
 * and {@code past_key_values.N.key/value}, and returning {@code logits} and {@code
 * present.N.key/value}. The names are read from the graph and checked at load. Sessions are
 * thread-safe in ONNX Runtime; this class only holds one. Closed once.
 */
public final class CausalSessions implements AutoCloseable {
  static final String PAST = "past_key_values.";
  static final String PRESENT = "present.";
  private static final Set<String> PLAIN_INPUTS =
      Set.of("input_ids", "attention_mask", "position_ids");

  final OrtEnvironment env;
  final OrtSession session;
  final boolean positionIds;

  /** Cache entries such as {@code 0.key}, with the static shape of their past input. */
  final Map<String, long[]> pastShapes;

  final String description;

  private CausalSessions(
      OrtEnvironment env,
      OrtSession session,
      boolean positionIds,
      Map<String, long[]> pastShapes,
      String description) {
    this.env = env;
    this.session = session;
    this.positionIds = positionIds;
    this.pastShapes = Collections.unmodifiableMap(pastShapes);
    this.description = description;
  }

  /** Opens {@code dir/model.onnx} and checks that it is a causal LM with a key/value cache. */
  public static CausalSessions open(Path dir, OrtSession.SessionOptions options, String device) {
    Path file = dir.resolve("model.onnx");
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException(file + " is missing");
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session;
    try {
      session = env.createSession(file.toString(), options);
    } catch (OrtException e) {
      throw new ConfigurationException(
          file
              + " could not be loaded by ONNX Runtime ("
              + e.getMessage()
              + "); the file is corrupt or was exported with a newer opset."
              + " Re-export it with Optimum (--task text-generation-with-past)",
          e);
    }
    try {
      return check(file, env, session, device);
    } catch (OrtException | RuntimeException e) {
      try {
        session.close();
      } catch (OrtException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof ConfigurationException c) {
        throw c;
      }
      throw new ConfigurationException("Cannot read the ONNX graph " + file + ": " + e, e);
    }
  }

  private static CausalSessions check(
      Path file, OrtEnvironment env, OrtSession session, String device) throws OrtException {
    Map<String, long[]> pastShapes = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
      String name = e.getKey();
      if (name.startsWith(PAST)) {
        long[] shape = ((TensorInfo) e.getValue().getInfo()).getShape();
        if (shape.length != 4 || shape[1] < 0 || shape[3] < 0) {
          throw new ConfigurationException(
              file
                  + ": input "
                  + name
                  + " has shape "
                  + java.util.Arrays.toString(shape)
                  + "; expected [batch, heads, past length, head size] with static heads and head"
                  + " size, as Optimum exports them");
        }
        pastShapes.put(name.substring(PAST.length()), shape);
      } else if (!PLAIN_INPUTS.contains(name)) {
        unknown.add(name);
      }
    }
    Set<String> inputs = session.getInputNames();
    Set<String> outputs = session.getOutputNames();
    if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
      throw new ConfigurationException(
          file
              + " has no input_ids or attention_mask input (inputs: "
              + new TreeSet<>(inputs)
              + ")");
    }
    if (!unknown.isEmpty()) {
      throw new ConfigurationException(
          file
              + " has inputs this engine does not feed: "
              + unknown
              + " (a legacy merged decoder with use_cache_branch, or another exporter's layout)."
              + " Re-export with Optimum: optimum-cli export onnx --task text-generation-with-past");
    }
    if (pastShapes.isEmpty()) {
      throw new ConfigurationException(
          file
              + " has no past_key_values.* inputs: it was exported without a key/value cache."
              + " Re-export with --task text-generation-with-past");
    }
    if (!outputs.contains("logits")) {
      throw new ConfigurationException(file + " has no logits output (outputs: " + outputs + ")");
    }
    for (String key : pastShapes.keySet()) {
      if (!outputs.contains(PRESENT + key)) {
        throw new ConfigurationException(
            file + " has input " + PAST + key + " but no output " + PRESENT + key);
      }
    }
    return new CausalSessions(
        env,
        session,
        inputs.contains("position_ids"),
        pastShapes,
        "causal LM (" + pastShapes.size() / 2 + " layers) on " + device);
  }

  /** A zero-length cache tensor for the first step. */
  OnnxTensor emptyPast(String key, int batch) throws OrtException {
    long[] shape = pastShapes.get(key).clone();
    shape[0] = batch;
    shape[2] = 0;
    return OnnxTensor.createTensor(env, FloatBuffer.allocate(0), shape);
  }

  /** Layout and device, such as {@code causal LM (2 layers) on cpu}. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("closing an ONNX session failed", e);
    }
  }
}
