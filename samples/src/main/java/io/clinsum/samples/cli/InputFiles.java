package io.clinsum.samples.cli;

import io.clinsum.core.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands files and folders given on the command line into data files, in a stable order. */
final class InputFiles {
  private InputFiles() {}

  static List<Path> expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(Files::isRegularFile).filter(InputFiles::isData).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list '" + input + "': " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(input)) {
        files.add(input);
      } else {
        throw new ConfigurationException("No such file or folder: " + input);
      }
    }
    if (files.isEmpty()) {
      throw new ConfigurationException("No .csv, .jsonl or .txt files in " + inputs);
    }
    return files;
  }

  private static boolean isData(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".csv")
        || n.endsWith(".jsonl")
        || n.endsWith(".ndjson")
        || n.endsWith(".txt");
  }
}
