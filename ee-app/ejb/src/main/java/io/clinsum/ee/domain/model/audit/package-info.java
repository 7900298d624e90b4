/** The audit trail: append-only events for every read of note text and every change. */
package io.clinsum.ee.domain.model.audit;
