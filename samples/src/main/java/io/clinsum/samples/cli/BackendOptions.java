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
      description = "Backend setting, repeatable (see 'clinsum backends').")
  Map<String, String> settings = new LinkedHashMap<>();

  BackendSettings settings() {
    BackendSettings.Builder b = BackendSettings.builder();
    settings.forEach(b::set);
    return b.build();
  }

  Summarizer open(String backend) {
    BackendSettings s = settings();
    return Summarizers.open(backend == null ? Summarizers.defaultBackend(s) : backend, s);
  }
}
