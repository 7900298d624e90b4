package io.clinsum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.ProgressListener;
import io.clinsum.core.embedding.Embedder;
import io.clinsum.core.embedding.EmbedderClosedException;
import io.clinsum.core.embedding.Embedders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * all-MiniLM-L6-v2 through ClinSum's ONNX code, against sentence-transformers' own vectors; the
 * backend wrapped as users get it, so every answer also passes the wrapper's checks (one unit
 * vector of 384 values per text).
 */
class OnnxEmbedderTest {
  private static Embedder embedder;

  @BeforeAll
  static void open() {
    embedder = Embedders.of(OnnxEmbedder.openDefault());
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  record Reference(String text, int tokens, float[] embedding) {}

  static List<Reference> references() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Reference> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                OnnxEmbedderTest.class.getResourceAsStream(
                    "/embeddings/all-minilm-l6-v2-reference.jsonl"),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode node = json.readTree(line);
        float[] v = new float[node.path("embedding").size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) node.path("embedding").get(i).asDouble();
        }
        out.add(new Reference(node.path("text").asText(), node.path("tokens").asInt(), v));
      }
    }
    return out;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void matchesSentenceTransformersOnEveryReferenceSentence() throws IOException {
    List<Reference> refs = references();
    assertThat(refs).hasSizeGreaterThanOrEqualTo(50);
    List<float[]> ours =
        embedder.embedAll(refs.stream().map(Reference::text).toList(), ProgressListener.NONE);
    double worst = 1;
    for (int i = 0; i < refs.size(); i++) {
      double c = cosine(ours.get(i), refs.get(i).embedding());
      worst = Math.min(worst, c);
      assertThat(c)
          .as("cosine for sentence %d: %s", i + 1, refs.get(i).text())
          .isGreaterThanOrEqualTo(0.9999);
    }
    System.out.printf(
        "all-MiniLM-L6-v2 vs sentence-transformers: %d sentences, min cosine %.7f%n",
        refs.size(), worst);
  }

  @Test
  void vectorsAreUnitLengthAndIndependentOfTheirBatch() throws IOException {
    List<String> texts = references().stream().map(Reference::text).limit(12).toList();
    List<float[]> batched = embedder.embedAll(texts, ProgressListener.NONE);
    for (int i = 0; i < texts.size(); i++) {
      float[] alone = embedder.embed(texts.get(i));
      assertThat(cosine(alone, batched.get(i))).isGreaterThan(0.99999);
      assertThat(cosine(alone, alone)).isCloseTo(1.0, within(1e-5));
      double norm = 0;
      for (float x : alone) {
        norm += x * x;
      }
      assertThat(norm).isCloseTo(1.0, within(1e-4));
    }
    assertThat(embedder.info().dimension()).isEqualTo(384);
    assertThat(embedder.info().model()).isEqualTo("all-MiniLM-L6-v2");
    // The SHA-256 of the shipped file (see models/all-minilm-l6-v2.json): the same everywhere.
    assertThat(embedder.info().version()).isEqualTo("sha256:759c3cd2b7fe");
  }

  @Test
  void longTextsAreEmbeddedWholeNotCut() {
    String cardiac =
        "Crushing central chest pain radiating to the left arm with sweating; ECG shows ST"
            + " elevation in the anterior leads; troponin raised; taken for primary PCI. ";
    String obstetric =
        "Primigravida at 39 weeks in active labour, contractions every three minutes, cervix"
            + " six centimetres dilated, fetal heart rate reassuring, epidural in place. ";
    String head = cardiac.repeat(12); // about 430 word pieces: more than one window
    String longText = head + obstetric.repeat(12);
    float[] whole = embedder.embed(longText);
    float[] firstWindowOnly = embedder.embed(head);
    float[] tail = embedder.embed(obstetric);
    // Truncating at 256 word pieces would drop the obstetric half entirely.
    assertThat(cosine(whole, tail)).isGreaterThan(cosine(firstWindowOnly, tail) + 0.1);
  }

  @Test
  void quantizedModelAgreesClosely() throws IOException {
    List<Reference> refs = references();
    try (Embedder int8 = Embedders.of(OnnxEmbedder.openQuantized())) {
      List<float[]> q =
          int8.embedAll(refs.stream().map(Reference::text).toList(), ProgressListener.NONE);
      double worst = 1;
      double mean = 0;
      for (int i = 0; i < refs.size(); i++) {
        double c = cosine(q.get(i), refs.get(i).embedding());
        worst = Math.min(worst, c);
        mean += c / refs.size();
      }
      System.out.printf("int8 vs float32 reference: mean cosine %.4f, min %.4f%n", mean, worst);
      assertThat(mean).isGreaterThan(0.97);
      assertThat(worst).isGreaterThan(0.9);
      assertThat(int8.info().model()).isEqualTo("all-MiniLM-L6-v2-int8");
    }
  }

  @Test
  void backendEmbedsABatchInOrderAndTheEmbedderRefusesNullByPosition() {
    try (OnnxEmbedder backend = OnnxEmbedder.openQuantized()) {
      List<float[]> direct = backend.embed(List.of("one", "", "three"));
      assertThat(direct).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(384));
      assertThat(cosine(direct.get(0), direct.get(2))).isLessThan(0.9999);
    }
    List<Long> seen = new ArrayList<>();
    embedder.embedAll(List.of("one", "", "three"), (done, total) -> seen.add(done * 10 + total));
    assertThat(seen).containsExactly(33L);
    assertThatThrownBy(() -> embedder.embedAll(Arrays.asList("fine", null), ProgressListener.NONE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("texts[1]");
    assertThatThrownBy(() -> embedder.embedAll(List.of(), ProgressListener.NONE))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("texts: is empty");
  }

  @Test
  void isFoundByNameThroughTheServiceLoader() {
    try (Embedder e = Embedders.open("minilm")) {
      assertThat(e.info().dimension()).isEqualTo(384);
      assertThat(e.embed("Chest pain.")).hasSize(384);
    }
    assertThatThrownBy(() -> Embedders.open("word2vec"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No embedder named 'word2vec'")
        .hasMessageContaining("minilm, minilm-int8");
  }

  @Test
  void badModelFoldersAreRefusedWithTheReason(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> OnnxEmbedder.load(dir, "x", 256))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No model.onnx in " + dir);
    Path shipped = EmbeddedModel.embedder(false).orElseThrow();
    Files.copy(shipped.resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
    Files.writeString(dir.resolve("model.onnx"), "not an ONNX file");
    assertThatThrownBy(() -> OnnxEmbedder.load(dir, "x", 256))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Cannot load " + dir.resolve("model.onnx"));
  }

  @Test
  void closedEmbedderRefusesWork() {
    Embedder e = Embedders.open("minilm-int8");
    e.close();
    e.close();
    assertThatThrownBy(() -> e.embed("x"))
        .isInstanceOf(EmbedderClosedException.class)
        .hasMessageContaining("'minilm-int8' embedder is closed");
  }
}
