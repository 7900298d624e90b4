package io.clinsum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedModelTest {
  private static final String MANIFEST = "io/clinsum/local/models/test-manifest.json";
  @TempDir Path cache;
  private String previous;

  @BeforeEach
  void useTemporaryCache() {
    previous = System.getProperty(EmbeddedModel.CACHE_PROPERTY);
    System.setProperty(EmbeddedModel.CACHE_PROPERTY, cache.toString());
  }

  @AfterEach
  void restoreCache() {
    if (previous == null) {
      System.clearProperty(EmbeddedModel.CACHE_PROPERTY);
    } else {
      System.setProperty(EmbeddedModel.CACHE_PROPERTY, previous);
    }
  }

  @Test
  void folder_firstUse_extractsEveryFileIntoTheCache() throws Exception {
    Path dir = EmbeddedModel.folder(MANIFEST).orElseThrow();

    assertThat(dir).isEqualTo(cache.resolve("models/test-model-0.0.1"));
    assertThat(dir.resolve("config.json")).content().contains("t5");
    assertThat(dir.resolve("notes.txt")).hasContent("hello");
  }

  @Test
  void folder_damagedCachedFile_isReplaced() throws Exception {
    Path dir = EmbeddedModel.folder(MANIFEST).orElseThrow();
    Files.writeString(dir.resolve("notes.txt"), "tampered");

    EmbeddedModel.folder(MANIFEST);

    assertThat(dir.resolve("notes.txt")).hasContent("hello");
  }

  @Test
  void folder_noManifest_isEmpty() {
    assertThat(EmbeddedModel.folder("io/clinsum/local/models/absent.json")).isEmpty();
  }

  @Test
  void folder_unwritableCache_failsNamingTheProperty() throws Exception {
    Path file = Files.writeString(cache.resolve("not-a-folder"), "x");
    System.setProperty(EmbeddedModel.CACHE_PROPERTY, file.toString());

    assertThatThrownBy(() -> EmbeddedModel.folder(MANIFEST))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(EmbeddedModel.CACHE_PROPERTY);
  }
}
