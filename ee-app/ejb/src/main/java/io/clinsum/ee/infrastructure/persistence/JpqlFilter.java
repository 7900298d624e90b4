package io.clinsum.ee.infrastructure.persistence;

import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optional filters of a list query: each condition counts only when its value is given, and the
 * same conditions and parameters serve the page query and its count.
 */
public final class JpqlFilter {
  private final StringBuilder where = new StringBuilder(" where 1 = 1");
  private final Map<String, Object> params = new LinkedHashMap<>();

  /** Adds {@code and <condition>} with {@code :name} bound to {@code value}, unless it is null. */
  public JpqlFilter and(String condition, String name, Object value) {
    if (value != null) {
      where.append(" and ").append(condition);
      params.put(name, value);
    }
    return this;
  }

  /** The {@code where} clause, starting with a space. */
  public String where() {
    return where.toString();
  }

  /** Binds the parameters to every query given. */
  public void bind(Query... queries) {
    for (Query q : queries) {
      params.forEach(q::setParameter);
    }
  }
}
