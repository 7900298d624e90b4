/**
 * Not API: the shared behaviour sdk-core wraps around every backend. Classes here may change
 * without notice; use {@link io.clinsum.core.Summarizers}.
 */
package io.clinsum.core.internal;
