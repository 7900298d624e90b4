package io.clinsum.ee.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares an unpacked WildFly distribution for ClinSum while no server runs: {@link #configure()}
 * runs {@code configure-clinsum.cli} in the CLI's offline mode ({@code embed-server}: PostgreSQL
 * driver module, {@code ClinSumDS}, Undertow settings), {@link #reset()} brings the installation
 * back to that configured state, {@link #deploy(Path)} drops the EAR into {@code
 * standalone/deployments}.
 *
 * <pre>{@code
 * WildFlyProvisioning wildfly = new WildFlyProvisioning(home, cliScript, jdbcJar, workDir);
 * wildfly.configure();   // once per installation; again when the script or driver changes
 * wildfly.reset();
 * wildfly.deploy(ear);
 * }</pre>
 */
public final class WildFlyProvisioning {

  /** The deployment name; the EAR is copied under this name whatever its file is called. */
  public static final String DEPLOYMENT_NAME = "clinsum.ear";

  private static final Logger LOG = LoggerFactory.getLogger(WildFlyProvisioning.class);
  private static final String CONFIG_MARKER = "clinsum-configured.sha256";
  private static final String ORIGINAL_CONFIG = "standalone.xml.original";
  private static final String CLINSUM_CONFIG = "standalone.xml.clinsum";

  private final Path wildflyHome;
  private final Path cliScript;
  private final Path jdbcDriver;
  private final Cli cli;

  /**
   * @param wildflyHome the unpacked {@code wildfly-dist} (WildFly 39)
   * @param cliScript {@code ee-app/wildfly/configure-clinsum.cli}
   * @param jdbcDriver the PostgreSQL JDBC jar that becomes the module {@code org.postgresql}
   * @param scratchDirectory where the CLI's output goes while it runs
   */
  public WildFlyProvisioning(
      Path wildflyHome, Path cliScript, Path jdbcDriver, Path scratchDirectory) {
    this.wildflyHome = wildflyHome.toAbsolutePath().normalize();
    this.cliScript = cliScript.toAbsolutePath().normalize();
    this.jdbcDriver = jdbcDriver.toAbsolutePath().normalize();
    this.cli = new Cli(this.wildflyHome, scratchDirectory.toAbsolutePath().normalize());
  }

  /**
   * Runs the CLI script once per installation: a marker holds the hash of the script and driver it
   * ran with. When either changes, the original {@code standalone.xml} and modules come back first.
   *
   * @throws IllegalStateException naming the system property to set when a file is missing
   */
  public void configure() {
    Io.requireFile(wildflyHome.resolve("bin/standalone.sh"), LocalServer.WILDFLY_HOME_PROPERTY);
    Io.requireFile(cliScript, LocalServer.CLI_SCRIPT_PROPERTY);
    Io.requireFile(jdbcDriver, LocalServer.JDBC_JAR_PROPERTY);
    try {
      Path marker = configurationDirectory().resolve(CONFIG_MARKER);
      Path standaloneXml = configurationDirectory().resolve("standalone.xml");
      Path original = configurationDirectory().resolve(ORIGINAL_CONFIG);
      Path configured = configurationDirectory().resolve(CLINSUM_CONFIG);
      String hash = Io.sha256(cliScript, jdbcDriver);
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
      Io.deleteRecursively(wildflyHome.resolve("modules/org/postgresql"));
      cli.run(
          List.of("--file=" + cliScript, "-D" + LocalServer.JDBC_JAR_PROPERTY + "=" + jdbcDriver),
          Duration.ofSeconds(180));
      Files.copy(standaloneXml, configured, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(marker, hash + "\n");
      LOG.info(
          "WildFly configured by {} in {} ms", cliScript, (System.nanoTime() - begin) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The configured {@code standalone.xml} again, and no deployments, markers, data, tmp or logs.
   *
   * @throws IllegalStateException if {@link #configure()} has not run on this installation
   */
  public void reset() {
    Path configured = configurationDirectory().resolve(CLINSUM_CONFIG);
    if (!Files.exists(configured)) {
      throw new IllegalStateException("configure() the installation first: " + wildflyHome);
    }
    try {
      Files.copy(
          configured,
          configurationDirectory().resolve("standalone.xml"),
          StandardCopyOption.REPLACE_EXISTING);
      for (String dir : List.of("data", "tmp", "log")) {
        Io.deleteRecursively(wildflyHome.resolve("standalone").resolve(dir));
      }
      try (Stream<Path> files = Files.list(deploymentsDirectory())) {
        for (Path file : files.toList()) {
          if (!file.getFileName().toString().equals("README.txt")) {
            Io.deleteRecursively(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies {@code ear} to {@code standalone/deployments/clinsum.ear}. */
  public void deploy(Path ear) {
    Io.requireFile(ear, LocalServer.EAR_PROPERTY);
    try {
      Files.copy(
          ear,
          deploymentsDirectory().resolve(DEPLOYMENT_NAME),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The installation. */
  public Path wildflyHome() {
    return wildflyHome;
  }

  /** {@code standalone/deployments}. */
  public Path deploymentsDirectory() {
    return wildflyHome.resolve("standalone/deployments");
  }

  /** {@code standalone/log/server.log}. */
  public Path serverLogFile() {
    return wildflyHome.resolve("standalone/log/server.log");
  }

  private Path configurationDirectory() {
    return wildflyHome.resolve("standalone/configuration");
  }
}
