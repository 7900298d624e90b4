package io.clinsum.core.embedding.internal;

import io.clinsum.core.BackendException;
import io.clinsum.core.ClinSumException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.ProgressListener;
import io.clinsum.core.embedding.Embedder;
import io.clinsum.core.embedding.EmbedderClosedException;
import io.clinsum.core.embedding.EmbedderInfo;
import io.clinsum.core.embedding.spi.EmbeddingBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link Embedder} around every {@link EmbeddingBackend}: validates the texts, hands them to
 * the backend {@value #BATCH} at a time and reports progress after each batch, checks that each
 * answer is one vector of the right length and unit norm per text, maps unexpected backend failures
 * to {@link BackendException}, and refuses work once closed.
 */
public final class ManagedEmbedder implements Embedder {
  /** Texts per backend call: enough to batch by length, few enough for a moving progress bar. */
  public static final int BATCH = 256;

  /** How far a vector's L2 norm may be from 1 (float rounding in the backend). */
  static final double NORM_TOLERANCE = 1e-3;

  private final String name;
  private final EmbeddingBackend backend;
  private final EmbedderInfo info;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param name the backend's name, used in error messages
   */
  public ManagedEmbedder(String name, EmbeddingBackend backend) {
    this.name = Objects.requireNonNull(name, "name");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.info = Objects.requireNonNull(backend.info(), "backend.info()");
  }

  @Override
  public EmbedderInfo info() {
    return info;
  }

  @Override
  public List<float[]> embedAll(List<String> texts, ProgressListener progress) {
    ensureOpen();
    validate(texts);
    Objects.requireNonNull(progress, "progress");
    List<float[]> out = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += BATCH) {
      List<String> batch = List.copyOf(texts.subList(from, Math.min(texts.size(), from + BATCH)));
      ensureOpen();
      out.addAll(check(batch, from, call(batch)));
      progress.onProgress(out.size(), texts.size());
    }
    return out;
  }

  private static void validate(List<String> texts) {
    if (texts == null) {
      throw new InvalidRequestException("texts", "is null; pass at least one text");
    }
    if (texts.isEmpty()) {
      throw new InvalidRequestException("texts", "is empty; pass at least one text");
    }
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) {
        throw new InvalidRequestException(
            "texts[" + i + "]", "is null; pass an empty string for no text");
      }
    }
  }

  private List<float[]> call(List<String> batch) {
    try {
      return backend.embed(batch);
    } catch (ClinSumException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new BackendException(
          name, FailureReason.INTERNAL, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** The backend's answer for {@code batch} (texts {@code offset}...), or why it is wrong. */
  private List<float[]> check(List<String> batch, int offset, List<float[]> vectors) {
    if (vectors == null || vectors.size() != batch.size()) {
      throw new BackendException(
          name,
          "returned "
              + (vectors == null ? "no" : vectors.size())
              + " vectors for "
              + batch.size()
              + " texts (backend bug)");
    }
    for (int i = 0; i < vectors.size(); i++) {
      float[] v = vectors.get(i);
      int index = offset + i;
      if (v == null || v.length != info.dimension()) {
        throw new BackendException(
            name,
            "returned "
                + (v == null ? "no vector" : "a vector of " + v.length + " values")
                + " for texts["
                + index
                + "], expected "
                + info.dimension()
                + " (backend bug)");
      }
      double squares = 0;
      for (float x : v) {
        squares += x * x;
      }
      double norm = Math.sqrt(squares);
      if (!(Math.abs(norm - 1) <= NORM_TOLERANCE || squares == 0)) {
        throw new BackendException(
            name,
            "returned a vector of length "
                + norm
                + " for texts["
                + index
                + "], expected unit length (backend bug)");
      }
    }
    return vectors;
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw new EmbedderClosedException(name);
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      backend.close();
    }
  }

  @Override
  public String toString() {
    return name + " (" + info + ")";
  }
}
