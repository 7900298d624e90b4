package io.clinsum.grouping;

import io.clinsum.core.embedding.EmbedderInfo;
import io.clinsum.core.embedding.spi.EmbeddingBackend;
import io.clinsum.grouping.internal.Terms;
import io.clinsum.grouping.internal.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline that sentence embeddings must beat: TF-IDF vectors over content words and their
 * bigrams (sublinear term frequency, smoothed inverse document frequency, unit length), with the
 * vocabulary and document frequencies fitted to a corpus. Thread-safe once fitted. A text with no
 * term of the vocabulary gets the zero vector.
 *
 * <p>It is an embedding backend built in code: wrap it with {@link
 * io.clinsum.core.embedding.Embedders#of} to use it as an {@link
 * io.clinsum.core.embedding.Embedder}.
 *
 * <pre>{@code
 * try (Embedder tfidf = Embedders.of(TfIdfEmbedder.fit(summaries, 4096))) {
 *   Grouping grouping = new PatientGrouper(tfidf, GroupingOptions.defaults())
 *       .group(patients, ProgressListener.NONE);
 * }
 * }</pre>
 */
public final class TfIdfEmbedder implements EmbeddingBackend {
  private final Map<String, Integer> index;
  private final float[] idf;
  private final EmbedderInfo info;

  private TfIdfEmbedder(Map<String, Integer> index, float[] idf, int documents) {
    this.index = index;
    this.idf = idf;
    this.info =
        new EmbedderInfo(
            "tf-idf", idf.length + " terms from " + documents + " texts", Math.max(1, idf.length));
  }

  /**
   * Fits the vocabulary (the {@code maxTerms} terms found in most texts, ties alphabetical) and the
   * document frequencies to {@code corpus}.
   */
  public static TfIdfEmbedder fit(List<String> corpus, int maxTerms) {
    if (maxTerms < 1) {
      throw new IllegalArgumentException("maxTerms must be at least 1, was " + maxTerms);
    }
    Map<String, Integer> df = new HashMap<>();
    for (String text : corpus) {
      for (String term : new HashSet<>(Terms.of(text))) {
        df.merge(term, 1, Integer::sum);
      }
    }
    List<String> vocabulary = new ArrayList<>(df.keySet());
    vocabulary.sort(
        Comparator.<String>comparingInt(t -> -df.get(t)).thenComparing(Comparator.naturalOrder()));
    if (vocabulary.size() > maxTerms) {
      vocabulary = vocabulary.subList(0, maxTerms);
    }
    vocabulary.sort(Comparator.naturalOrder());
    Map<String, Integer> index = new HashMap<>();
    float[] idf = new float[vocabulary.size()];
    int n = corpus.size();
    for (int i = 0; i < vocabulary.size(); i++) {
      String term = vocabulary.get(i);
      index.put(term, i);
      idf[i] = (float) (Math.log((1.0 + n) / (1.0 + df.get(term))) + 1);
    }
    return new TfIdfEmbedder(Map.copyOf(index), idf, n);
  }

  @Override
  public EmbedderInfo info() {
    return info;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (String term : Terms.of(text)) {
        Integer column = index.get(term);
        if (column != null) {
          counts.merge(column, 1, Integer::sum);
        }
      }
      float[] v = new float[info.dimension()];
      counts.forEach((column, count) -> v[column] = (float) ((1 + Math.log(count)) * idf[column]));
      out.add(Vectors.normalize(v));
    }
    return out;
  }

  /** The fitted vocabulary, alphabetical. */
  public Set<String> vocabulary() {
    return index.keySet();
  }

  /** Holds no resources: nothing to release. */
  @Override
  public void close() {}
}
