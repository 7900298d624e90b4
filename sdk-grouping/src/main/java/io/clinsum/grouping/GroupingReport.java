package io.clinsum.grouping;

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
 * A grouping for people: a self-contained HTML page with a 2-D map of the patients coloured by
 * group (hover a point for the patient), the groups with their labels, and the scores against
 * reference labels when there are some; and the same as JSON.
 */
public final class GroupingReport {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final String[] COLORS = {
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
    "#e6550d", "#31a354", "#756bb1", "#636363"
  };
  private static final String UNGROUPED_COLOR = "#c7c7c7";
  private static final int WIDTH = 900;
  private static final int HEIGHT = 600;
  private static final int MARGIN = 20;

  private final String title;
  private final Grouping grouping;
  private final List<String> references;
  private final Map<String, GroupingEvaluator.Scores> scores;

  /**
   * @param title what was grouped, shown as the page title
   * @param grouping the grouping
   * @param references each member's reference label in member order, or an empty list
   * @param scores scores against those labels by name (this grouping and any baseline), or empty
   */
  public GroupingReport(
      String title,
      Grouping grouping,
      List<String> references,
      Map<String, GroupingEvaluator.Scores> scores) {
    this.title = title;
    this.grouping = grouping;
    this.references = List.copyOf(references);
    this.scores = Map.copyOf(scores);
    if (!references.isEmpty() && references.size() != grouping.members().size()) {
      throw new IllegalArgumentException(
          references.size() + " reference labels for " + grouping.members().size() + " patients");
    }
  }

  /** Writes {@code base.html} and {@code base.json}, creating the folder. */
  public void writeTo(Path base) throws IOException {
    Path abs = base.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    String name = abs.getFileName().toString();
    Files.writeString(abs.resolveSibling(name + ".html"), toHtml());
    Files.writeString(abs.resolveSibling(name + ".json"), toJson());
  }

