package io.clinsum.ee.it;

import io.clinsum.ee.devserver.LocalServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link LocalServer} per test JVM, the first time a class using this extension runs,
 * with demo users and the extractive backend; JUnit closes it when the whole run ends. Tests get it
 * as a parameter:
 *
 * <pre>{@code
 * @ExtendWith(ClinSumServerExtension.class)
 * class NotesIT {
 *   @Test
 *   void importCsv_validNotes_created(LocalServer server) { ... server.baseUrl() ... }
 * }
 * }</pre>
 *
 * <p>If the server fails to start, every later class fails at once with the same cause instead of
 * waiting for the start timeout again.
 */
public final class ClinSumServerExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClinSumServerExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static LocalServer server(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            StartedServer.class, key -> StartedServer.start(), StartedServer.class)
        .get();
  }

  /** The server, or why it did not start; JUnit closes it at the end of the run. */
  private record StartedServer(LocalServer server, RuntimeException failure)
      implements AutoCloseable {

    static StartedServer start() {
      LocalServer server =
          LocalServer.builder()
              .systemProperty("clinsum.demo-users", "true")
              .systemProperty("clinsum.backend", "extractive")
              .build();
      try {
        server.start();
        return new StartedServer(server, null);
      } catch (RuntimeException e) {
        return new StartedServer(null, e);
      }
    }

    LocalServer get() {
      if (failure != null) {
        throw new IllegalStateException("The ClinSum server did not start", failure);
      }
      return server;
    }

    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
