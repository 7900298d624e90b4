package io.clinsum.ee.application;

/** A page of a list: {@code page} counts from 0; {@code size} is 1 to {@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {
  public static final int MAX_SIZE = 500;

  public PageRequest {
    if (page < 0) {
      throw new InvalidInputException("page", "must be 0 or more, was " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidInputException("size", "must be 1 to " + MAX_SIZE + ", was " + size);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new InvalidInputException("page", "is beyond the last possible page");
    }
  }

  public int offset() {
    return Math.multiplyExact(page, size);
  }
}
