/** The summary aggregate: a model's text for one note, its review state and its history. */
package io.clinsum.ee.domain.model.summary;
