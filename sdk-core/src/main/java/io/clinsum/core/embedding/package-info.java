/**
 * Sentence embeddings: the {@link io.clinsum.core.embedding.Embedder} users call, what it is
 * ({@link io.clinsum.core.embedding.EmbedderInfo}), and {@link
 * io.clinsum.core.embedding.Embedders}, which opens one by name from the backends on the class
 * path.
 */
package io.clinsum.core.embedding;
