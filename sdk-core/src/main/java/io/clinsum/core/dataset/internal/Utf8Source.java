package io.clinsum.core.dataset.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes UTF-8 from a stream one char at a time while tracking the byte offset, so that errors can
 * name the exact byte. Invalid sequences decode to U+FFFD and are remembered (see {@link
 * #takeMalformedOffset()}) instead of being silently replaced. A leading byte-order mark is
 * skipped. Not thread-safe.
 */
public final class Utf8Source implements Closeable {
  public static final int EOF = -1;
  private static final char REPLACEMENT = '\uFFFD';

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private long bufferStart;
  private boolean eof;
  private int pendingLowSurrogate = -1;
  private long malformedOffset = -1;

  public Utf8Source(InputStream in) throws IOException {
    this.in = in;
    ensure(3);
    if (limit - pos >= 3
        && (buf[pos] & 0xFF) == 0xEF
        && (buf[pos + 1] & 0xFF) == 0xBB
        && (buf[pos + 2] & 0xFF) == 0xBF) {
      pos += 3;
    }
  }

  /** Byte offset of the next byte to decode. */
  public long offset() {
    return bufferStart + pos;
  }

  /** Offset of the first invalid byte decoded since the last call, or -1; then forgets it. */
  public long takeMalformedOffset() {
    long m = malformedOffset;
    malformedOffset = -1;
    return m;
  }

  /** The next char, or {@link #EOF}. */
  public int read() throws IOException {
    if (pendingLowSurrogate >= 0) {
      int c = pendingLowSurrogate;
      pendingLowSurrogate = -1;
      return c;
    }
    if (pos >= limit && !ensure(1)) {
      return EOF;
    }
    int b0 = buf[pos] & 0xFF;
    if (b0 < 0x80) {
      pos++;
      return b0;
    }
    return readMultiByte(b0);
  }

  private int readMultiByte(int b0) throws IOException {
    int need;
    int min2 = 0x80;
    int max2 = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      if (b0 == 0xE0) {
        min2 = 0xA0; // no overlong forms
      } else if (b0 == 0xED) {
        max2 = 0x9F; // no UTF-16 surrogates
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      if (b0 == 0xF0) {
        min2 = 0x90;
      } else if (b0 == 0xF4) {
        max2 = 0x8F; // nothing above U+10FFFF
      }
    } else {
      return malformed(1);
    }
    ensure(need + 1);
    int available = limit - pos - 1;
    int cp = b0 & (0x3F >> need);
    for (int i = 1; i <= need; i++) {
      if (i > available) {
        return malformed(i);
      }
      int b = buf[pos + i] & 0xFF;
      int lo = i == 1 ? min2 : 0x80;
      int hi = i == 1 ? max2 : 0xBF;
      if (b < lo || b > hi) {
        return malformed(i);
      }
      cp = (cp << 6) | (b & 0x3F);
    }
    pos += need + 1;
    if (cp >= 0x10000) {
      pendingLowSurrogate = Character.lowSurrogate(cp);
      return Character.highSurrogate(cp);
    }
    return cp;
  }

  /** Marks the bytes of a bad sequence (its valid prefix of {@code length} bytes) as consumed. */
  private int malformed(int length) {
    if (malformedOffset < 0) {
      malformedOffset = offset();
    }
    pos += length;
    return REPLACEMENT;
  }

  /** Makes at least {@code n} bytes available unless the stream ends; false when none are. */
  private boolean ensure(int n) throws IOException {
    if (limit - pos >= n || eof) {
      return limit > pos;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      bufferStart += pos;
      limit -= pos;
      pos = 0;
    }
    while (limit < n) {
      int r = in.read(buf, limit, buf.length - limit);
      if (r < 0) {
        eof = true;
        break;
      }
      limit += r;
    }
    return limit > pos;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
