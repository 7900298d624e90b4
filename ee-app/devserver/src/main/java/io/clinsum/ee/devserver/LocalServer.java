package io.clinsum.ee.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole ClinSum application on this machine: an {@link EmbeddedDatabase}, a WildFly prepared by
 * {@link WildFlyProvisioning} and run as a {@link WildFlyProcess}, and the EAR deployed on it.
 *
 * <p>Each instance owns the processes it starts and stops them in {@link #close()}, which is also
 * run by a shutdown hook; it never signals a process it did not start. The first {@link #start()}
 * wipes the previous run's database, deployment markers and server data, so every run begins from
 * the same state. WildFly listens on 8080 and 9990 plus the {@link PortOffset} (default: {@code
 * -Dclinsum.portOffset}, else {@code CLINSUM_PORT_OFFSET}, else 0): servers with different offsets
 * and installations run side by side.
 *
 * <pre>{@code
 * try (LocalServer server = LocalServer.builder().systemProperty("clinsum.demo-users", "true").build()) {
 *   server.start();
 *   HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/health")).build(), ...);
 * }
 * }</pre>
 *
 * <p>Paths default to the system properties that this module's build sets: {@value
 * #WILDFLY_HOME_PROPERTY}, {@value #EAR_PROPERTY}, {@value #JDBC_JAR_PROPERTY}, {@value
 * #CLI_SCRIPT_PROPERTY} and {@value #WORK_DIR_PROPERTY}.
 */
public final class LocalServer implements AutoCloseable {

  /** The unpacked WildFly distribution. */
  public static final String WILDFLY_HOME_PROPERTY = "clinsum.wildfly.home";

  /** The EAR to deploy. */
  public static final String EAR_PROPERTY = "clinsum.ear";

  /** The PostgreSQL JDBC driver jar that becomes the WildFly module {@code org.postgresql}. */
  public static final String JDBC_JAR_PROPERTY = "clinsum.jdbc.jar";

  /** The WildFly CLI script that configures the server ({@code configure-clinsum.cli}). */
  public static final String CLI_SCRIPT_PROPERTY = "clinsum.cli.script";

  /** Where the database files and process logs go. */
  public static final String WORK_DIR_PROPERTY = "clinsum.work.dir";

  /** The deployment name; the EAR is copied under this name whatever its file is called. */
  public static final String DEPLOYMENT_NAME = WildFlyProvisioning.DEPLOYMENT_NAME;

  private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
  private static final String CONTEXT_ROOT = "/clinsum";

  private final Path ear;
  private final Path workDirectory;
  private final PortOffset ports;
  private final Map<String, String> systemProperties;
  private final String readinessPath;
  private final Duration startTimeout;
  private final EmbeddedDatabase database;
  private final WildFlyProvisioning provisioning;
  private final WildFlyProcess wildfly;
  private final Cli cli;
  private final HttpClient http;
  private final Thread shutdownHook = new Thread(this::stopOnExit, "clinsum-local-server-exit");

  private boolean started;
  private volatile boolean closed;

  private LocalServer(Builder builder) {
    Path wildflyHome = builder.wildflyHome.toAbsolutePath().normalize();
    this.ear = builder.ear.toAbsolutePath().normalize();
    this.workDirectory = builder.workDirectory.toAbsolutePath().normalize();
    this.ports = builder.portOffset;
    this.systemProperties = Map.copyOf(builder.systemProperties);
    this.readinessPath = builder.readinessPath;
    this.startTimeout = builder.startTimeout;
    this.database = new EmbeddedDatabase(workDirectory, builder.databaseName, builder.databasePort);
    this.provisioning =
        new WildFlyProvisioning(wildflyHome, builder.cliScript, builder.jdbcDriver, workDirectory);
    this.wildfly = new WildFlyProcess(wildflyHome, ports, consoleLogFile());
    this.cli = new Cli(wildflyHome, workDirectory);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** Returns a builder whose unset paths come from the {@code clinsum.*} system properties. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts everything from a clean state: a fresh database, WildFly configured (once per
   * installation), the EAR deployed, and the readiness URL answering.
   *
   * @throws IllegalStateException if already started or closed, or if the ports are taken
   * @throws LocalServerException if a process fails to start, the deployment fails or the start
   *     timeout passes; the message carries the relevant log lines
   */
  public synchronized void start() {
    checkOpen();
    if (started) {
      throw new IllegalStateException("LocalServer already started");
    }
    started = true;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      Files.createDirectories(workDirectory);
      database.wipe();
      database.start();
      database.createDatabase();
      provisioning.configure();
      provisioning.reset();
      Files.deleteIfExists(consoleLogFile());
      provisioning.deploy(ear);
      startServer();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** {@code http://localhost:<8080 + offset>/clinsum}, without a trailing slash. */
  public String baseUrl() {
    return "http://localhost:" + ports.httpPort() + CONTEXT_ROOT;
  }

  /** The port offset this server runs with; its HTTP and management ports. */
  public PortOffset ports() {
    return ports;
  }

  /** The JDBC URL of the application's database (user {@code postgres}, no password needed). */
  public String jdbcUrl() {
    return database.jdbcUrl();
  }

  /** Opens a new connection to the application's database; the caller closes it. */
  public Connection openJdbcConnection() throws SQLException {
    return database.openConnection();
  }

  /** The WildFly installation this instance runs. */
  public Path wildflyHome() {
    return provisioning.wildflyHome();
  }

  /** {@code standalone/deployments}: holds the EAR and its {@code .deployed} marker. */
  public Path deploymentsDirectory() {
    return provisioning.deploymentsDirectory();
  }

  /** {@code standalone/log/server.log}. */
  public Path serverLogFile() {
    return provisioning.serverLogFile();
  }

  /** The file that receives WildFly's standard output and error, across restarts. */
  public Path consoleLogFile() {
    return workDirectory.resolve("wildfly-console.log");
  }

  /** Whether the WildFly process is alive. */
  public boolean isServerRunning() {
    return wildfly.isRunning();
  }

  /**
   * Kills WildFly with SIGKILL (the launcher script and its JVM), as a crash would. The deployment
   * stays in place; {@link #startServer()} brings it back.
   */
  public synchronized void killServer() {
    checkOpen();
    wildfly.kill();
  }

  /**
   * Stops WildFly gracefully (SIGTERM to its JVM, which runs WildFly's orderly shutdown), then
   * SIGKILL if it has not exited within 60 s.
   */
  public synchronized void stopServer() {
    checkOpen();
    wildfly.stop();
  }

  /**
   * Starts WildFly on the configuration and deployments already in place, and waits until the
   * management API reports it running with the EAR deployed and the readiness URL answers with a
   * status below 500.
   */
  public synchronized void startServer() {
    startServer(Map.of());
  }

  /**
   * {@link #startServer()} with system properties added to (or replacing) the configured ones, for
   * this start only: a test that needs another backend restarts the server with them, then restarts
   * it without.
   */
  public synchronized void startServer(Map<String, String> extraSystemProperties) {
    checkOpen();
    if (wildfly.isRunning()) {
      throw new IllegalStateException("WildFly is already running");
    }
    if (!database.isRunning()) {
      throw new IllegalStateException("start the database before the server");
    }
    long begin = System.nanoTime();
    long deadline = begin + startTimeout.toNanos();
    try {
      Files.deleteIfExists(deploymentsDirectory().resolve(DEPLOYMENT_NAME + ".failed"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> properties = new LinkedHashMap<>(systemProperties);
    properties.putAll(extraSystemProperties);
    wildfly.start(properties, database.serverEnvironment());
    List<String> bootErrors = wildfly.awaitRunning(deadline);
    awaitDeployment(bootErrors, deadline);
    long deployed = System.nanoTime();
    awaitReadiness(deadline);
    LOG.info(
        "WildFly started with {} deployed in {} ms, {} answering after {} ms more",
        DEPLOYMENT_NAME,
        (deployed - begin) / 1_000_000,
        baseUrl() + readinessPath,
        (System.nanoTime() - deployed) / 1_000_000);
  }

  /** Stops PostgreSQL; its data directory stays. WildFly keeps running and sees a dead database. */
  public synchronized void stopDatabase() {
    checkOpen();
    database.stop();
  }

  /**
   * Starts PostgreSQL on the same port and data directory as before, keeping the data. The first
   * call picks a free port unless the builder set one.
   */
  public synchronized void startDatabase() {
    checkOpen();
    database.start();
  }

  /**
   * Runs commands against the running server with {@code jboss-cli.sh --connect} on its management
   * port (local authentication, no password) and returns the CLI's output.
   *
   * @throws LocalServerException if the CLI exits with a non-zero status
   */
  public String executeCli(String... commands) {
    checkOpen();
    return cli.connect(ports.managementPort(), List.of(commands), Duration.ofSeconds(120));
  }

  /** Stops WildFly, then PostgreSQL. Safe to call more than once. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      wildfly.stop();
    } finally {
      database.stop();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down: the hook runs (or ran) stopOnExit, which tolerates this.
      }
    }
  }

  /**
   * The shutdown hook. Takes no lock (a start() stuck waiting for WildFly holds it): stops whatever
   * this instance started and is still running, so that no process outlives the JVM.
   */
  private void stopOnExit() {
    closed = true;
    wildfly.stopOnExit();
    database.stopOnExit();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("LocalServer is closed");
    }
  }

  /**
   * After the boot: the deployment's {@code .failed} marker or boot errors fail at once; otherwise
   * waits until the management API reports the deployment {@code OK} and the scanner has written
   * its {@code .deployed} marker (a marker from before a kill is not enough on its own).
   */
  private void awaitDeployment(List<String> bootErrors, long deadline) {
    Path deployedMarker = deploymentsDirectory().resolve(DEPLOYMENT_NAME + ".deployed");
    Path failedMarker = deploymentsDirectory().resolve(DEPLOYMENT_NAME + ".failed");
    try {
      while (true) {
        if (Files.exists(failedMarker)) {
          throw new LocalServerException(
              "Deployment of "
                  + DEPLOYMENT_NAME
                  + " failed:\n"
                  + Files.readString(failedMarker)
                  + "\n--- server.log tail ---\n"
                  + Io.tail(serverLogFile(), 60));
        }
        if (!bootErrors.isEmpty()) {
          throw new LocalServerException(
              "WildFly started with errors: "
                  + bootErrors
                  + "\n--- server.log tail ---\n"
                  + Io.tail(serverLogFile(), 80));
        }
        if (wildfly.hasExited()) {
          throw new LocalServerException(
              "WildFly exited\n--- console tail ---\n" + Io.tail(consoleLogFile(), 60));
        }
        Optional<String> status = wildfly.deploymentStatus(DEPLOYMENT_NAME);
        if (status.filter("FAILED"::equals).isPresent() && !Files.exists(failedMarker)) {
          throw new LocalServerException(
              "Deployment of "
                  + DEPLOYMENT_NAME
                  + " failed\n--- server.log tail ---\n"
                  + Io.tail(serverLogFile(), 60));
        }
        if (status.filter("OK"::equals).isPresent() && Files.exists(deployedMarker)) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new LocalServerException(
              "WildFly did not deploy "
                  + DEPLOYMENT_NAME
                  + " within "
                  + startTimeout.toSeconds()
                  + " s (status: "
                  + status.orElse("none")
                  + ")\n--- server.log tail ---\n"
                  + Io.tail(serverLogFile(), 60));
        }
        Io.pause();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReadiness(long deadline) {
    URI uri = URI.create(baseUrl() + readinessPath);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status < 500) {
          return;
        }
        last = "HTTP " + status;
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalServerException("Interrupted while waiting for " + uri, e);
      }
      Io.pause();
    }
    throw new LocalServerException(
        uri
            + " did not answer below 500 within "
            + startTimeout.toSeconds()
            + " s (last: "
            + last
            + ")\n--- server.log tail ---\n"
            + Io.tail(serverLogFile(), 60));
  }

  /** Options of a {@link LocalServer}; every one is optional. */
  public static final class Builder {
    private Path wildflyHome;
    private Path ear;
    private Path jdbcDriver;
    private Path cliScript;
    private Path workDirectory;
    private int databasePort;
    private String databaseName;
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private String readinessPath;
    private Duration startTimeout;
    private PortOffset portOffset;

    private Builder() {}

    /**
     * The port offset: HTTP on 8080 plus it, management on 9990 plus it; default {@link
     * PortOffset#fromEnvironment()} (system property {@code clinsum.portOffset}, else environment
     * variable {@code CLINSUM_PORT_OFFSET}, else 0).
     */
    public Builder portOffset(PortOffset portOffset) {
      this.portOffset = portOffset;
      return this;
    }

    /**
     * The unpacked WildFly 39 distribution; default: system property {@code clinsum.wildfly.home}.
     */
    public Builder wildflyHome(Path wildflyHome) {
      this.wildflyHome = wildflyHome;
      return this;
    }

    /** The EAR to deploy; default: system property {@code clinsum.ear}. */
    public Builder ear(Path ear) {
      this.ear = ear;
      return this;
    }

    /** The PostgreSQL JDBC driver jar; default: system property {@code clinsum.jdbc.jar}. */
    public Builder jdbcDriver(Path jdbcDriver) {
      this.jdbcDriver = jdbcDriver;
      return this;
    }

    /** {@code configure-clinsum.cli}; default: system property {@code clinsum.cli.script}. */
    public Builder cliScript(Path cliScript) {
      this.cliScript = cliScript;
      return this;
    }

    /**
     * Database files and process logs; default: system property {@code clinsum.work.dir}, else
     * {@code devserver} next to the WildFly home. Wiped in part by every {@link #start()}.
     */
    public Builder workDirectory(Path workDirectory) {
      this.workDirectory = workDirectory;
      return this;
    }

    /** PostgreSQL's port; default 0: a free port picked at start and kept across restarts. */
    public Builder databasePort(int databasePort) {
      if (databasePort < 0 || databasePort > 65535) {
        throw new IllegalArgumentException("databasePort must be 0..65535: " + databasePort);
      }
      this.databasePort = databasePort;
      return this;
    }

    /** The database the application uses; default {@code clinsum}. */
    public Builder databaseName(String databaseName) {
      if (databaseName != null && !databaseName.matches("[a-z_][a-z0-9_]*")) {
        throw new IllegalArgumentException("databaseName must match [a-z_][a-z0-9_]*");
      }
      this.databaseName = databaseName;
      return this;
    }

    /** A system property for the WildFly JVM, e.g. {@code clinsum.demo-users=true}. */
    public Builder systemProperty(String key, String value) {
      if (key == null || key.isBlank() || value == null) {
        throw new IllegalArgumentException("system property key and value are required");
      }
      systemProperties.put(key, value);
      return this;
    }

    /**
     * The path under {@link LocalServer#baseUrl()} that must answer (any status below 500, so 401
     * counts) before the server is ready; default {@code /api/health}.
     */
    public Builder readinessPath(String readinessPath) {
      if (readinessPath != null && !readinessPath.startsWith("/")) {
        throw new IllegalArgumentException("readinessPath must start with /: " + readinessPath);
      }
      this.readinessPath = readinessPath;
      return this;
    }

    /** How long WildFly may take to start, deploy and answer; default 180 s. */
    public Builder startTimeout(Duration startTimeout) {
      this.startTimeout = startTimeout;
      return this;
    }

    /**
     * Applies defaults and returns an unstarted server.
     *
     * @throws IllegalStateException naming the system property to set when a path is missing
     */
    public LocalServer build() {
      wildflyHome = orProperty(wildflyHome, WILDFLY_HOME_PROPERTY);
      ear = orProperty(ear, EAR_PROPERTY);
      jdbcDriver = orProperty(jdbcDriver, JDBC_JAR_PROPERTY);
      cliScript = orProperty(cliScript, CLI_SCRIPT_PROPERTY);
      if (workDirectory == null) {
        String property = System.getProperty(WORK_DIR_PROPERTY);
        workDirectory =
            property != null
                ? Path.of(property)
                : wildflyHome.toAbsolutePath().getParent().resolve("devserver");
      }
      if (databaseName == null) {
        databaseName = "clinsum";
      }
      if (readinessPath == null) {
        readinessPath = "/api/health";
      }
      if (startTimeout == null) {
        startTimeout = Duration.ofSeconds(180);
      }
      if (portOffset == null) {
        portOffset = PortOffset.fromEnvironment();
      }
      return new LocalServer(this);
    }

    private static Path orProperty(Path value, String property) {
      if (value != null) {
        return value;
      }
      String path = System.getProperty(property);
      if (path == null || path.isBlank()) {
        throw new IllegalStateException(
            "Set the system property " + property + " or the matching LocalServer.Builder option");
      }
      return Path.of(path);
    }
  }
}
