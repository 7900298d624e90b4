/**
 * What an embedding backend implements ({@link io.clinsum.core.embedding.spi.EmbeddingBackend}) and
 * how it is found ({@link io.clinsum.core.embedding.spi.EmbedderProvider}, a {@link
 * java.util.ServiceLoader} service). Users call {@link io.clinsum.core.embedding.Embedders}.
 */
package io.clinsum.core.embedding.spi;
