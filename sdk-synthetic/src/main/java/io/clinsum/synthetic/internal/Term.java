package io.clinsum.synthetic.internal;

/**
 * A fact as a note states it and as a reference summary repeats it, kept together so that a summary
 * never says more than its note: {@code "crushing substernal chest pain"} in the note is {@code
 * "chest pain"} in the summary.
 *
 * @param note the note wording, a {@link Template}
 * @param summary the terse summary wording; its words appear in every rendering of {@code note}
 * @param lay whether the note wording is lay language, preferred in caregiver notes
 */
record Term(Template note, String summary, boolean lay) {}
