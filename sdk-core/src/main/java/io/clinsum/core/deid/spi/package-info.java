/**
 * Extension point of de-identification: a {@link io.clinsum.core.deid.spi.PhiDetector} (a model, a
 * site-specific rule) adds spans to those the built-in rules find; masking stays in sdk-core.
 */
package io.clinsum.core.deid.spi;