  /** The page. */
  public String toHtml() {
    StringBuilder sb = new StringBuilder(64_000 + grouping.members().size() * 160);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>ClinSum groups: ")
        .append(Html.escape(title))
        .append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1300px}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;")
        .append("padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3}")
        .append("td.num{text-align:right;font-variant-numeric:tabular-nums}")
        .append(".swatch{display:inline-block;width:.9em;height:.9em;border-radius:50%;")
        .append("margin-right:.4em;vertical-align:middle}svg{border:1px solid #ddd}")
        .append("</style></head><body>\n<h1>Patient groups: ")
        .append(Html.escape(title))
        .append("</h1>\n<p>")
        .append(
            String.format(
                Locale.ROOT,
                "%,d patients in %d groups by %s on %s embeddings; silhouette %.3f.",
                grouping.members().size(),
                grouping.groups().size(),
                Html.escape(grouping.algorithm()),
                Html.escape(grouping.embedder().model()),
                grouping.silhouette()))
        .append("</p>\n");
    for (String note : grouping.notes()) {
      sb.append("<p><em>").append(Html.escape(note)).append("</em></p>\n");
    }
    if (!scores.isEmpty()) {
      sb.append("<h2>Against the reference labels</h2><table><tr><th>grouping</th>")
          .append("<th>groups</th><th>purity</th><th>adjusted Rand index</th></tr>\n");
      scores.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  sb.append(
                      String.format(
                          Locale.ROOT,
                          "<tr><td>%s</td><td class=\"num\">%d</td><td class=\"num\">%.3f</td>"
                              + "<td class=\"num\">%.3f</td></tr>%n",
                          Html.escape(e.getKey()),
                          e.getValue().groups(),
                          e.getValue().purity(),
                          e.getValue().adjustedRandIndex())));
      sb.append("</table>\n");
    }
    sb.append("<h2>Map</h2><p>Each point is a patient, placed by the first two principal")
        .append(" components of their vector; nearby points have similar summaries.</p>\n")
        .append(scatter());
    sb.append("<h2>Groups</h2><table><tr><th>group</th><th>label</th><th>patients</th>")
        .append("<th>cohesion</th><th>examples</th></tr>\n");
    for (PatientGroup g : grouping.groups()) {
      List<String> examples =
          grouping.members().stream()
              .filter(m -> m.groupId() == g.id())
              .sorted((a, b) -> Double.compare(b.similarity(), a.similarity()))
              .limit(5)
              .map(Membership::patientId)
              .toList();
      sb.append(
          String.format(
              Locale.ROOT,
              "<tr><td><span class=\"swatch\" style=\"background:%s\"></span>%d</td><td>%s</td>"
                  + "<td class=\"num\">%d</td><td class=\"num\">%.3f</td><td>%s</td></tr>%n",
              color(g.id()),
              g.id() + 1,
              Html.escape(g.label()),
              g.size(),
              g.cohesion(),
              Html.escape(String.join(", ", examples))));
    }
    return sb.append("</table>\n</body></html>\n").toString();
  }

  private String scatter() {
    List<Membership> members = grouping.members();
    float minX = Float.MAX_VALUE;
    float maxX = -Float.MAX_VALUE;
    float minY = Float.MAX_VALUE;
    float maxY = -Float.MAX_VALUE;
    for (Membership m : members) {
      minX = Math.min(minX, m.x());
      maxX = Math.max(maxX, m.x());
      minY = Math.min(minY, m.y());
      maxY = Math.max(maxY, m.y());
    }
    float spanX = Math.max(1e-6f, maxX - minX);
    float spanY = Math.max(1e-6f, maxY - minY);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\""
                + " aria-label=\"Map of %d patients coloured by group\">%n",
            WIDTH,
            HEIGHT,
            members.size()));
    float radius = members.size() > 2000 ? 2.5f : 4.5f;
    for (int i = 0; i < members.size(); i++) {
      Membership m = members.get(i);
      float x = MARGIN + (m.x() - minX) / spanX * (WIDTH - 2 * MARGIN);
      float y = HEIGHT - MARGIN - (m.y() - minY) / spanY * (HEIGHT - 2 * MARGIN);
      String group =
          grouping.group(m.groupId()).map(g -> (g.id() + 1) + ": " + g.label()).orElse("ungrouped");
      String reference = references.isEmpty() ? "" : " (reference: " + references.get(i) + ")";
      sb.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.8\">"
                  + "<title>%s: group %s%s</title></circle>%n",
              x,
              y,
              radius,
              color(m.groupId()),
              Html.escape(m.patientId()),
              Html.escape(group),
              Html.escape(reference)));
    }
    return sb.append("</svg>\n").toString();
  }

  private static String color(int group) {
    return group < 0 ? UNGROUPED_COLOR : COLORS[group % COLORS.length];
  }

  /** Everything in the grouping, as JSON. */
  public String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("title", title);
      g.writeObjectFieldStart("embedder");
      g.writeStringField("model", grouping.embedder().model());
      g.writeStringField("version", grouping.embedder().version());
      g.writeNumberField("dimension", grouping.embedder().dimension());
      g.writeEndObject();
      g.writeStringField("algorithm", grouping.algorithm());
      g.writeObjectFieldStart("parameters");
      for (Map.Entry<String, String> e : grouping.parameters().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberField("silhouette", grouping.silhouette());
      g.writeArrayFieldStart("notes");
      for (String note : grouping.notes()) {
        g.writeString(note);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("scores");
      for (Map.Entry<String, GroupingEvaluator.Scores> e : scores.entrySet()) {
        g.writeObjectFieldStart(e.getKey());
        g.writeNumberField("groups", e.getValue().groups());
        g.writeNumberField("classes", e.getValue().classes());
        g.writeNumberField("purity", e.getValue().purity());
        g.writeNumberField("adjustedRandIndex", e.getValue().adjustedRandIndex());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("groups");
      for (PatientGroup group : grouping.groups()) {
        g.writeStartObject();
        g.writeNumberField("id", group.id());
        g.writeStringField("label", group.label());
        g.writeArrayFieldStart("terms");
        for (String term : group.terms()) {
          g.writeString(term);
        }
        g.writeEndArray();
        g.writeNumberField("size", group.size());
        g.writeNumberField("cohesion", group.cohesion());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("members");
      List<Membership> members = grouping.members();
      for (int i = 0; i < members.size(); i++) {
        Membership m = members.get(i);
        g.writeStartObject();
        g.writeStringField("patient", m.patientId());
        g.writeNumberField("group", m.groupId());
        g.writeNumberField("similarity", m.similarity());
        g.writeNumberField("x", m.x());
        g.writeNumberField("y", m.y());
        if (!references.isEmpty()) {
          g.writeStringField("reference", references.get(i));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
