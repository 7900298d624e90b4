package io.clinsum.core.dataset.internal;

import java.io.Closeable;
import java.io.IOException;

/** Produces raw rows from one file format. */
public interface RowSource extends Closeable {
  /** The next row, or {@code null} at the end. Unrecoverable errors throw. */
  RawRow next() throws IOException;
}
