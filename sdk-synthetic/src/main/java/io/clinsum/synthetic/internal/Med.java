package io.clinsum.synthetic.internal;

/**
 * A medication given in a scenario: the note names it with dose, route and frequency ({@code
 * "aspirin 300 mg PO"}), a medication summary names it only ({@code "aspirin"}).
 *
 * @param name generic name as a summary lists it
 * @param dose dose, route and frequency as a {@link Template}
 */
record Med(String name, Template dose) {}
