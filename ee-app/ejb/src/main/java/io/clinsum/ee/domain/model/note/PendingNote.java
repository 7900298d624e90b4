package io.clinsum.ee.domain.model.note;

import java.io.Serializable;

/** A note waiting for its summary: its id and text, as the summarization job reads them. */
public record PendingNote(long id, String text) implements Serializable {}
