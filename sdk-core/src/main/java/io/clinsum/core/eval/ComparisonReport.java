package io.clinsum.core.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.clinsum.core.text.Html;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Side-by-side comparison of two or more {@link EvaluationResult}s on the same dataset: a score
 * table with confidence intervals, and example rows in the seed's layout (prompt | response A |
 * response B). Renders as Markdown, as a self-contained HTML page with an inline SVG chart (no
 * scripts, no network), and as JSON.
 *
 * <pre>{@code
 * ComparisonReport report = new ComparisonReport("mtsamples-dev", List.of(lead, extractive), 10);
 * Files.writeString(Path.of("report.html"), report.toHtml());
 * }</pre>
 */
public final class ComparisonReport {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final int PROMPT_CHARS = 400;
  private static final String[] COLORS = {
    "#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860"
  };

  private final String dataset;
  private final List<EvaluationResult> results;
  private final int examples;
  private final Map<String, List<Double>> curves;

  /**
   * @param dataset name of the dataset, shown in titles
   * @param results one result per summarizer, all on the same records in the same order
   * @param examples how many example rows to show side by side
   */
  public ComparisonReport(String dataset, List<EvaluationResult> results, int examples) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare");
    }
    int n = results.get(0).items().size();
    for (EvaluationResult r : results) {
      if (r.items().size() != n) {
        throw new IllegalArgumentException(
            "results cover different numbers of records: "
                + n
                + " and "
                + r.items().size()
                + " ("
                + r.label()
                + ")");
      }
    }
    this.dataset = dataset;
    this.results = List.copyOf(results);
    this.examples = Math.min(examples, n);
    this.curves = Map.of();
  }

  private ComparisonReport(ComparisonReport base, Map<String, List<Double>> curves) {
    this.dataset = base.dataset;
    this.results = base.results;
    this.examples = base.examples;
    this.curves = curves;
  }

  /**
   * A copy of this report that also draws training curves (loss per logging step, say), one line
   * chart each, in the HTML and summarises them in Markdown and JSON.
   */
  public ComparisonReport withCurves(Map<String, List<Double>> curves) {
    Map<String, List<Double>> copy = new java.util.LinkedHashMap<>();
    curves.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return new ComparisonReport(this, java.util.Collections.unmodifiableMap(copy));
  }

  /** The score table and examples as GitHub-flavoured Markdown. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("## ROUGE on ")
        .append(dataset)
        .append(" (")
        .append(records())
        .append(" records)\n\n");
    sb.append("| backend | model |");
    for (RougeType t : types()) {
      sb.append(' ').append(t.key()).append(" F1 (95% CI) |");
    }
    sb.append(" failures | notes/s |\n|---|---|");
    types().forEach(t -> sb.append("---|"));
    sb.append("---|---|\n");
    for (EvaluationResult r : results) {
      sb.append("| ").append(md(r.label())).append(" | ").append(md(r.model())).append(" |");
      for (RougeType t : types()) {
        EvaluationResult.Aggregate a = r.aggregates().get(t);
        sb.append(String.format(Locale.ROOT, " %.4f (%.4f–%.4f) |", a.f1(), a.f1Low(), a.f1High()));
      }
      sb.append(String.format(Locale.ROOT, " %d | %.1f |%n", r.failures(), r.throughput()));
    }
    curves.forEach(
        (name, values) -> {
          if (!values.isEmpty()) {
            sb.append(
                String.format(
                    Locale.ROOT,
                    "%n%s: %.4f → %.4f over %d points%n",
                    name,
                    values.get(0),
                    values.get(values.size() - 1),
                    values.size()));
          }
        });
    if (examples > 0) {
      sb.append("\n### Examples\n\n| prompt | reference |");
      results.forEach(r -> sb.append(' ').append(md(r.label())).append(" |"));
      sb.append("\n|---|---|");
      results.forEach(r -> sb.append("---|"));
      sb.append('\n');
      for (int i = 0; i < examples; i++) {
        EvaluationResult.Item first = results.get(0).items().get(i);
        sb.append("| ")
            .append(md(excerpt(first.prompt())))
            .append(" | ")
            .append(md(first.reference()))
            .append(" |");
        for (EvaluationResult r : results) {
          EvaluationResult.Item item = r.items().get(i);
          sb.append(' ')
              .append(md(item.prediction() != null ? item.prediction() : "ERROR: " + item.error()))
              .append(" |");
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** A self-contained HTML page: title, bar chart with CI whiskers, score table, examples. */
  public String toHtml() {
    StringBuilder sb = new StringBuilder(16_384);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>ClinSum evaluation: ")
        .append(html(dataset))
        .append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1200px}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;")
        .append("padding:.4em .6em;vertical-align:top;text-align:left}th{background:#f3f3f3}")
        .append("td.num{text-align:right;font-variant-numeric:tabular-nums}")
        .append(
            ".prompt{max-width:32em;white-space:pre-wrap;font-size:.9em}</style></head><body>\n")
        .append("<h1>ROUGE on ")
        .append(html(dataset))
        .append("</h1>\n<p>")
        .append(records())
        .append(" records; F1 means with 95% bootstrap confidence intervals.</p>\n");
    sb.append(chart());
    curves.forEach((name, values) -> sb.append(curveChart(name, values)));
    sb.append("<table><tr><th>backend</th><th>model</th>");
    types().forEach(t -> sb.append("<th>").append(t.key()).append(" F1</th>"));
    sb.append("<th>failures</th><th>notes/s</th></tr>\n");
    for (EvaluationResult r : results) {
      sb.append("<tr><td>")
          .append(html(r.label()))
          .append("</td><td>")
          .append(html(r.model()))
          .append("</td>");
      for (RougeType t : types()) {
        EvaluationResult.Aggregate a = r.aggregates().get(t);
        sb.append(
            String.format(
                Locale.ROOT,
                "<td class=\"num\">%.4f <small>(%.4f–%.4f)</small></td>",
                a.f1(),
                a.f1Low(),
                a.f1High()));
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "<td class=\"num\">%d</td><td class=\"num\">%.1f</td></tr>%n",
              r.failures(),
              r.throughput()));
    }
    sb.append("</table>\n");
    if (examples > 0) {
      sb.append("<h2>Examples</h2><table><tr><th>prompt</th><th>reference</th>");
      results.forEach(r -> sb.append("<th>").append(html(r.label())).append("</th>"));
      sb.append("</tr>\n");
      for (int i = 0; i < examples; i++) {
        EvaluationResult.Item first = results.get(0).items().get(i);
        sb.append("<tr><td class=\"prompt\">")
            .append(html(excerpt(first.prompt())))
            .append("</td><td>")
            .append(html(first.reference()))
            .append("</td>");
        for (EvaluationResult r : results) {
          EvaluationResult.Item item = r.items().get(i);
          sb.append("<td>")
              .append(
                  html(item.prediction() != null ? item.prediction() : "ERROR: " + item.error()))
              .append("</td>");
        }
        sb.append("</tr>\n");
      }
      sb.append("</table>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  /**
   * Writes {@code base.md}, {@code base.html} and {@code base.json} next to each other, creating
   * the folder.
   */
  public void writeTo(Path base) throws IOException {
    Path abs = base.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    String name = abs.getFileName().toString();
    Files.writeString(abs.resolveSibling(name + ".md"), toMarkdown());
    Files.writeString(abs.resolveSibling(name + ".html"), toHtml());
    Files.writeString(abs.resolveSibling(name + ".json"), toJson());
  }

  /** Scores, confidence intervals and every item, as JSON. */
  public String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("dataset", dataset);
      g.writeNumberField("records", records());
      g.writeObjectFieldStart("curves");
      for (Map.Entry<String, List<Double>> c : curves.entrySet()) {
        g.writeArrayFieldStart(c.getKey());
        for (double v : c.getValue()) {
          g.writeNumber(v);
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("results");
      for (EvaluationResult r : results) {
        g.writeStartObject();
        g.writeStringField("label", r.label());
        g.writeStringField("backend", r.backend());
        g.writeStringField("model", r.model());
        g.writeNumberField("failures", r.failures());
        g.writeNumberField("elapsedSeconds", r.elapsed().toNanos() / 1e9);
        g.writeObjectFieldStart("scores");
        for (RougeType t : types()) {
          EvaluationResult.Aggregate a = r.aggregates().get(t);
          g.writeObjectFieldStart(t.key());
          g.writeNumberField("precision", a.precision());
          g.writeNumberField("recall", a.recall());
          g.writeNumberField("f1", a.f1());
          g.writeNumberField("f1Low", a.f1Low());
          g.writeNumberField("f1High", a.f1High());
          g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("items");
        for (EvaluationResult.Item item : r.items()) {
          g.writeStartObject();
          g.writeStringField("id", item.id());
          g.writeStringField("reference", item.reference());
          g.writeStringField("prediction", item.prediction());
          if (item.error() != null) {
            g.writeStringField("error", item.error());
          }
          for (Map.Entry<RougeType, RougeScore> e : item.scores().entrySet()) {
            g.writeNumberField(e.getKey().key(), e.getValue().fmeasure());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A line chart of one training curve, in its own value range. */
  private static String curveChart(String name, List<Double> values) {
    if (values.size() < 2) {
      return "";
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double span = max > min ? max - min : 1;
    int width = 520;
    int height = 200;
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      double x = 50 + (width - 70) * i / (double) (values.size() - 1);
      double y = 20 + (height - 50) * (1 - (values.get(i) - min) / span);
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    return String.format(
        Locale.ROOT,
        "<h2>%s</h2>%n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\""
            + " aria-label=\"%s over %d points\"><rect x=\"50\" y=\"20\" width=\"%d\" height=\"%d\""
            + " fill=\"none\" stroke=\"#ddd\"/><polyline fill=\"none\" stroke=\"#4C72B0\""
            + " stroke-width=\"2\" points=\"%s\"/><text x=\"44\" y=\"26\" font-size=\"11\""
            + " text-anchor=\"end\">%.3f</text><text x=\"44\" y=\"%d\" font-size=\"11\""
            + " text-anchor=\"end\">%.3f</text><text x=\"%d\" y=\"%d\" font-size=\"11\""
            + " text-anchor=\"end\">%d points</text></svg>%n",
        html(name),
        width,
        height,
        html(name),
        values.size(),
        width - 70,
        height - 50,
        points.toString().trim(),
        max,
        height - 30,
        min,
        width - 20,
        height - 8,
        values.size());
  }

  private String chart() {
    List<RougeType> types = types();
    int groupWidth = 40 + 34 * results.size();
    int width = 60 + groupWidth * types.size() + 160;
    int height = 300;
    int plotTop = 20;
    int plotBottom = 250;
    double scale = plotBottom - plotTop;
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"ROUGE F1 by backend\">%n",
            width,
            height));
    for (int tick = 0; tick <= 10; tick += 2) {
      double y = plotBottom - scale * tick / 10.0;
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"50\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"44\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.1f</text>%n",
              width - 160,
              y,
              y,
              y + 4,
              tick / 10.0));
    }
    for (int ti = 0; ti < types.size(); ti++) {
      int x0 = 60 + ti * groupWidth;
      for (int ri = 0; ri < results.size(); ri++) {
        EvaluationResult.Aggregate a = results.get(ri).aggregates().get(types.get(ti));
        double x = x0 + 20 + ri * 34;
        double top = plotBottom - scale * a.f1();
        sb.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"28\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %.4f</title></rect>%n",
                x,
                top,
                plotBottom - top,
                COLORS[ri % COLORS.length],
                html(results.get(ri).label()),
                types.get(ti).key(),
                a.f1()));
        double lo = plotBottom - scale * a.f1Low();
        double hi = plotBottom - scale * a.f1High();
        sb.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#222\"/>%n",
                x + 14,
                x + 14,
                lo,
                hi));
      }
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\">%s</text>%n",
              x0 + groupWidth / 2,
              plotBottom + 20,
              types.get(ti).key()));
    }
    for (int ri = 0; ri < results.size(); ri++) {
      int y = plotTop + ri * 20;
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n",
              width - 150,
              y,
              COLORS[ri % COLORS.length],
              width - 132,
              y + 11,
              html(results.get(ri).label())));
    }
    return sb.append("</svg>\n").toString();
  }

  private List<RougeType> types() {
    return results.get(0).aggregates().keySet().stream().sorted().toList();
  }

  private int records() {
    return results.get(0).items().size();
  }

  private static String excerpt(String s) {
    return s.length() <= PROMPT_CHARS ? s : s.substring(0, PROMPT_CHARS) + " …";
  }

  private static String md(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '|' -> sb.append("\\|");
        case '\n', '\r' -> sb.append(' ');
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String html(String s) {
    return Html.escape(s);
  }
}
