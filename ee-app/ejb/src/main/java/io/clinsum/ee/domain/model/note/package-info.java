/** The clinical note aggregate: verbatim text with who wrote it, what kind and when. */
package io.clinsum.ee.domain.model.note;
