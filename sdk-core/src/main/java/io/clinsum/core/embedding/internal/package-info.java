/** Internals of embedding (the decorator around every backend); not public API. */
package io.clinsum.core.embedding.internal;
