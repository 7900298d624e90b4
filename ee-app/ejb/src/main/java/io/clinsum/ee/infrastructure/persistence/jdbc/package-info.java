/** Set-based SQL for the hot paths (bulk import, summary writes, job counters). */
package io.clinsum.ee.infrastructure.persistence.jdbc;
