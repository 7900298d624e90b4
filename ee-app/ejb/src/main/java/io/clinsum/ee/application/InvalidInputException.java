package io.clinsum.ee.application;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;

/** The caller sent something the application refuses; nothing was written. */
@ApplicationException(rollback = true)
public class InvalidInputException extends RuntimeException {
  private final List<Map.Entry<String, String>> problems;

  public InvalidInputException(String field, String message) {
    this(List.of(Map.entry(field, message)));
  }

  /** One entry per problem: the field (or parameter) and what is wrong with it. */
  public InvalidInputException(List<Map.Entry<String, String>> problems) {
    super(describe(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Map.Entry<String, String>> problems() {
    return problems;
  }

  private static String describe(List<Map.Entry<String, String>> problems) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> p : problems) {
      if (!b.isEmpty()) {
        b.append("; ");
      }
      b.append(p.getKey()).append(' ').append(p.getValue());
    }
    return b.toString();
  }
}
