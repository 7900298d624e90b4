package io.clinsum.core;

/** Receives progress of long work (evaluation, bulk summarization) for a bar or an API field. */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /**
   * Called after each unit of work, from the working thread.
   *
   * @param done units finished so far
   * @param total units in all, or -1 when unknown
   */
  void onProgress(long done, long total);
}
