/**
 * The Jakarta Batch summarization job ({@code META-INF/batch-jobs}): its reader, writer and
 * listener, and the {@link io.clinsum.ee.application.port.JobLauncher} that starts it.
 */
package io.clinsum.ee.infrastructure.batch;
