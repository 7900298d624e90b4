package io.clinsum.grouping;

import java.util.List;

/**
 * One group of patients.
 *
 * @param id the group's number within its grouping, from 0
 * @param label a short label made of its most distinctive terms ("chest pain, troponin, angina")
 * @param terms those terms, most distinctive first
 * @param size number of patients in it
 * @param cohesion mean cosine similarity of its patients to the group's centre, in [-1, 1]
 */
public record PatientGroup(int id, String label, List<String> terms, int size, double cohesion) {
  public PatientGroup {
    terms = List.copyOf(terms);
  }
}
