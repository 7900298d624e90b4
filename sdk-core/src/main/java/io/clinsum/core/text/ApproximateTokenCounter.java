package io.clinsum.core.text;

/** See {@link TokenCounter#approximate()}. */
final class ApproximateTokenCounter implements TokenCounter {
  static final ApproximateTokenCounter INSTANCE = new ApproximateTokenCounter();
  private static final int CHARS_PER_TOKEN = 6;

  private ApproximateTokenCounter() {}

  @Override
  public int count(CharSequence text) {
    int tokens = 0;
    int run = 0;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        run++;
        continue;
      }
      tokens += (run + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
      run = 0;
      if (!Character.isWhitespace(c)) {
        tokens++;
      }
    }
    return tokens + (run + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }
}
