package io.clinsum.core.embedding;

import io.clinsum.core.ClinSumException;
import io.clinsum.core.FailureReason;

/** An {@link Embedder} was used after {@link Embedder#close()}; open a new one instead. */
public class EmbedderClosedException extends ClinSumException {
  private static final long serialVersionUID = 1L;

  public EmbedderClosedException(String embedder) {
    super(
        FailureReason.CLOSED,
        "The '" + embedder + "' embedder is closed; open a new one with Embedders.open(...)",
        null,
        null);
  }
}
