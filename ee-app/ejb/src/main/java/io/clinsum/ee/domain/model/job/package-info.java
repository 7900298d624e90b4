/** The job aggregate: imports and summarization runs with progress counters and errors. */
package io.clinsum.ee.domain.model.job;
