/**
 * The {@code onnx} summarization backend: Hugging Face Optimum seq2seq exports (T5, BART, Pegasus,
 * Marian) run through ONNX Runtime, with generation in Java.
 */
package io.clinsum.local;
