/**
 * Adapters: the implementations of the application's ports (persistence, the batch job, the
 * summarizer and embedder), plus migrations and the security bootstrap. Depends on the application
 * and the domain, never the other way round.
 */
package io.clinsum.ee.infrastructure;
