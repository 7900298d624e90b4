package io.clinsum.core.text;

/**
 * A half-open range {@code [start, end)} of characters in a text.
 *
 * @param start first character
 * @param end one past the last character
 */
public record Span(int start, int end) {
  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** The characters this span covers in {@code text}. */
  public String of(CharSequence text) {
    return text.subSequence(start, end).toString();
  }

  public int length() {
    return end - start;
  }
}
