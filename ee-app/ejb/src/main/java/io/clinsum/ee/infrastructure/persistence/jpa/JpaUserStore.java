package io.clinsum.ee.infrastructure.persistence.jpa;

import io.clinsum.ee.application.UserService.UserView;
import io.clinsum.ee.application.port.UserStore;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link UserStore} as native SQL on the tables the server's database identity store queries
 * (see ee-app/wildfly/configure-clinsum.cli).
 */
@Stateless
public class JpaUserStore implements UserStore {
  @PersistenceContext private EntityManager em;

  @Override
  public boolean exists(String username) {
    return !em.createNativeQuery("SELECT 1 FROM app_user WHERE username = ?1")
        .setParameter(1, username)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void insert(String username, String passwordHash, Set<String> roles) {
    em.createNativeQuery("INSERT INTO app_user (username, password_hash) VALUES (?1, ?2)")
        .setParameter(1, username)
        .setParameter(2, passwordHash)
        .executeUpdate();
    for (String role : new TreeSet<>(roles)) {
      em.createNativeQuery("INSERT INTO app_user_role (username, role) VALUES (?1, ?2)")
          .setParameter(1, username)
          .setParameter(2, role)
          .executeUpdate();
    }
  }

  @Override
  public List<UserView> list() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT u.username, u.enabled, string_agg(r.role, ',' ORDER BY r.role)"
                    + " FROM app_user u LEFT JOIN app_user_role r ON r.username = u.username"
                    + " GROUP BY u.username, u.enabled ORDER BY u.username")
            .getResultList();
    List<UserView> users = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Set<String> roles = row[2] == null ? Set.of() : Set.of(((String) row[2]).split(","));
      users.add(new UserView((String) row[0], roles, (Boolean) row[1]));
    }
    return List.copyOf(users);
  }

  @Override
  public boolean any() {
    return !em.createNativeQuery("SELECT 1 FROM app_user LIMIT 1").getResultList().isEmpty();
  }
}
