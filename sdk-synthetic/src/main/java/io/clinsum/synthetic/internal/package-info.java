/**
 * Internals of the synthetic note generator: the reader of the scenario data files under {@code
 * io/clinsum/synthetic/}, templates, and note and summary composition. Not public API; may change
 * in any release without notice.
 */
package io.clinsum.synthetic.internal;
