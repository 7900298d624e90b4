package io.clinsum.core.dataset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a dataset: a clinical note and, when known, its reference summary.
 *
 * @param id stable identifier of the record (never null; readers derive one from the row number
 *     when the source has none)
 * @param note the clinical note text (never null, may be empty: validation reports it)
 * @param summary the reference summary, or {@code null} when the dataset has none
 * @param instruction an optional instruction ("Summarize the symptoms ..."), or {@code null}
 * @param metadata further named fields (specialty, note type, ...), in source order; never null
 */
public record DatasetRecord(
    String id, String note, String summary, String instruction, Map<String, String> metadata) {

  public DatasetRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(note, "note");
    metadata =
        metadata == null || metadata.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** A record with a note and a reference summary and nothing else. */
  public static DatasetRecord of(String id, String note, String summary) {
    return new DatasetRecord(id, note, summary, null, Map.of());
  }

  /** The reference summary, if the dataset has one for this record. */
  public Optional<String> referenceSummary() {
    return Optional.ofNullable(summary);
  }

  /** A copy of this record with another summary. */
  public DatasetRecord withSummary(String newSummary) {
    return new DatasetRecord(id, note, newSummary, instruction, metadata);
  }
}
