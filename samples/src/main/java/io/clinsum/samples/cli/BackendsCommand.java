package io.clinsum.samples.cli;

import io.clinsum.core.Summarizers;
import io.clinsum.core.spi.BackendOption;
import io.clinsum.core.spi.BackendSettings;
import io.clinsum.core.spi.SummarizerProvider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clinsum backends}: what can summarize here, and each backend's settings. */
@Command(
    name = "backends",
    mixinStandardHelpOptions = true,
    description = "List summarization backends, whether they can run here, and their settings.")
final class BackendsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String chosen = Summarizers.defaultBackend(BackendSettings.empty());
    for (SummarizerProvider p : Summarizers.providers()) {
      SummarizerProvider.Availability a = p.availability(BackendSettings.empty());
      out.printf(
          "%s%s — %s%n  %s: %s%n",
          p.name(),
          p.name().equals(chosen) ? " (default)" : "",
          p.description(),
          a.available() ? "available" : "unavailable",
          a.reason());
      for (BackendOption<?> o : p.options()) {
        out.printf(
            "  --set %s=<%s>  %s (default: %s)%n",
            o.name(), o.type().getSimpleName(), o.description(), o.defaultValue());
      }
    }
    out.flush();
    return 0;
  }
}
