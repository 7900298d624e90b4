package io.clinsum.core.dataset;

import java.nio.charset.StandardCharsets;

/** The one hash of note text that duplicate detection and splitting share. */
final class NoteHash {
  private NoteHash() {}

  /** 64-bit FNV-1a of the UTF-8 bytes: collisions are negligible at 10^6 notes. */
  static long of(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
