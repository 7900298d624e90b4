package io.clinsum.ee.interfaces.rest;

import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing of query parameters shared by the resources, with errors that name the parameter. */
final class Resources {
  static final String DEFAULT_PAGE_SIZE = "50";

  /** What {@link #ifMatch} reads: {@code "3"}, {@code W/"3"} or {@code 3}. */
  static final String IF_MATCH = "^(W/)?\"?[0-9]{1,18}\"?$";

  private Resources() {}

  static PageRequest page(int page, int size) {
    return new PageRequest(page, size);
  }

  static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          name, "is not an ISO 8601 instant such as 2024-03-01T00:00:00Z (was " + value + ")");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A filter given as text: null when blank; else as {@link #text}. */
  static String filter(String name, String value) {
    return blankToNull(text(name, value));
  }

  /**
   * A text parameter as it is; 400 when it holds U+0000, which PostgreSQL can neither compare nor
   * store (the query would fail: a 500 that Schemathesis found).
   */
  static String text(String name, String value) {
    if (value != null && value.indexOf('\u0000') >= 0) {
      throw new InvalidInputException(name, "must not contain the NUL character (U+0000)");
    }
    return value;
  }

  /** The version in an {@code If-Match} header: {@code "3"}, {@code W/"3"} or {@code 3}. */
  static long ifMatch(String header) {
    if (header == null || header.isBlank()) {
      throw new PreconditionRequired();
    }
    String v = header.trim();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "If-Match", "must be the ETag of the summary you reviewed, such as \"0\"");
    }
  }

  /** 428: a review must say which version the reviewer saw. */
  static final class PreconditionRequired extends jakarta.ws.rs.WebApplicationException {
    PreconditionRequired() {
      super(
          "Send If-Match with the ETag of the summary you reviewed, so a concurrent change is"
              + " detected instead of overwritten",
          428);
    }
  }
}
