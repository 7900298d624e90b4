package io.clinsum.core.dataset;

import java.util.Objects;

/**
 * How to read a dataset: which fields hold the id, note, summary and instruction, and whether a bad
 * row stops reading ({@link #strict()}) or is skipped and reported.
 *
 * <pre>{@code
 * DatasetOptions options = DatasetOptions.builder()
 *     .noteField("transcription").summaryField("description").lenient(true).build();
 * }</pre>
 */
public final class DatasetOptions {
  private static final DatasetOptions DEFAULTS = builder().build();

  private final String idField;
  private final String noteField;
  private final String summaryField;
  private final String instructionField;
  private final boolean lenient;

  private DatasetOptions(Builder b) {
    this.idField = b.idField;
    this.noteField = b.noteField;
    this.summaryField = b.summaryField;
    this.instructionField = b.instructionField;
    this.lenient = b.lenient;
  }

  /** Fields {@code id}, {@code note}, {@code summary}, {@code instruction}; strict. */
  public static DatasetOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .idField(idField)
        .noteField(noteField)
        .summaryField(summaryField)
        .instructionField(instructionField)
        .lenient(lenient);
  }

  /** Field with the record id (optional in the data; absent ids become {@code row-N}). */
  public String idField() {
    return idField;
  }

  /** Field with the note text (required). */
  public String noteField() {
    return noteField;
  }

  /** Field with the reference summary (optional). */
  public String summaryField() {
    return summaryField;
  }

  /** Field with the instruction (optional). */
  public String instructionField() {
    return instructionField;
  }

  /** Whether bad rows are skipped and reported instead of stopping the read. */
  public boolean lenient() {
    return lenient;
  }

  /** Whether the first bad row stops reading with a {@link DatasetFormatException}. */
  public boolean strict() {
    return !lenient;
  }

  /** Builder for {@link DatasetOptions}. */
  public static final class Builder {
    private String idField = "id";
    private String noteField = "note";
    private String summaryField = "summary";
    private String instructionField = "instruction";
    private boolean lenient;

    private Builder() {}

    public Builder idField(String idField) {
      this.idField = Objects.requireNonNull(idField, "idField");
      return this;
    }

    public Builder noteField(String noteField) {
      this.noteField = Objects.requireNonNull(noteField, "noteField");
      return this;
    }

    public Builder summaryField(String summaryField) {
      this.summaryField = Objects.requireNonNull(summaryField, "summaryField");
      return this;
    }

    public Builder instructionField(String instructionField) {
      this.instructionField = Objects.requireNonNull(instructionField, "instructionField");
      return this;
    }

    public Builder lenient(boolean lenient) {
      this.lenient = lenient;
      return this;
    }

    public DatasetOptions build() {
      return new DatasetOptions(this);
    }
  }
}
