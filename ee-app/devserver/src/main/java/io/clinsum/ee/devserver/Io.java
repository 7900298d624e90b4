package io.clinsum.ee.devserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** File and waiting helpers shared by the parts of the local server. */
final class Io {
  static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private Io() {}

  /** The last {@code lines} lines of {@code file}, or a note saying why there are none. */
  static String tail(Path file, int lines) {
    try {
      if (!Files.exists(file)) {
        return "(" + file + " does not exist)";
      }
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(could not read " + file + ": " + e + ")";
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** SHA-256 over each file's path and content. */
  static String sha256(Path... files) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : files) {
        digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static void requireFile(Path file, String property) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "Not found: "
              + file
              + " (set -D"
              + property
              + "=..., or build this module with mvn verify so that it exists)");
    }
  }

  static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalServerException("Interrupted while waiting", e);
    }
  }
}
