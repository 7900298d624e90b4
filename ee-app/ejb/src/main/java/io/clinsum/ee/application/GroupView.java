package io.clinsum.ee.application;

import java.util.List;

/**
 * One group of a grouping.
 *
 * @param number 1.. largest first; 0 for the patients that fit no group
 * @param label its most distinctive terms, joined
 * @param terms those terms, most distinctive first
 * @param size patients in it
 * @param cohesion mean cosine similarity of its patients to its centre
 */
public record GroupView(
    long id, int number, String label, List<String> terms, int size, double cohesion) {
  public GroupView {
    terms = List.copyOf(terms);
  }
}
