package io.clinsum.ee.application.internal;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.UserService;
import io.clinsum.ee.application.port.AuditLog;
import io.clinsum.ee.application.port.UserStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.ArrayList;
import java.util.Arrays;
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

  @Inject UserStore users;
  @Inject Pbkdf2PasswordHash hash;
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
    if (users.exists(username)) {
      throw new ConflictException("User " + username + " already exists");
    }
    hash.initialize(HASH_PARAMETERS);
    String stored = hash.generate(password);
    Arrays.fill(password, '\0');
    users.insert(username, stored, roles);
    audit.record(actor, AuditLog.USER_CREATED, "user", null, username + " " + new TreeSet<>(roles));
    return new UserView(username, Set.copyOf(roles), true);
  }

  @Override
  public List<UserView> list() {
    return users.list();
  }

  @Override
  public boolean anyUser() {
    return users.any();
  }
}
