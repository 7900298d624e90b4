package io.clinsum.core.text;

/**
 * HTML escaping for the self-contained reports ClinSum writes (the evaluation comparison, the
 * patient grouping report), so that note text, labels and ids show as text and never as markup.
 *
 * <pre>{@code
 * html.append("<td>").append(Html.escape(group.label())).append("</td>");
 * }</pre>
 */
public final class Html {
  private Html() {}

  /**
   * Escapes {@code <}, {@code >}, {@code &}, {@code "} and {@code '} so that {@code s} can stand in
   * HTML element content and in quoted attribute values; null becomes the empty string.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
