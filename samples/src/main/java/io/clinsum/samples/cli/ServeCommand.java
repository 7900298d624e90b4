package io.clinsum.samples.cli;

import io.clinsum.core.Summarizer;
import io.clinsum.sagemaker.server.ModelServer;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clinsum serve}: a backend behind the SageMaker inference container contract. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a backend behind the SageMaker container contract: GET /ping and POST /invocations",
      "with the Hugging Face inference toolkit's JSON ({\"inputs\": ...} -> [{\"summary_text\": ...}]).",
      "Runs until stopped (Ctrl-C, or SIGTERM from the container runtime)."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-b", "--backend"},
      description = "Backend to serve (default: the best available, as clinsum summarize).")
  String backend;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}; 127.0.0.1 for this machine only).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}, SageMaker's; 0 picks a free one).")
  int port;

  @Mixin BackendOptions backendOptions;

  @Override
  public Integer call() throws InterruptedException {
    try (Summarizer summarizer = backendOptions.open(backend);
        ModelServer server = ModelServer.start(summarizer, new InetSocketAddress(host, port))) {
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "Serving %s (%s %s) on %s: GET /ping, POST /invocations%n",
          summarizer.info().backend(),
          summarizer.info().modelId(),
          summarizer.info().modelVersion(),
          server.uri());
      out.flush();
      server.awaitStop();
    }
    return 0;
  }
}
