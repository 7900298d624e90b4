package io.clinsum.ee.infrastructure.security;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the first accounts on an empty user table: an {@code admin} whose password is the
 * environment variable {@code CLINSUM_ADMIN_PASSWORD} (production), or, when the system property
 * {@code clinsum.demo-users} is {@code true}, the demo accounts clinician/clinician,
 * reviewer/reviewer and admin/admin (local runs and tests only).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class FirstUsers {
  private static final Logger LOG = Logger.getLogger(FirstUsers.class.getName());

  @EJB private UserService users;

  @PostConstruct
  void create() {
    if (users.anyUser()) {
      return;
    }
    if (Boolean.getBoolean("clinsum.demo-users")) {
      for (String role : new String[] {Actor.CLINICIAN, Actor.REVIEWER, Actor.ADMIN}) {
        users.create(Actor.SYSTEM, role, role.toCharArray(), Set.of(role));
      }
      LOG.warning(
          "Created the demo users clinician, reviewer and admin: never do this in production");
      return;
    }
    String password = System.getenv("CLINSUM_ADMIN_PASSWORD");
    if (password != null && !password.isBlank()) {
      users.create(Actor.SYSTEM, "admin", password.toCharArray(), Set.of(Actor.ADMIN));
      LOG.info("Created the first admin account from CLINSUM_ADMIN_PASSWORD");
    } else {
      LOG.warning(
          "No users exist; set CLINSUM_ADMIN_PASSWORD and restart to create the first admin");
    }
  }
}
