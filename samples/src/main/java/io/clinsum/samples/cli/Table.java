package io.clinsum.samples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints rows as a plain-text table, wrapping the widest column. */
final class Table {
  private static final int WIDTH = 110;

  private Table() {}

  static void print(PrintWriter out, List<String> header, List<String[]> rows) {
    int n = header.size();
    int[] widths = new int[n];
    for (int c = 0; c < n; c++) {
      widths[c] = header.get(c).length();
      for (String[] r : rows) {
        widths[c] = Math.max(widths[c], r[c].length());
      }
    }
    int wrap = widest(widths);
    int others = 0;
    for (int c = 0; c < n; c++) {
      others += c == wrap ? 0 : widths[c] + 3;
    }
    widths[wrap] = Math.max(20, Math.min(widths[wrap], WIDTH - others));
    line(out, widths);
    row(out, widths, header.toArray(String[]::new), wrap);
    line(out, widths);
    for (String[] r : rows) {
      row(out, widths, r, wrap);
    }
    line(out, widths);
  }

  private static void row(PrintWriter out, int[] widths, String[] cells, int wrap) {
    List<String> lines = wrapText(cells[wrap].replaceAll("\\s+", " "), widths[wrap]);
    for (int l = 0; l < lines.size(); l++) {
      StringBuilder sb = new StringBuilder("|");
      for (int c = 0; c < cells.length; c++) {
        String text = c == wrap ? lines.get(l) : l == 0 ? cells[c] : "";
        if (text.length() > widths[c]) {
          text = text.substring(0, widths[c] - 1) + "…";
        }
        sb.append(' ').append(text).append(" ".repeat(widths[c] - text.length())).append(" |");
      }
      out.println(sb);
    }
  }

  private static void line(PrintWriter out, int[] widths) {
    StringBuilder sb = new StringBuilder("+");
    for (int w : widths) {
      sb.append("-".repeat(w + 2)).append('+');
    }
    out.println(sb);
  }

  private static List<String> wrapText(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static int widest(int[] widths) {
    int best = 0;
    for (int c = 1; c < widths.length; c++) {
      if (widths[c] > widths[best]) {
        best = c;
      }
    }
    return best;
  }
}
