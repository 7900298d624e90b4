package io.clinsum.ee.testing;

import io.clinsum.ee.application.UserService.UserView;
import io.clinsum.ee.application.port.UserStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A {@link UserStore} in memory; it keeps the hashes so tests can check no password is stored. */
public final class InMemoryUserStore implements UserStore {
  private final Map<String, String> hashes = new TreeMap<>();
  private final Map<String, Set<String>> roles = new TreeMap<>();

  @Override
  public boolean exists(String username) {
    return hashes.containsKey(username);
  }

  @Override
  public void insert(String username, String passwordHash, Set<String> roles) {
    if (exists(username)) {
      throw new IllegalStateException("duplicate key: " + username);
    }
    hashes.put(username, passwordHash);
    this.roles.put(username, Set.copyOf(roles));
  }

  @Override
  public List<UserView> list() {
    return hashes.keySet().stream().map(u -> new UserView(u, roles.get(u), true)).toList();
  }

  @Override
  public boolean any() {
    return !hashes.isEmpty();
  }

  public String hashOf(String username) {
    return hashes.get(username);
  }
}
