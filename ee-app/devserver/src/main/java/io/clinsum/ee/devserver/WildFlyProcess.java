package io.clinsum.ee.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WildFly process that this object starts ({@code bin/standalone.sh} with a port offset) and
 * controls: graceful stop, SIGKILL as a crash would, and waiting until it is ready through the
 * management API. It only ever signals the process it started and that process's descendants, by
 * their {@link Process} handle: never a process found by name, command line or pid file, so a
 * WildFly of another build or a developer's own is never touched.
 */
public final class WildFlyProcess {
  private static final Logger LOG = LoggerFactory.getLogger(WildFlyProcess.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Path wildflyHome;
  private final PortOffset ports;
  private final Path consoleLog;
  // volatile: a shutdown hook reads it without the lock, which a stuck start may hold
  private volatile Process process;

  /**
   * @param wildflyHome a configured installation (see {@link WildFlyProvisioning})
   * @param ports the port offset the server runs with
   * @param consoleLog receives the server's standard output and error, appended across starts
   */
  public WildFlyProcess(Path wildflyHome, PortOffset ports, Path consoleLog) {
    this.wildflyHome = wildflyHome.toAbsolutePath().normalize();
    this.ports = ports;
    this.consoleLog = consoleLog.toAbsolutePath().normalize();
  }

  /**
   * Launches {@code standalone.sh} with {@code -Dkey=value} for each system property and the port
   * offset, and {@code environment} added to this JVM's. Returns at once; see {@link
   * #awaitRunning(long)}.
   *
   * @throws IllegalStateException if this object's server runs, or the HTTP or management port is
   *     taken (by another server: it is left alone; stop it or choose another offset)
   */
  public synchronized void start(
      Map<String, String> systemProperties, Map<String, String> environment) {
    if (isRunning()) {
      throw new IllegalStateException("WildFly is already running");
    }
    requirePortFree(ports.httpPort());
    requirePortFree(ports.managementPort());
    List<String> command = new ArrayList<>();
    command.add(wildflyHome.resolve("bin/standalone.sh").toString());
    command.add(ports.jvmArgument());
    systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    ProcessBuilder builder = new ProcessBuilder(command).directory(wildflyHome.toFile());
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("JAVA");
    env.put("JBOSS_HOME", wildflyHome.toString());
    env.putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the management API reports {@code server-state} {@code running}.
   *
   * @param deadline a {@link System#nanoTime()} value
   * @return the boot errors ({@code read-boot-errors}): empty when the boot went well
   * @throws LocalServerException if the process exits or the deadline passes
   */
  public List<String> awaitRunning(long deadline) {
    Process running = requireProcess();
    try (ManagementApi api = new ManagementApi(ports.managementPort())) {
      String state = "no answer";
      while (true) {
        if (!running.isAlive()) {
          throw new LocalServerException(
              "WildFly exited with status "
                  + running.exitValue()
                  + "\n--- console tail ---\n"
                  + Io.tail(consoleLog, 60));
        }
        Optional<String> answer = api.serverState();
        if (answer.isPresent()) {
          state = answer.get();
          if (state.equals("running")) {
            return api.bootErrors();
          }
        }
        if (System.nanoTime() > deadline) {
          throw new LocalServerException(
              "WildFly did not reach server-state running in time (last: "
                  + state
                  + ")\n--- server.log tail ---\n"
                  + Io.tail(wildflyHome.resolve("standalone/log/server.log"), 60));
        }
        Io.pause();
      }
    }
  }

  /**
   * The {@code status} of a deployment through the management API ({@code OK}, {@code FAILED},
   * ...), or empty if the server does not answer or has no such deployment.
   */
  public Optional<String> deploymentStatus(String name) {
    try (ManagementApi api = new ManagementApi(ports.managementPort())) {
      return api.deploymentStatus(name);
    }
  }

  /** Whether the process this object started is alive. */
  public boolean isRunning() {
    Process running = process;
    return running != null && running.isAlive();
  }

  /** Whether the process this object started has exited; false when none was started. */
  boolean hasExited() {
    Process running = process;
    return running != null && !running.isAlive();
  }

  /**
   * SIGTERM to the server's JVM (WildFly's orderly shutdown), SIGKILL after 60 s. Does nothing when
   * this object has not started a server.
   */
  public synchronized void stop() {
    Process running = process;
    if (running == null) {
      return;
    }
    if (!ProcessTree.of(running).stop(STOP_TIMEOUT)) {
      LOG.warn("WildFly did not stop within {} s; killed it", STOP_TIMEOUT.toSeconds());
    }
    process = null;
    LOG.info("WildFly stopped");
  }

  /** SIGKILL to the launcher script and the server's JVM, as a crash would. */
  public synchronized void kill() {
    Process running = process;
    if (running == null) {
      return;
    }
    ProcessTree tree = ProcessTree.of(running);
    tree.kill();
    tree.awaitExit(STOP_TIMEOUT);
    process = null;
    LOG.info("WildFly killed");
  }

  /** {@link #stop()} without this object's lock and with a shorter grace, for shutdown hooks. */
  void stopOnExit() {
    Process running = process;
    if (running != null) {
      ProcessTree.of(running).stop(Duration.ofSeconds(30));
    }
  }

  /** The process this object started, while it has one. */
  Optional<ProcessHandle> handle() {
    return Optional.ofNullable(process).map(Process::toHandle);
  }

  /** The offset this server runs with. */
  public PortOffset ports() {
    return ports;
  }

  private Process requireProcess() {
    Process running = process;
    if (running == null) {
      throw new IllegalStateException("WildFly has not been started");
    }
    return running;
  }

  private static void requirePortFree(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 500);
    } catch (IOException e) {
      return; // nothing listens: free
    }
    throw new IllegalStateException(
        "Port "
            + port
            + " is in use: another server runs with the same port offset; stop it, or choose"
            + " another offset with -D"
            + PortOffset.PROPERTY
            + "=N");
  }
}
