package io.clinsum.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The project's modules with their compiled main classes, read from each module's {@code
 * target/classes} in this build. A class belongs to the module whose folder it was read from, so
 * the rules need no list of package prefixes.
 */
final class Modules {
  /** A module: its folder under the repository root and the module name its jar declares. */
  record Module(String folder, String moduleName, boolean jar) {
    Path classes() {
      return root().resolve(folder).resolve("target/classes");
    }
  }

  static final List<Module> ALL =
      List.of(
          new Module("sdk-core", "io.clinsum.core", true),
          new Module("sdk-grouping", "io.clinsum.grouping", true),
          new Module("sdk-synthetic", "io.clinsum.synthetic", true),
          new Module("sdk-sagemaker", "io.clinsum.sagemaker", true),
          new Module("sdk-local-gpu", "io.clinsum.local", true),
          new Module("models/nursing-t5-mini-checkpoint", "io.clinsum.model.nursing.t5mini", true),
          new Module("samples", "io.clinsum.samples", true),
          new Module("ee-app/ejb", "io.clinsum.ee.ejb", true),
          new Module("ee-app/web", "io.clinsum.ee.web", false),
          new Module("ee-app/devserver", "io.clinsum.ee.devserver", true));

  private static JavaClasses classes;

  private Modules() {}

  static Path root() {
    String root = System.getProperty("clinsum.root");
    if (root == null) {
      throw new IllegalStateException(
          "Run through Maven: the system property clinsum.root is unset");
    }
    return Path.of(root);
  }

  static String version() {
    return System.getProperty("clinsum.version", "0.1.0-SNAPSHOT");
  }

  /** Every main class of every module, imported once per test run. */
  static synchronized JavaClasses classes() {
    if (classes == null) {
      List<Path> paths = new ArrayList<>();
      for (Module m : ALL) {
        if (!Files.isDirectory(m.classes())) {
          throw new IllegalStateException(
              m.classes() + " is missing: build the module before the architecture rules");
        }
        paths.add(m.classes());
      }
      classes =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPaths(paths);
    }
    return classes;
  }

  /** The module a class was read from, if it is one of ours. */
  static Optional<Module> of(JavaClass c) {
    return c.getSource()
        .map(source -> source.getUri().toString())
        .flatMap(
            uri ->
                ALL.stream()
                    .filter(m -> uri.startsWith(m.classes().toUri().toString()))
                    .findFirst());
  }
}
