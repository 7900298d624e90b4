package io.clinsum.ee.arquillian;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The EAR that {@code ee-app/ear} built (system property {@code clinsum.ear}), as it is shipped,
 * with the test classes added to its web module and AssertJ to its {@code lib/}. Arquillian adds
 * its servlet protocol to the same web module, so the tests run with the application's own class
 * loaders, CDI beans, EJBs and persistence unit.
 */
final class ClinSumDeployment {
  static final String WEB_MODULE = "clinsum-web.war";

  private ClinSumDeployment() {}

  /** The shipped EAR plus the classes of this test package that run in the server. */
  static EnterpriseArchive ear() {
    String path = System.getProperty("clinsum.ear");
    if (path == null) {
      throw new IllegalStateException("System property clinsum.ear is not set: run mvn verify");
    }
    EnterpriseArchive ear =
        ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(path))
            .as(EnterpriseArchive.class);
    WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
    if (web == null) {
      throw new IllegalStateException(path + " has no " + WEB_MODULE);
    }
    web.addPackage(ClinSumDeployment.class.getPackage());
    web.deleteClass(ProvisionedWildFly.class); // runs in the test JVM, not in the server
    ear.addAsLibraries(jarOf(Assertions.class));
    return ear;
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("No jar for " + type, e);
    }
  }
}
