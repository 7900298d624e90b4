package io.clinsum.ee.devserver;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.ModelControllerClientConfiguration;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * WildFly's management API on {@code localhost:9990+offset}, with local authentication (the client
 * and the server run as the same user), for readiness checks instead of log scraping.
 */
final class ManagementApi implements AutoCloseable {
  private final ModelControllerClient client;

  ManagementApi(int managementPort) {
    this.client =
        ModelControllerClient.Factory.create(
            new ModelControllerClientConfiguration.Builder()
                .setProtocol("remote+http")
                .setHostName("localhost")
                .setPort(managementPort)
                .setConnectionTimeout(5_000)
                .build());
  }

  /**
   * The server's {@code server-state} ({@code starting}, {@code running}, {@code reload-required},
   * ...), or empty while the management interface does not answer.
   */
  Optional<String> serverState() {
    return read(
        Operations.createReadAttributeOperation(new ModelNode().setEmptyList(), "server-state"));
  }

  /** What went wrong during boot ({@code read-boot-errors}); empty when nothing did. */
  List<String> bootErrors() {
    ModelNode op =
        Operations.createOperation(
            "read-boot-errors", Operations.createAddress("core-service", "management"));
    return execute(op)
        .filter(Operations::isSuccessfulOutcome)
        .map(
            r ->
                Operations.readResult(r).asListOrEmpty().stream().map(ModelNode::toString).toList())
        .orElse(List.of());
  }

  /**
   * A deployment's {@code status} ({@code OK}, {@code FAILED}, {@code STOPPED}), or empty if it is
   * not (yet) deployed.
   */
  Optional<String> deploymentStatus(String name) {
    return read(
        Operations.createReadAttributeOperation(
            Operations.createAddress("deployment", name), "status"));
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new LocalServerException("Could not close the management client", e);
    }
  }

  private Optional<String> read(ModelNode operation) {
    return execute(operation)
        .filter(Operations::isSuccessfulOutcome)
        .map(r -> Operations.readResult(r).asString());
  }

  /** The outcome, or empty when the server cannot be reached (not up yet, or gone). */
  private Optional<ModelNode> execute(ModelNode operation) {
    try {
      return Optional.of(client.execute(operation));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
