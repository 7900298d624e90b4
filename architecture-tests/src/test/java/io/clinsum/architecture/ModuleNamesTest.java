package io.clinsum.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every jar the build makes names its {@code Automatic-Module-Name}, so that users on the module
 * path get stable names instead of ones derived from file names.
 */
class ModuleNamesTest {

  @Test
  void everyJar_declaresItsAutomaticModuleName() throws IOException {
    for (Modules.Module m : Modules.ALL) {
      if (!m.jar()) {
        continue;
      }
      Path jar = mainJar(m);
      try (JarFile file = new JarFile(jar.toFile())) {
        assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
            .as(jar.toString())
            .isEqualTo(m.moduleName());
      }
      assertThat(
              java.lang.module.ModuleDescriptor.newAutomaticModule(m.moduleName()).build().name())
          .isEqualTo(m.moduleName());
    }
  }

  @Test
  void testJars_haveNamesOfTheirOwn() throws IOException {
    for (String[] jar :
        new String[][] {
          {"sdk-core", "clinsum-sdk-core", "io.clinsum.core.testkit"},
          {"sdk-sagemaker", "clinsum-sdk-sagemaker", "io.clinsum.sagemaker.testkit"}
        }) {
      Path file =
          Modules.root()
              .resolve(jar[0])
              .resolve("target/" + jar[1] + "-" + Modules.version() + "-tests.jar");
      try (JarFile tests = new JarFile(file.toFile())) {
        assertThat(tests.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
            .as(file.toString())
            .isEqualTo(jar[2]);
      }
    }
  }

  /** The module's main jar: not its tests, sources or javadoc jar, nor the shaded CLI. */
  private static Path mainJar(Modules.Module m) throws IOException {
    Path target = Modules.root().resolve(m.folder()).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-" + Modules.version() + ".jar"))
          .findFirst()
          .orElseThrow(
              () -> new AssertionError("no main jar in " + target + "; run `mvn package` first"));
    }
  }
}
