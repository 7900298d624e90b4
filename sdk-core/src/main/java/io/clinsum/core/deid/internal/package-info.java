/**
 * Not API: the rule-based PHI detector, its dictionaries, surrogate generation and date shifting.
 * Use {@link io.clinsum.core.deid.Deidentifier#builder()}.
 */
package io.clinsum.core.deid.internal;
