package io.clinsum.samples.cli;

import io.clinsum.core.ClinSumException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar clinsum.jar}. */
@Command(
    name = "clinsum",
    mixinStandardHelpOptions = true,
    versionProvider = ClinSumCli.Version.class,
    description = "Summarize clinical notes, evaluate summarizers and prepare datasets.",
    subcommands = {
      SummarizeCommand.class,
      DeidCommand.class,
      EvaluateCommand.class,
      GroupCommand.class,
      ServeCommand.class,
      FinetuneCommand.class,
      DatasetCommand.class,
      BackendsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ClinSumCli {
  /** Exit code when some records failed and were written to the error file. */
  public static final int EXIT_SOME_FAILED = 3;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line on standard output and error and returns its exit code. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given output and error writers (for tests and embedding). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new ClinSumCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof ClinSumException || e instanceof java.io.UncheckedIOException) {
            cmd.getErr().println("clinsum: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    return cli.execute(args);
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ClinSumCli.class.getPackage().getImplementationVersion();
      return new String[] {"clinsum " + (v == null ? "development build" : v)};
    }
  }
}
