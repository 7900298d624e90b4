package io.clinsum.ee.arquillian;

import io.clinsum.ee.devserver.EmbeddedDatabase;
import io.clinsum.ee.devserver.PortOffset;
import io.clinsum.ee.devserver.WildFlyProvisioning;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any test class runs (so before Arquillian starts the managed container): configures the
 * module's WildFly with {@code configure-clinsum.cli} and starts an empty PostgreSQL on the port
 * that the build put in {@code CLINSUM_DB_URL}, the same parts as the devserver harness; sets
 * {@code arquillian.managementPort} from the port offset ({@code clinsum.portOffset}). Stops the
 * database when the session ends, after Arquillian has stopped WildFly.
 *
 * <p>Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}.
 */
public final class ProvisionedWildFly implements LauncherSessionListener {
  private EmbeddedDatabase database;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    // arquillian.xml reads it when the first test class starts, after this
    System.setProperty(
        "arquillian.managementPort",
        Integer.toString(PortOffset.fromEnvironment().managementPort()));
    Path workDirectory = Path.of(required("clinsum.work.dir"));
    WildFlyProvisioning wildfly =
        new WildFlyProvisioning(
            Path.of(required("clinsum.wildfly.home")),
            Path.of(required("clinsum.cli.script")),
            Path.of(required("clinsum.jdbc.jar")),
            workDirectory);
    wildfly.configure();
    wildfly.reset();
    int port = Integer.parseInt(required("clinsum.db.port"));
    EmbeddedDatabase db = new EmbeddedDatabase(workDirectory, "clinsum", port);
    String expected = "jdbc:postgresql://localhost:" + port + "/clinsum";
    if (!expected.equals(System.getenv("CLINSUM_DB_URL"))) {
      throw new IllegalStateException(
          "CLINSUM_DB_URL is " + System.getenv("CLINSUM_DB_URL") + ", not " + expected);
    }
    db.wipe();
    try {
      db.start();
      db.createDatabase();
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    database = db;
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (database != null) {
      database.close();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + property + " is not set: run these tests with mvn verify");
    }
    return value;
  }
}
