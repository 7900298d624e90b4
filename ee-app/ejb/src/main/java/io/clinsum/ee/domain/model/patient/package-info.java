/** The patient aggregate: an external identifier that notes hang from. */
package io.clinsum.ee.domain.model.patient;
