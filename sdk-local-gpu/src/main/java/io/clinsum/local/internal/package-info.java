/**
 * ONNX Runtime sessions, tokenization and the generation loop behind the {@code onnx} backend. Not
 * public API: may change in any release.
 */
package io.clinsum.local.internal;
