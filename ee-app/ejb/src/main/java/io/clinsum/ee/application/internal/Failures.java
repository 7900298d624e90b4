package io.clinsum.ee.application.internal;

/** What the logs may say about a failure: its root cause's type, never a message (PHI). */
final class Failures {
  private Failures() {}

  /** The innermost cause of {@code e}. */
  static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
