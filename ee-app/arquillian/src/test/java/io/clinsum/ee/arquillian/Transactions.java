package io.clinsum.ee.arquillian;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.function.Function;

/**
 * A test-only EJB in the web module: runs work on the application's persistence unit in a new
 * transaction, so a test can write in one transaction and read back in another.
 */
@Stateless
public class Transactions {
  @PersistenceContext(unitName = "clinsum")
  private EntityManager em;

  /** Runs {@code work} in a new transaction, committed when it returns. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T call(Function<EntityManager, T> work) {
    return work.apply(em);
  }

  /** A count from native SQL, in a new transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long count(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((Number) query.getSingleResult()).longValue();
  }
}
