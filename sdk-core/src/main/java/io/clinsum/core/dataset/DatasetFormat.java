package io.clinsum.core.dataset;

import io.clinsum.core.ConfigurationException;
import java.nio.file.Path;
import java.util.Locale;

/** File formats ClinSum reads and writes. */
public enum DatasetFormat {
  /** Comma-separated values with a header row (RFC 4180 quoting; UTF-8, optional BOM). */
  CSV,
  /** One JSON object per line (UTF-8). */
  JSONL,
  /** A plain-text file holding one note (reading only). */
  TEXT;

  /**
   * The format implied by a file name: {@code .csv}, {@code .jsonl}/{@code .ndjson}, {@code .txt}.
   */
  public static DatasetFormat of(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSONL;
    }
    if (name.endsWith(".txt") || name.endsWith(".text")) {
      return TEXT;
    }
    throw new ConfigurationException(
        "Cannot tell the format of '" + path + "' from its name; use a .csv, .jsonl or .txt file");
  }
}
