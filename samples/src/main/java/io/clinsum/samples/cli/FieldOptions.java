package io.clinsum.samples.cli;

import io.clinsum.core.dataset.DatasetOptions;
import picocli.CommandLine.Option;

/** Names of the record fields, shared by every command that reads datasets. */
final class FieldOptions {
  @Option(
      names = "--id-field",
      defaultValue = "id",
      description = "Field with the record id (default: ${DEFAULT-VALUE}).")
  String idField;

  @Option(
      names = "--text-field",
      defaultValue = "note",
      description = "Field with the note text (default: ${DEFAULT-VALUE}).")
  String textField;

  @Option(
      names = "--summary-field",
      defaultValue = "summary",
      description = "Field with the reference summary (default: ${DEFAULT-VALUE}).")
  String summaryField;

  @Option(
      names = "--instruction-field",
      defaultValue = "instruction",
      description = "Field with a per-record instruction (default: ${DEFAULT-VALUE}).")
  String instructionField;

  DatasetOptions toOptions(boolean lenient) {
    return DatasetOptions.builder()
        .idField(idField)
        .noteField(textField)
        .summaryField(summaryField)
        .instructionField(instructionField)
        .lenient(lenient)
        .build();
  }
}
