package io.clinsum.ee.application;

import jakarta.ejb.Local;
import java.io.OutputStream;

/** Reviewed summaries out, as training data for the next model version. */
@Local
public interface ExportService {
  /**
   * Writes every APPROVED and EDITED summary with its note as CSV {@code note,summary}, PHI masked
   * with category tags ({@code [NAME]}, {@code [DATE]}...; a row whose masking fails fails the
   * export, it is never written unmasked), formula cells neutralised; audited.
   *
   * @return rows written
   */
  long writeFineTuningCsv(Actor actor, OutputStream out);
}
