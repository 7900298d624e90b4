package io.clinsum.ee.application;

import jakarta.ejb.Local;
import java.util.List;
import java.util.Set;

/** Accounts of the people who use ClinSum; passwords are stored only as PBKDF2 hashes. */
@Local
public interface UserService {
  /** A user and their roles. */
  record UserView(String username, Set<String> roles, boolean enabled) {}

  UserView create(Actor actor, String username, char[] password, Set<String> roles);

  List<UserView> list();

  /** Whether any user exists (first-run set-up). */
  boolean anyUser();
}
