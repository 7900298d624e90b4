package io.clinsum.synthetic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A piece of note text compiled once from a small pattern language and rendered many times.
 *
 * <ul>
 *   <li>{@code {a|b|c}} picks one of the alternatives;
 *   <li>{@code {4..12}} picks an integer in the closed range;
 *   <li>{@code {0.5..12.0}} picks a decimal with as many fraction digits as the bounds show.
 * </ul>
 *
 * <p>Braces do not nest. Rendering appends to a {@link StringBuilder} with no regex or formatting,
 * so it is cheap enough for the generator's hot path.
 */
final class Template {
  private final Segment[] segments;
  private final String source;

  private Template(String source, Segment[] segments) {
    this.source = source;
    this.segments = segments;
  }

  /** Compiles {@code pattern}; fails on unbalanced braces or malformed ranges. */
  static Template of(String pattern) {
    List<Segment> parts = new ArrayList<>();
    int pos = 0;
    while (pos < pattern.length()) {
      int open = pattern.indexOf('{', pos);
      if (open < 0) {
        parts.add(new Literal(pattern.substring(pos)));
        break;
      }
      if (open > pos) {
        parts.add(new Literal(pattern.substring(pos, open)));
      }
      int close = pattern.indexOf('}', open);
      int nested = pattern.indexOf('{', open + 1);
      if (close < 0 || (nested >= 0 && nested < close)) {
        throw new IllegalArgumentException("Unbalanced '{' in template: " + pattern);
      }
      parts.add(choice(pattern.substring(open + 1, close), pattern));
      pos = close + 1;
    }
    for (Segment part : parts) {
      if (part instanceof Literal literal && literal.text.indexOf('}') >= 0) {
        throw new IllegalArgumentException("Unbalanced '}' in template: " + pattern);
      }
    }
    return new Template(pattern, parts.toArray(new Segment[0]));
  }

  private static Segment choice(String body, String pattern) {
    int dots = body.indexOf("..");
    if (dots > 0 && body.indexOf('|') < 0) {
      return Range.parse(body.substring(0, dots), body.substring(dots + 2), pattern);
    }
    return new Alternatives(body.split("\\|", -1));
  }

  /** Appends one rendering to {@code out}. */
  void render(SplittableRandom rng, StringBuilder out) {
    for (Segment segment : segments) {
      segment.render(rng, out);
    }
  }

  /** One rendering as a string. */
  String render(SplittableRandom rng) {
    StringBuilder out = new StringBuilder(source.length() + 8);
    render(rng, out);
    return out.toString();
  }

  /** The pattern this template was compiled from; for consistency checks of the catalogue. */
  String source() {
    return source;
  }

  private interface Segment {
    void render(SplittableRandom rng, StringBuilder out);
  }

  /** Fixed text; a unit after a drawn {@code 1} is made singular ({@code 1 hour}, not hours). */
  private record Literal(String text) implements Segment {
    private static final String[] PLURAL_UNITS = {
      "hours", "days", "weeks", "minutes", "nights", "years", "months", "episodes", "units"
    };

    @Override
    public void render(SplittableRandom rng, StringBuilder out) {
      if (text.length() > 1 && text.charAt(0) == ' ' && endsWithLoneOne(out)) {
        for (String unit : PLURAL_UNITS) {
          int end = unit.length() + 1;
          if (text.startsWith(unit, 1)
              && (text.length() == end || !Character.isLetter(text.charAt(end)))) {
            out.append(text, 0, end - 1).append(text, end, text.length());
            return;
          }
        }
      }
      out.append(text);
    }

    private static boolean endsWithLoneOne(StringBuilder out) {
      int n = out.length();
      return n > 0
          && out.charAt(n - 1) == '1'
          && (n == 1 || (!Character.isDigit(out.charAt(n - 2)) && out.charAt(n - 2) != '.'));
    }
  }

  private record Alternatives(String[] options) implements Segment {
    @Override
    public void render(SplittableRandom rng, StringBuilder out) {
      out.append(options[rng.nextInt(options.length)]);
    }
  }

  /** A number range in scaled integer units: {@code lo..hi} divided by {@code 10^decimals}. */
  private record Range(int lo, int hi, int decimals) implements Segment {
    static Range parse(String from, String to, String pattern) {
      int decimals = Math.max(fractionDigits(from), fractionDigits(to));
      try {
        int lo = scaled(from.trim(), decimals);
        int hi = scaled(to.trim(), decimals);
        if (lo > hi) {
          throw new IllegalArgumentException("Empty range in template: " + pattern);
        }
        return new Range(lo, hi, decimals);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Malformed range in template: " + pattern, e);
      }
    }

    private static int fractionDigits(String number) {
      String trimmed = number.trim();
      int dot = trimmed.indexOf('.');
      return dot < 0 ? 0 : trimmed.length() - dot - 1;
    }

    private static int scaled(String number, int decimals) {
      int dot = number.indexOf('.');
      String digits = dot < 0 ? number : number.substring(0, dot) + number.substring(dot + 1);
      int shift = decimals - (dot < 0 ? 0 : number.length() - dot - 1);
      int value = Integer.parseInt(digits);
      for (int i = 0; i < shift; i++) {
        value *= 10;
      }
      return value;
    }

    @Override
    public void render(SplittableRandom rng, StringBuilder out) {
      Text.appendScaled(out, lo + rng.nextInt(hi - lo + 1), decimals);
    }
  }
}
