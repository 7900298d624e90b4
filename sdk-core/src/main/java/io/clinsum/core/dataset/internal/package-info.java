/**
 * Parsers and decoders behind {@link io.clinsum.core.dataset.DatasetReader}. Not public API: may
 * change in any release.
 */
package io.clinsum.core.dataset.internal;
