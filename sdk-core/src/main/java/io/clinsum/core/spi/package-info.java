/**
 * What a summarization backend implements ({@link io.clinsum.core.spi.SummarizationBackend}), how
 * it is found ({@link io.clinsum.core.spi.SummarizerProvider}, a {@link java.util.ServiceLoader}
 * service) and how it is configured ({@link io.clinsum.core.spi.BackendOption}, {@link
 * io.clinsum.core.spi.BackendSettings}). Users call {@link io.clinsum.core.Summarizers}.
 */
package io.clinsum.core.spi;
