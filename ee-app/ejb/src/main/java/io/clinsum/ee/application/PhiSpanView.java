package io.clinsum.ee.application;

/**
 * One stretch of protected health information in a note: characters {@code start} (inclusive) to
 * {@code end} (exclusive) of the note text, and its Safe Harbor category ({@code NAME}, {@code
 * DATE}, {@code MRN} ...). Carries no text of its own.
 */
public record PhiSpanView(int start, int end, String category) {}
