package io.clinsum.ee.application;

import java.util.List;

/** One page of results and the total count behind it. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public Page {
    items = List.copyOf(items);
  }
}
