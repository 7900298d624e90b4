/**
 * Set-based SQL for the hot paths (bulk import, summary writes, job counters, grouping versions),
 * and the job and grouping stores built on it.
 */
package io.clinsum.ee.infrastructure.persistence.jdbc;
