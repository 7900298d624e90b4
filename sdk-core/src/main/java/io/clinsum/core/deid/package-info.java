/**
 * De-identification: find protected health information (the 18 HIPAA Safe Harbor identifier types)
 * in note text and mask it with category tags, consistent surrogates or removal. Start at {@link
 * io.clinsum.core.deid.Deidentifier#builder()}; {@link
 * io.clinsum.core.deid.DeidentifyingSummarizer} masks notes before another summarizer sees them.
 */
package io.clinsum.core.deid;
