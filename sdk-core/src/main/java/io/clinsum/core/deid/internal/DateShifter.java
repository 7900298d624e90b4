package io.clinsum.core.deid.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves a date written in one of the common formats by a number of days and writes it back in the
 * same format (separators, zero padding, month names, ordinals, two-digit years). Returns {@code
 * null} for text it cannot read as a valid date, so that the caller falls back to a tag.
 */
final class DateShifter {
  private static final String[] FULL = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };
  private static final String MONTH_WORD = "([A-Za-z]{3,9})";
  private static final Pattern ISO = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
  private static final Pattern NUM =
      Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{2}|\\d{4})");
  private static final Pattern MD = Pattern.compile("(\\d{1,2})/(\\d{1,2})");
  private static final Pattern MONTH_D =
      Pattern.compile(MONTH_WORD + "(\\.?\\s+)(\\d{1,2})(st|nd|rd|th)?(?:(,?\\s+)(\\d{4}))?");
  private static final Pattern D_MONTH =
      Pattern.compile(
          "(\\d{1,2})(st|nd|rd|th)?(\\s+(?:of\\s+)?)" + MONTH_WORD + "(\\.?)(?:(,?\\s+)(\\d{4}))?");
  private static final Pattern D_MON_Y =
      Pattern.compile("(\\d{1,2})-" + MONTH_WORD + "-(\\d{2}|\\d{4})");
  private static final Pattern MONTH_Y = Pattern.compile(MONTH_WORD + "(\\.?,?\\s+)(\\d{4})");

  private DateShifter() {}

  static String shift(String s, int days) {
    try {
      Matcher m;
      if ((m = ISO.matcher(s)).matches()) {
        LocalDate d = LocalDate.of(i(m, 1), i(m, 3), i(m, 4)).plusDays(days);
        return d.getYear()
            + m.group(2)
            + pad(d.getMonthValue(), m.group(3))
            + m.group(2)
            + pad(d.getDayOfMonth(), m.group(4));
      }
      if ((m = NUM.matcher(s)).matches()) {
        int a = i(m, 1);
        int b = i(m, 3);
        boolean dayFirst = m.group(2).equals(".") || a > 12;
        int month = dayFirst ? b : a;
        int day = dayFirst ? a : b;
        String y = m.group(4);
        LocalDate d = LocalDate.of(year(y), month, day).plusDays(days);
        String first =
            dayFirst ? pad(d.getDayOfMonth(), m.group(1)) : pad(d.getMonthValue(), m.group(1));
        String second =
            dayFirst ? pad(d.getMonthValue(), m.group(3)) : pad(d.getDayOfMonth(), m.group(3));
        return first + m.group(2) + second + m.group(2) + writeYear(d.getYear(), y);
      }
      if ((m = MD.matcher(s)).matches()) {
        LocalDate d = LocalDate.of(2000, i(m, 1), i(m, 2)).plusDays(days);
        return pad(d.getMonthValue(), m.group(1)) + "/" + pad(d.getDayOfMonth(), m.group(2));
      }
      if ((m = D_MON_Y.matcher(s)).matches()) {
        int month = month(m.group(2));
        LocalDate d = LocalDate.of(year(m.group(3)), month, i(m, 1)).plusDays(days);
        return pad(d.getDayOfMonth(), m.group(1))
            + "-"
            + monthName(d.getMonthValue(), m.group(2))
            + "-"
            + writeYear(d.getYear(), m.group(3));
      }
      if ((m = MONTH_D.matcher(s)).matches()) {
        int month = month(m.group(1));
        boolean hasYear = m.group(6) != null;
        LocalDate d = LocalDate.of(hasYear ? i(m, 6) : 2000, month, i(m, 3)).plusDays(days);
        return monthName(d.getMonthValue(), m.group(1))
            + m.group(2)
            + d.getDayOfMonth()
            + (m.group(4) != null ? ordinal(d.getDayOfMonth()) : "")
            + (hasYear ? m.group(5) + d.getYear() : "");
      }
      if ((m = D_MONTH.matcher(s)).matches()) {
        int month = month(m.group(4));
        boolean hasYear = m.group(7) != null;
        LocalDate d = LocalDate.of(hasYear ? i(m, 7) : 2000, month, i(m, 1)).plusDays(days);
        return d.getDayOfMonth()
            + (m.group(2) != null ? ordinal(d.getDayOfMonth()) : "")
            + m.group(3)
            + monthName(d.getMonthValue(), m.group(4))
            + m.group(5)
            + (hasYear ? m.group(6) + d.getYear() : "");
      }
      if ((m = MONTH_Y.matcher(s)).matches()) {
        LocalDate d = LocalDate.of(i(m, 3), month(m.group(1)), 15).plusDays(days);
        return monthName(d.getMonthValue(), m.group(1)) + m.group(2) + d.getYear();
      }
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private static int i(Matcher m, int g) {
    return Integer.parseInt(m.group(g));
  }

  private static int year(String y) {
    int v = Integer.parseInt(y);
    if (y.length() == 2) {
      return v > 30 ? 1900 + v : 2000 + v;
    }
    return v;
  }

  private static String writeYear(int year, String like) {
    return like.length() == 2 ? pad(year % 100, "00") : Integer.toString(year);
  }

  private static String pad(int v, String like) {
    return like.length() == 2 && v < 10 ? "0" + v : Integer.toString(v);
  }

  private static int month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (int i = 0; i < 12; i++) {
      if (FULL[i].toLowerCase(Locale.ROOT).startsWith(w.length() >= 3 ? w.substring(0, 3) : w)
          && FULL[i].toLowerCase(Locale.ROOT).startsWith(w.equals("sept") ? "sep" : w)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("not a month");
  }

  private static String monthName(int month, String like) {
    String full = FULL[month - 1];
    String out = like.length() >= 4 && !like.equalsIgnoreCase("sept") ? full : full.substring(0, 3);
    if (like.equalsIgnoreCase("june") || like.equalsIgnoreCase("july")) {
      out = full;
    }
    if (like.length() > 1 && like.equals(like.toUpperCase(Locale.ROOT))) {
      return out.toUpperCase(Locale.ROOT);
    }
    return out;
  }

  private static String ordinal(int day) {
    if (day >= 11 && day <= 13) {
      return "th";
    }
    return switch (day % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }
}
