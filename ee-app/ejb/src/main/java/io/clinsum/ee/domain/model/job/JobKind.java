package io.clinsum.ee.domain.model.job;

/** What a job does. */
public enum JobKind {
  IMPORT,
  SUMMARIZE,
  GROUP
}
