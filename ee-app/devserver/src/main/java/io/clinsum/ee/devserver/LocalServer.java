package io.clinsum.ee.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole ClinSum application on this machine: an embedded PostgreSQL, a WildFly configured by
 * {@code ee-app/wildfly/configure-clinsum.cli}, and the EAR deployed on it.
 *
 * <p>Each instance owns the processes it starts and stops them in {@link #close()}, which is also
 * run by a shutdown hook. The first {@link #start()} wipes the previous run's database, deployment
 * markers and server data, so every run begins from the same state. WildFly listens on the fixed
 * ports 8080 and 9990: run one instance per machine at a time.
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
  public static final String DEPLOYMENT_NAME = "clinsum.ear";

  private static final Logger LOG = LoggerFactory.getLogger(LocalServer.class);
  private static final int HTTP_PORT = 8080;
  private static final int MANAGEMENT_PORT = 9990;
  private static final String CONTEXT_ROOT = "/clinsum";
  private static final String DB_USER = "postgres";
  private static final String DB_PASSWORD = "postgres";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final String CONFIG_MARKER = "clinsum-configured.sha256";
  private static final String ORIGINAL_CONFIG = "standalone.xml.original";
  private static final String CLINSUM_CONFIG = "standalone.xml.clinsum";

  private final Path wildflyHome;
  private final Path ear;
  private final Path jdbcDriver;
  private final Path cliScript;
  private final Path workDirectory;
  private final String databaseName;
  private final Map<String, String> systemProperties;
  private final String readinessPath;
  private final Duration startTimeout;
  private final HttpClient http;
  private final Thread shutdownHook = new Thread(this::stopOnExit, "clinsum-local-server-exit");

  private int databasePort;
  // volatile: the shutdown hook reads them without the lock, which a stuck start() may hold
  private volatile EmbeddedPostgres database;
  private volatile Process server;
  private boolean started;
  private volatile boolean closed;

  private LocalServer(Builder builder) {
    this.wildflyHome = builder.wildflyHome.toAbsolutePath().normalize();
    this.ear = builder.ear.toAbsolutePath().normalize();
    this.jdbcDriver = builder.jdbcDriver.toAbsolutePath().normalize();
    this.cliScript = builder.cliScript.toAbsolutePath().normalize();
    this.workDirectory = builder.workDirectory.toAbsolutePath().normalize();
    this.databasePort = builder.databasePort;
    this.databaseName = builder.databaseName;
    this.systemProperties = Map.copyOf(builder.systemProperties);
    this.readinessPath = builder.readinessPath;
    this.startTimeout = builder.startTimeout;
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
   * @throws IllegalStateException if already started or closed, or if ports 8080/9990 are taken
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
      killStrayProcesses();
      cleanDatabase();
      startDatabase();
      createDatabase();
      configureWildFly();
      resetServerState();
      Files.copy(
          ear,
          deploymentsDirectory().resolve(DEPLOYMENT_NAME),
          StandardCopyOption.REPLACE_EXISTING);
      startServer();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** {@code http://localhost:8080/clinsum}, without a trailing slash. */
  public String baseUrl() {
    return "http://localhost:" + HTTP_PORT + CONTEXT_ROOT;
  }

  /** The JDBC URL of the application's database (user {@code postgres}, no password needed). */
  public synchronized String jdbcUrl() {
    if (databasePort == 0) {
      throw new IllegalStateException("the database has not been started yet");
    }
    return "jdbc:postgresql://localhost:" + databasePort + "/" + databaseName;
  }

  /** Opens a new connection to the application's database; the caller closes it. */
  public Connection openJdbcConnection() throws SQLException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl());
    dataSource.setUser(DB_USER);
    dataSource.setPassword(DB_PASSWORD);
    return dataSource.getConnection();
  }

  /** The WildFly installation this instance runs. */
  public Path wildflyHome() {
    return wildflyHome;
  }

  /** {@code standalone/deployments}: holds the EAR and its {@code .deployed} marker. */
  public Path deploymentsDirectory() {
    return wildflyHome.resolve("standalone/deployments");
  }

  /** {@code standalone/log/server.log}. */
  public Path serverLogFile() {
    return wildflyHome.resolve("standalone/log/server.log");
  }

  /** The file that receives WildFly's standard output and error, across restarts. */
  public Path consoleLogFile() {
    return workDirectory.resolve("wildfly-console.log");
  }

  /** Whether the WildFly process is alive. */
  public synchronized boolean isServerRunning() {
    return server != null && server.isAlive();
  }

  /**
   * Kills WildFly with SIGKILL (the launcher script and its JVM), as a crash would. The deployment
   * stays in place; {@link #startServer()} brings it back.
   */
  public synchronized void killServer() {
    checkOpen();
    if (server == null) {
      return;
    }
    List<ProcessHandle> tree = processTree(server);
    tree.forEach(ProcessHandle::destroyForcibly);
    awaitExit(tree, STOP_TIMEOUT);
    server = null;
    LOG.info("WildFly killed");
  }

  /**
   * Stops WildFly gracefully (SIGTERM to its JVM, which runs WildFly's orderly shutdown), then
   * SIGKILL if it has not exited within 60 s.
   */
  public synchronized void stopServer() {
    checkOpen();
    stopServerProcess();
  }

  /**
   * Starts WildFly on the configuration and deployments already in place, and waits until the EAR
   * is deployed and the readiness URL answers with a status below 500.
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
    if (isServerRunning()) {
      throw new IllegalStateException("WildFly is already running");
    }
    if (database == null) {
      throw new IllegalStateException("start the database before the server");
    }
    requirePortFree(HTTP_PORT);
    requirePortFree(MANAGEMENT_PORT);
    long begin = System.nanoTime();
    long deadline = begin + startTimeout.toNanos();
    try {
      Files.deleteIfExists(deploymentsDirectory().resolve(DEPLOYMENT_NAME + ".failed"));
      long consoleOffset = Files.exists(consoleLogFile()) ? Files.size(consoleLogFile()) : 0;
      server = launchServer(extraSystemProperties);
      awaitDeployment(consoleOffset, deadline);
      long deployed = System.nanoTime();
      awaitReadiness(deadline);
      LOG.info(
          "WildFly started with {} deployed in {} ms, {} answering after {} ms more",
          DEPLOYMENT_NAME,
          (deployed - begin) / 1_000_000,
          baseUrl() + readinessPath,
          (System.nanoTime() - deployed) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops PostgreSQL; its data directory stays. WildFly keeps running and sees a dead database. */
  public synchronized void stopDatabase() {
    checkOpen();
    stopDatabaseProcess();
  }

  /**
   * Starts PostgreSQL on the same port and data directory as before, keeping the data. The first
   * call picks a free port unless the builder set one.
   */
  public synchronized void startDatabase() {
    checkOpen();
    if (database != null) {
      throw new IllegalStateException("the database is already running");
    }
    long begin = System.nanoTime();
    try {
      if (databasePort == 0) {
        databasePort = freePort();
      }
      Path binaries = workDirectory.resolve("pg-binaries");
      Files.createDirectories(binaries);
      database =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(binaries.toFile())
              .setDataDirectory(dataDirectory())
              // Never true: EmbeddedPostgres would also delete the data directory on close,
              // and stopDatabase/startDatabase must keep it. start() wipes it instead.
              .setCleanDataDirectory(false)
              .setPort(databasePort)
              .setRegisterShutdownHook(false)
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(postgresLogFile().toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(postgresLogFile().toFile()))
              .start();
    } catch (IOException e) {
      throw new LocalServerException(
          "PostgreSQL did not start on port " + databasePort + "; see " + postgresLogFile(), e);
    }
    LOG.info(
        "PostgreSQL started on port {} in {} ms",
        databasePort,
        (System.nanoTime() - begin) / 1_000_000);
  }

  /**
   * Runs commands against the running server with {@code jboss-cli.sh --connect} (local
   * authentication, no password) and returns the CLI's output.
   *
   * @throws LocalServerException if the CLI exits with a non-zero status
   */
  public String executeCli(String... commands) {
    checkOpen();
    try {
      Path script = Files.createTempFile(workDirectory, "commands-", ".cli");
      try {
        Files.write(script, List.of(commands));
        return runAndCapture(
            List.of(
                wildflyHome.resolve("bin/jboss-cli.sh").toString(),
                "--connect",
                "--file=" + script),
            Duration.ofSeconds(120));
      } finally {
        Files.deleteIfExists(script);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops WildFly, then PostgreSQL. Safe to call more than once. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stopServerProcess();
    } finally {
      stopDatabaseProcess();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is shutting down: the hook runs (or ran) stopOnExit, which tolerates this.
      }
    }
  }

  /**
   * The shutdown hook. Takes no lock (a start() stuck waiting for WildFly holds it): stops whatever
   * is still running so that no process outlives the JVM.
   */
  private void stopOnExit() {
    closed = true;
    Process process = server;
    if (process != null) {
      List<ProcessHandle> tree = processTree(process);
      tree.stream().filter(p -> !p.equals(process.toHandle())).forEach(ProcessHandle::destroy);
      if (!awaitExit(tree, Duration.ofSeconds(30))) {
        tree.forEach(ProcessHandle::destroyForcibly);
      }
    }
    EmbeddedPostgres db = database;
    if (db != null) {
      try {
        db.close();
      } catch (IOException e) {
        LOG.warn("PostgreSQL did not stop; see {}", postgresLogFile(), e);
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("LocalServer is closed");
    }
  }

  private Path dataDirectory() {
    return workDirectory.resolve("pgdata");
  }

  private Path postgresLogFile() {
    return workDirectory.resolve("postgres.log");
  }

  private Path configurationDirectory() {
    return wildflyHome.resolve("standalone/configuration");
  }

  /** Processes left by a JVM that died without running its shutdown hooks. */
  private void killStrayProcesses() throws IOException {
    String homeArgument = "-Djboss.home.dir=" + wildflyHome;
    List<ProcessHandle> strays =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains(homeArgument)).orElse(false))
            .toList();
    if (!strays.isEmpty()) {
      LOG.warn("Killing WildFly left running by an earlier run: pid {}", strays);
      strays.forEach(ProcessHandle::destroyForcibly);
      awaitExit(strays, STOP_TIMEOUT);
    }
    Path pidFile = dataDirectory().resolve("postmaster.pid");
    if (Files.exists(pidFile)) {
      String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
      if (firstLine.matches("\\d+")) {
        ProcessHandle.of(Long.parseLong(firstLine))
            .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
            .ifPresent(
                p -> {
                  LOG.warn("Killing PostgreSQL left running by an earlier run: pid {}", p.pid());
                  p.destroyForcibly();
                  awaitExit(List.of(p), STOP_TIMEOUT);
                });
      }
    }
  }

  private void cleanDatabase() throws IOException {
    deleteRecursively(dataDirectory());
    Files.deleteIfExists(postgresLogFile());
  }

  private void createDatabase() {
    try (Connection connection = database.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + databaseName);
    } catch (SQLException e) {
      throw new LocalServerException("Could not create database " + databaseName, e);
    }
  }

  /**
   * Runs the CLI script once per installation: a marker holds the hash of the script and driver it
   * ran with. When either changes, the original standalone.xml and modules are restored first.
   */
  private void configureWildFly() throws IOException {
    requireFile(wildflyHome.resolve("bin/standalone.sh"), WILDFLY_HOME_PROPERTY);
    requireFile(cliScript, CLI_SCRIPT_PROPERTY);
    requireFile(jdbcDriver, JDBC_JAR_PROPERTY);
    requireFile(ear, EAR_PROPERTY);
    Path marker = configurationDirectory().resolve(CONFIG_MARKER);
    Path standaloneXml = configurationDirectory().resolve("standalone.xml");
    Path original = configurationDirectory().resolve(ORIGINAL_CONFIG);
    Path configured = configurationDirectory().resolve(CLINSUM_CONFIG);
    String hash = sha256(cliScript, jdbcDriver);
    if (Files.exists(marker)
        && Files.exists(configured)
        && Files.readString(marker).trim().equals(hash)) {
      return;
    }
    long begin = System.nanoTime();
    if (Files.exists(original)) {
      Files.copy(original, standaloneXml, StandardCopyOption.REPLACE_EXISTING);
    } else {
      Files.copy(standaloneXml, original);
    }
    deleteRecursively(wildflyHome.resolve("modules/org/postgresql"));
    runAndCapture(
        List.of(
            wildflyHome.resolve("bin/jboss-cli.sh").toString(),
            "--file=" + cliScript,
            "-D" + JDBC_JAR_PROPERTY + "=" + jdbcDriver),
        Duration.ofSeconds(180));
    Files.copy(standaloneXml, configured, StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(marker, hash + "\n");
    LOG.info(
        "WildFly configured by {} in {} ms", cliScript, (System.nanoTime() - begin) / 1_000_000);
  }

  /** Configured standalone.xml without deployments, no markers, no data, tmp or logs. */
  private void resetServerState() throws IOException {
    Files.copy(
        configurationDirectory().resolve(CLINSUM_CONFIG),
        configurationDirectory().resolve("standalone.xml"),
        StandardCopyOption.REPLACE_EXISTING);
    for (String dir : List.of("data", "tmp", "log")) {
      deleteRecursively(wildflyHome.resolve("standalone").resolve(dir));
    }
    try (Stream<Path> files = Files.list(deploymentsDirectory())) {
      for (Path file : files.toList()) {
        if (!file.getFileName().toString().equals("README.txt")) {
          deleteRecursively(file);
        }
      }
    }
    Files.deleteIfExists(consoleLogFile());
  }

  private Process launchServer(Map<String, String> extra) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(wildflyHome.resolve("bin/standalone.sh").toString());
    Map<String, String> properties = new java.util.LinkedHashMap<>(systemProperties);
    properties.putAll(extra);
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    ProcessBuilder builder = new ProcessBuilder(command).directory(wildflyHome.toFile());
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.remove("JAVA");
    env.put("JBOSS_HOME", wildflyHome.toString());
    env.put("CLINSUM_DB_URL", jdbcUrl());
    env.put("CLINSUM_DB_USER", DB_USER);
    env.put("CLINSUM_DB_PASSWORD", DB_PASSWORD);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLogFile().toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    return builder.start();
  }

  /**
   * Waits for this boot's "started" message (WFLYSRV0025) plus the deployment's WFLYSRV0010 line
   * and {@code .deployed} marker. A marker from before a kill is not enough on its own.
   */
  private void awaitDeployment(long consoleOffset, long deadline) throws IOException {
    Path deployedMarker = deploymentsDirectory().resolve(DEPLOYMENT_NAME + ".deployed");
    Path failedMarker = deploymentsDirectory().resolve(DEPLOYMENT_NAME + ".failed");
    while (true) {
      if (Files.exists(failedMarker)) {
        throw new LocalServerException(
            "Deployment of "
                + DEPLOYMENT_NAME
                + " failed:\n"
                + Files.readString(failedMarker)
                + "\n--- server.log tail ---\n"
                + tail(serverLogFile(), 60));
      }
      if (!server.isAlive()) {
        throw new LocalServerException(
            "WildFly exited with status "
                + server.exitValue()
                + "\n--- console tail ---\n"
                + tail(consoleLogFile(), 60));
      }
      String console = readFrom(consoleLogFile(), consoleOffset);
      if (console.contains("WFLYSRV0026")) {
        throw new LocalServerException(
            "WildFly started with errors\n--- server.log tail ---\n" + tail(serverLogFile(), 80));
      }
      if (console.contains("WFLYSRV0025")
          && console.contains("Deployed \"" + DEPLOYMENT_NAME + "\"")
          && Files.exists(deployedMarker)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new LocalServerException(
            "WildFly did not start and deploy "
                + DEPLOYMENT_NAME
                + " within "
                + startTimeout.toSeconds()
                + " s\n--- server.log tail ---\n"
                + tail(serverLogFile(), 60));
      }
      pause();
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
      pause();
    }
    throw new LocalServerException(
        uri
            + " did not answer below 500 within "
            + startTimeout.toSeconds()
            + " s (last: "
            + last
            + ")\n--- server.log tail ---\n"
            + tail(serverLogFile(), 60));
  }

  private void stopServerProcess() {
    if (server == null) {
      return;
    }
    List<ProcessHandle> tree = processTree(server);
    // SIGTERM to the JVM: the script defers signals while its foreground child runs.
    List<ProcessHandle> jvms = tree.stream().filter(p -> !p.equals(server.toHandle())).toList();
    (jvms.isEmpty() ? tree : jvms).forEach(ProcessHandle::destroy);
    if (!awaitExit(tree, STOP_TIMEOUT)) {
      LOG.warn("WildFly did not stop within {} s; killing it", STOP_TIMEOUT.toSeconds());
      tree.forEach(ProcessHandle::destroyForcibly);
      awaitExit(tree, STOP_TIMEOUT);
    }
    server = null;
    LOG.info("WildFly stopped");
  }

  private void stopDatabaseProcess() {
    if (database == null) {
      return;
    }
    try {
      database.close();
      LOG.info("PostgreSQL stopped");
    } catch (IOException e) {
      throw new LocalServerException("PostgreSQL did not stop; see " + postgresLogFile(), e);
    } finally {
      database = null;
    }
  }

  /** The process and all its descendants, captured before anything is killed. */
  private static List<ProcessHandle> processTree(Process process) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    return tree;
  }

  private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle process : processes) {
      try {
        process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException e) {
        throw new LocalServerException("Waiting for process " + process.pid() + " failed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private String runAndCapture(List<String> command, Duration timeout) {
    Path output = null;
    try {
      output = Files.createTempFile(workDirectory, "cli-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(wildflyHome.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().remove("JAVA");
      builder.environment().put("JBOSS_HOME", wildflyHome.toString());
      builder.redirectErrorStream(true).redirectOutput(output.toFile());
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      Process process = builder.start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        processTree(process).forEach(ProcessHandle::destroyForcibly);
        throw new LocalServerException(
            "Timed out after " + timeout.toSeconds() + " s: " + command + "\n" + tail(output, 40));
      }
      String text = Files.readString(output);
      if (process.exitValue() != 0) {
        throw new LocalServerException(
            "Exit status " + process.exitValue() + " from " + command + "\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalServerException("Interrupted while running " + command, e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException e) {
          LOG.debug("Could not delete {}", output, e);
        }
      }
    }
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
            + " is in use: another WildFly (or LocalServer) is running on this machine; stop it"
            + " first");
  }

  private static void requireFile(Path file, String property) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "Not found: "
              + file
              + " (set -D"
              + property
              + "=..., or build this module with mvn"
              + " verify so that it exists)");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String sha256(Path... files) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : files) {
        digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String readFrom(Path file, long offset) throws IOException {
    if (!Files.exists(file)) {
      return "";
    }
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(Math.min(offset, Files.size(file)));
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String tail(Path file, int lines) {
    try {
      if (!Files.exists(file)) {
        return "(" + file + " does not exist)";
      }
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(could not read " + file + ": " + e + ")";
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalServerException("Interrupted while waiting for WildFly", e);
    }
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

    private Builder() {}

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
