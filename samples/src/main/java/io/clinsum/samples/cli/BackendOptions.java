package io.clinsum.samples.cli;

import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.spi.BackendSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Backend choice and settings, shared by summarize and evaluate. */
final class BackendOptions {
  @Option(
      names = {"-s", "--set"},
      paramLabel = "KEY=VALUE",
      description = {
        "Backend setting, repeatable (see 'clinsum backends').",
        "Prefix a key with a backend name to scope it when several backends run:"
            + " -s onnx.model-dir=/models/t5"
      })
  Map<String, String> settings = new LinkedHashMap<>();

  /** Settings for {@code backend}: unscoped keys, and keys scoped to it with the prefix removed. */
  BackendSettings settings(String backend) {
    BackendSettings.Builder b = BackendSettings.builder();
    settings.forEach(
        (key, value) -> {
          int dot = key.indexOf('.');
          if (dot < 0) {
            b.set(key, value);
          } else if (key.substring(0, dot).equals(backend)) {
            b.set(key.substring(dot + 1), value);
          }
        });
    return b.build();
  }

  Summarizer open(String backend) {
    String name = backend == null ? Summarizers.defaultBackend(settings("")) : backend;
    return Summarizers.open(name, settings(name));
  }
}
