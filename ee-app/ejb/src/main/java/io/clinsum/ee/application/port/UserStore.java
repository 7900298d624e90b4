package io.clinsum.ee.application.port;

import io.clinsum.ee.application.UserService.UserView;
import java.util.List;
import java.util.Set;

/**
 * Accounts as the server's identity store reads them ({@code app_user}, {@code app_user_role}).
 * Calls join the caller's transaction.
 */
public interface UserStore {
  boolean exists(String username);

  /** Stores an enabled account with its password hash (never the password) and roles. */
  void insert(String username, String passwordHash, Set<String> roles);

  /** Every account with its roles, by name. */
  List<UserView> list();

  /** Whether any account exists. */
  boolean any();
}
