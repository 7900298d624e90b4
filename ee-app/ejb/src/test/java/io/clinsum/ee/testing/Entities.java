package io.clinsum.ee.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

/**
 * Sets the columns the database owns (ids, versions, timestamps) on entities made in memory, as a
 * persistence provider does when it loads a row.
 */
public final class Entities {
  private Entities() {}

  /** A new instance through the entity's protected no-argument constructor. */
  public static <T> T instantiate(Class<T> type) {
    try {
      Constructor<T> c = type.getDeclaredConstructor();
      c.setAccessible(true);
      return c.newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot make a " + type.getSimpleName(), e);
    }
  }

  /** Sets field {@code name} (declared on {@code target}'s class) to {@code value}. */
  public static <T> T set(T target, String name, Object value) {
    try {
      Field f = target.getClass().getDeclaredField(name);
      f.setAccessible(true);
      f.set(target, value);
      return target;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot set " + name, e);
    }
  }
}
