package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing and then damaged model files at deployment: the application starts anyway, says the
 * backend is unavailable and why, refuses summarization with 503 instead of accepting work it
 * cannot do, and recovers by itself once the files are fixed, without a restart.
 */
@ExtendWith(ClinSumServerExtension.class)
class BrokenModelIT {
  private static final Path SHIPPED_MODEL =
      Path.of(
          "../../sdk-local-gpu/src/main/resources/io/clinsum/local/models/clinsum-nursing-t5-mini-1.0.0");

  @Test
  void missingThenDamagedModel_appStartsReportsWhyAndRecoversWhenFixed(
      LocalServer server, @TempDir Path tmp) throws Exception {
    Path modelDir = tmp.resolve("model");
    Api api = new Api(server);
    String patient = Api.unique("BM");
    assertThat(
            api.postCsv(
                    "clinician",
                    "/notes/import",
                    "patient_id,note_type,note\n"
                        + Api.csvLine(
                            patient, "progress", "Chest pain since 06:00. ECG: ST elevation. PCI."))
                .status())
        .isEqualTo(200);
    long noteId =
        api.get("clinician", "/notes?patientId=" + patient)
            .json()
            .get("items")
            .get(0)
            .get("id")
            .asLong();
    Jobs.awaitNoOpenJob(api);
    server.stopServer();
    try {
      server.startServer(
          Map.of("clinsum.backend", "onnx", "clinsum.backend.onnx.model-dir", modelDir.toString()));
      assertThat(api.get(null, "/health").status()).isEqualTo(200);

      JsonNode missing = api.get("admin", "/backend").json();
      assertThat(missing.get("backend").asText()).isEqualTo("onnx");
      assertThat(missing.get("available").asBoolean()).isFalse();
      assertThat(missing.get("reason").asText())
          .contains(modelDir.toString())
          .contains("has no config.json");

      Api.Reply refused =
          api.post("clinician", "/notes/" + noteId + "/summary", "application/json", new byte[0]);
      assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.header("Retry-After")).isEqualTo("30");
      assertThat(refused.json().get("detail").asText())
          .contains("The summarization backend 'onnx' is unavailable");
      // The SDK's typed failure reason travels in the problem details.
      assertThat(refused.json().get("reason").asText()).isEqualTo("CONFIGURATION");
      assertThat(api.post("admin", "/jobs/summarize", "application/json", new byte[0]).status())
          .isEqualTo(503);

      // Damaged: every file there, the ONNX graphs truncated.
      Files.createDirectories(modelDir);
      try (Stream<Path> files = Files.list(SHIPPED_MODEL)) {
        for (Path f : files.toList()) {
          byte[] bytes = Files.readAllBytes(f);
          Files.write(
              modelDir.resolve(f.getFileName()),
              f.toString().endsWith(".onnx") ? java.util.Arrays.copyOf(bytes, 1000) : bytes);
        }
      }
      Jobs.awaitTrue(
          () -> {
            JsonNode b = api.get("admin", "/backend").json();
            return !b.get("available").asBoolean()
                && !b.get("reason").asText().contains("has no config.json");
          },
          Duration.ofSeconds(30),
          "the damaged files to be tried");
      assertThat(api.get("admin", "/backend").json().get("reason").asText())
          .contains("encoder_model.onnx could not be loaded by ONNX Runtime")
          .contains("corrupt");

      // Fixed: the shipped model copied in place; no restart.
      try (Stream<Path> files = Files.list(SHIPPED_MODEL)) {
        for (Path f : files.toList()) {
          Files.copy(
              f,
              modelDir.resolve(f.getFileName()),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Jobs.awaitTrue(
          () -> api.get("admin", "/backend").json().get("available").asBoolean(),
          Duration.ofSeconds(30),
          "the backend to recover");
      JsonNode fixed = api.get("admin", "/backend").json();
      assertThat(fixed.get("modelId").asText()).isEqualTo("clinsum-nursing-t5-mini");
      assertThat(fixed.has("reason") && !fixed.get("reason").isNull()).isFalse();
      JsonNode summary = Jobs.summarizeNow(api, noteId);
      assertThat(summary.get("backend").asText()).isEqualTo("onnx");
    } finally {
      server.stopServer();
      server.startServer();
    }
  }
}
