/** Jakarta Batch artifacts of the summarization job ({@code META-INF/batch-jobs}). */
package io.clinsum.ee.infrastructure.batch;
