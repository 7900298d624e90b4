/** Internals of patient grouping (vector arithmetic, Tribuo adapters, labels); not public API. */
package io.clinsum.core.grouping.internal;
