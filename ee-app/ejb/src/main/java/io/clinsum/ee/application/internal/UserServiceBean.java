package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.UserService;
import io.clinsum.ee.application.port.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

@Stateless
public class UserServiceBean implements UserService {
  /** PBKDF2 settings for new hashes; each stored hash carries its own, so they can be raised. */
  static final Map<String, String> HASH_PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
          "Pbkdf2PasswordHash.Iterations", "100000",
          "Pbkdf2PasswordHash.SaltSizeBytes", "16",
          "Pbkdf2PasswordHash.KeySizeBytes", "32");

  private static final Set<String> ROLES = Set.of(Actor.CLINICIAN, Actor.REVIEWER, Actor.ADMIN);
  private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
  static final int MIN_PASSWORD = 5;

  @PersistenceContext private EntityManager em;
  @Inject private Pbkdf2PasswordHash hash;
  @Inject AuditLog audit;

  @Override
  public UserView create(Actor actor, String username, char[] password, Set<String> roles) {
    List<Map.Entry<String, String>> problems = new ArrayList<>();
    if (username == null || !USERNAME.matcher(username).matches()) {
      problems.add(
          Map.entry("username", "must be 2-64 lower-case letters, digits, '.', '_' or '-'"));
    }
    if (password == null || password.length < MIN_PASSWORD) {
      problems.add(Map.entry("password", "must have at least " + MIN_PASSWORD + " characters"));
    }
    if (roles == null || roles.isEmpty() || !ROLES.containsAll(roles)) {
      problems.add(Map.entry("roles", "must be one or more of " + new TreeSet<>(ROLES)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    if (em.createNativeQuery("SELECT 1 FROM app_user WHERE username = ?1")
            .setParameter(1, username)
            .getResultList()
            .size()
        > 0) {
      throw new ConflictException("User " + username + " already exists");
    }
    hash.initialize(HASH_PARAMETERS);
    String stored = hash.generate(password);
    Arrays.fill(password, '\0');
    em.createNativeQuery("INSERT INTO app_user (username, password_hash) VALUES (?1, ?2)")
        .setParameter(1, username)
        .setParameter(2, stored)
        .executeUpdate();
    for (String role : new TreeSet<>(roles)) {
      em.createNativeQuery("INSERT INTO app_user_role (username, role) VALUES (?1, ?2)")
          .setParameter(1, username)
          .setParameter(2, role)
          .executeUpdate();
    }
    audit.record(actor, AuditLog.USER_CREATED, "user", null, username + " " + new TreeSet<>(roles));
    return new UserView(username, Set.copyOf(roles), true);
  }

  @Override
  public List<UserView> list() {
    Map<String, UserView> users = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT u.username, u.enabled, string_agg(r.role, ',' ORDER BY r.role)"
                    + " FROM app_user u LEFT JOIN app_user_role r ON r.username = u.username"
                    + " GROUP BY u.username, u.enabled ORDER BY u.username")
            .getResultList();
    for (Object[] row : rows) {
      String name = (String) row[0];
      Set<String> roles = row[2] == null ? Set.of() : Set.of(((String) row[2]).split(","));
      users.put(name, new UserView(name, roles, (Boolean) row[1]));
    }
    return List.copyOf(users.values());
  }

  @Override
  public boolean anyUser() {
    return !em.createNativeQuery("SELECT 1 FROM app_user LIMIT 1").getResultList().isEmpty();
  }
}
