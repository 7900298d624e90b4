package io.clinsum.synthetic;

import io.clinsum.core.dataset.DatasetRecord;
import io.clinsum.core.deid.PhiSpan;
import java.util.List;
import java.util.Objects;

/**
 * A synthetic record whose note carries injected PHI, with the gold spans: where each identifier is
 * in {@code record.note()} and of what {@link io.clinsum.core.deid.PhiCategory category}. For
 * measuring a {@link io.clinsum.core.deid.Deidentifier}; every value is invented.
 *
 * @param record the record; its note holds the PHI
 * @param phi the injected identifiers, in order, with {@code confidence} 1 and rule {@code gold}
 */
public record LabelledNote(DatasetRecord record, List<PhiSpan> phi) {
  public LabelledNote {
    Objects.requireNonNull(record, "record");
    phi = List.copyOf(phi);
  }
}
