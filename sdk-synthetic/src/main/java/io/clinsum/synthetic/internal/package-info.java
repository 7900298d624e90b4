/**
 * Internals of the synthetic note generator (scenario catalogue, templates, note and summary
 * composition): not public API, may change in any release without notice.
 */
package io.clinsum.synthetic.internal;
