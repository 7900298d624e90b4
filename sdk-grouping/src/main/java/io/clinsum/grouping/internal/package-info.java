/** Internals of patient grouping (vector arithmetic, Tribuo adapters, labels); not public API. */
package io.clinsum.grouping.internal;
