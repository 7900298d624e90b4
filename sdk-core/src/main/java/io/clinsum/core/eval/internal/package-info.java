/**
 * Tokenizer and Porter stemmer behind {@link io.clinsum.core.eval.RougeScorer}, ported from
 * rouge-score and NLTK. Not public API: it may change in any release without notice.
 */
package io.clinsum.core.eval.internal;
