package io.clinsum.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.embedding.EmbedderInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupingReportTest {
  private static Grouping grouping() {
    return new Grouping(
        new EmbedderInfo("fixed", "1", 2),
        "k-means",
        Map.of("k", "2"),
        List.of(
            new PatientGroup(0, "chest pain, troponin", List.of("chest pain", "troponin"), 2, 0.9),
            new PatientGroup(1, "<b>fall</b>", List.of("<b>fall</b>"), 1, 1.0)),
        List.of(
            new Membership("p1", 0, 0.95, 0f, 0f),
            new Membership("<script>alert(1)</script>", 0, 0.85, 1f, 0.5f),
            new Membership("p3", 1, 1.0, -1f, 2f),
            new Membership("p4", Grouping.UNGROUPED, 0.1, 3f, -1f)),
        0.42,
        List.of("a note & more"),
        Duration.ofMillis(5),
        Duration.ofMillis(1));
  }

  @Test
  void htmlDrawsEveryPatientAndEscapesEverythingItShows(@TempDir Path dir) throws Exception {
    GroupingReport report =
        new GroupingReport(
            "ward \"A\"",
            grouping(),
            List.of("cardiology", "cardiology", "orthopaedics", "neurology"),
            Map.of(
                "fixed",
                GroupingEvaluator.evaluate(
                    grouping().labelsInOrder(), List.of("c", "c", "o", "n"))));
    String html = report.toHtml();
    assertThat(html).doesNotContain("<script>").doesNotContain("<b>fall");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;fall&lt;/b&gt;");
    assertThat(html.split("<circle", -1)).hasSize(5);
    assertThat(html)
        .contains("ungrouped", "silhouette 0.420", "a note &amp; more", "adjusted Rand");
    report.writeTo(dir.resolve("out/groups"));
    JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("out/groups.json")));
    assertThat(json.path("members")).hasSize(4);
    assertThat(json.path("members").get(1).path("patient").asText())
        .isEqualTo("<script>alert(1)</script>");
    assertThat(json.path("members").get(3).path("group").asInt()).isEqualTo(-1);
    assertThat(json.path("groups").get(0).path("terms").get(1).asText()).isEqualTo("troponin");
    assertThat(json.path("scores").path("fixed").path("purity").asDouble()).isEqualTo(1.0);
    assertThat(Files.exists(dir.resolve("out/groups.html"))).isTrue();
  }
}
