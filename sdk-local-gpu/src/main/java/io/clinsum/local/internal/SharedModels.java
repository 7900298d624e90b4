package io.clinsum.local.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads each model once per process and shares it between summarizers, closing it when the last one
 * is closed. The one piece of process-wide state in ClinSum: a model is hundreds of megabytes of
 * native memory, and two copies of it help nobody.
 *
 * @param <K> spec type
 * @param <M> model type
 */
public final class SharedModels<K, M extends AutoCloseable> {
  private final Map<K, M> models = new HashMap<>();
  private final Map<K, Integer> users = new HashMap<>();
  private final Function<M, K> keyOf;

  public SharedModels(Function<M, K> keyOf) {
    this.keyOf = keyOf;
  }

  /** The model for {@code key}, loaded on first use; each call must be paired with a release. */
  public synchronized M acquire(K key, Function<K, M> loader) {
    M model = models.get(key);
    if (model == null) {
      model = loader.apply(key);
      models.put(key, model);
    }
    users.merge(key, 1, Integer::sum);
    return model;
  }

  /** Gives a model back; the last user's release closes it. */
  public synchronized void release(M model) {
    K key = keyOf.apply(model);
    int left = users.merge(key, -1, Integer::sum);
    if (left <= 0) {
      users.remove(key);
      models.remove(key);
      try {
        model.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing model " + key + " failed", e);
      }
    }
  }

  /** A release callback for summarizers. */
  public Consumer<M> releaser() {
    return this::release;
  }

  /** Models loaded now (for tests and diagnostics). */
  public synchronized int loaded() {
    return models.size();
  }
}
