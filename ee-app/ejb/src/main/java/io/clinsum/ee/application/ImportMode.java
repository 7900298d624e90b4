package io.clinsum.ee.application;

/** What an import does when some rows are invalid. */
public enum ImportMode {
  /** Store every row or none: one invalid row rolls the whole import back. */
  ALL,
  /** Store the valid rows and report the invalid ones. */
  VALID
}
