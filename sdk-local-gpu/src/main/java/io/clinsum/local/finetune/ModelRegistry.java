package io.clinsum.local.finetune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clinsum.core.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of model versions: {@code ROOT/NAME/VERSION/} holds an ONNX export plus {@code
 * clinsum-model.json} (name, version, when, metrics) and, if given, {@code MODEL_CARD.md}. Versions
 * are whole numbers counted up per name. The {@code onnx} backend selects one with {@code
 * registry=ROOT} and {@code model=NAME} (latest) or {@code model=NAME@VERSION}.
 *
 * <pre>{@code
 * ModelRegistry registry = new ModelRegistry(Path.of("models"));
 * Path v = registry.register("ward-7-notes", result.modelDir().resolve("onnx"), result.metrics(), card);
 * }</pre>
 */
public final class ModelRegistry {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path root;

  public ModelRegistry(Path root) {
    this.root = root.toAbsolutePath();
  }

  /**
   * Copies an exported model in as the next version of {@code name}.
   *
   * @return the new version's folder
   */
  public synchronized Path register(
      String name, Path onnxDir, Map<String, Double> metrics, String modelCard) {
    checkName(name);
    if (!Files.isRegularFile(onnxDir.resolve("config.json"))) {
      throw new ConfigurationException(onnxDir + " is not an exported model (no config.json)");
    }
    int version = versions(name).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    Path target = root.resolve(name).resolve(Integer.toString(version));
    Path staging = root.resolve(name).resolve("." + version + ".incoming");
    try {
      Files.createDirectories(staging);
      try (Stream<Path> files = Files.list(onnxDir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.copy(f, staging.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      ObjectNode card =
          JSON.createObjectNode()
              .put("name", name)
              .put("version", Integer.toString(version))
              .put("registered", Instant.now().toString());
      ObjectNode m = card.putObject("metrics");
      metrics.forEach(m::put);
      JSON.writerWithDefaultPrettyPrinter()
          .writeValue(staging.resolve("clinsum-model.json").toFile(), card);
      if (modelCard != null) {
        Files.writeString(staging.resolve("MODEL_CARD.md"), modelCard);
      }
      // Appears whole or not at all.
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot register " + name + " in " + root + ": " + e.getMessage(), e);
    }
  }

  /** The versions of {@code name}, in ascending order. */
  public List<Integer> versions(String name) {
    checkName(name);
    Path dir = root.resolve(name);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d+"))
          .map(Integer::valueOf)
          .sorted()
          .forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * The folder of {@code NAME} (latest version) or {@code NAME@VERSION}.
   *
   * @throws ConfigurationException naming the versions that exist when none matches
   */
  public Path resolve(String model) {
    int at = model.indexOf('@');
    String name = at < 0 ? model : model.substring(0, at);
    List<Integer> versions = versions(name);
    if (versions.isEmpty()) {
      throw new ConfigurationException("No model '" + name + "' in the registry " + root);
    }
    String version =
        at < 0 ? versions.get(versions.size() - 1).toString() : model.substring(at + 1);
    Path dir = root.resolve(name).resolve(version);
    if (!version.matches("\\d+") || !Files.isDirectory(dir)) {
      throw new ConfigurationException(
          "Model "
              + name
              + " has no version '"
              + version
              + "' in "
              + root
              + " (versions: "
              + versions
              + ")");
    }
    return dir;
  }

  /** The registry folder, if it exists. */
  public Optional<Path> root() {
    return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new ConfigurationException(
          "Model name '"
              + name
              + "' must be letters, digits, '.',"
              + " '_' or '-' (at most 100), starting with a letter or digit");
    }
  }
}
