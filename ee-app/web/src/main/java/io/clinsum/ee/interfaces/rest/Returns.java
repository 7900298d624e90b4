package io.clinsum.ee.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A response an operation gives besides the ones every operation documents, for the OpenAPI
 * document ({@link OpenApiResource}). Methods returning a {@code Response} name their success
 * statuses and bodies this way; errors particular to an operation (409, 412, 422, 428, 503) too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Returns.All.class)
public @interface Returns {
  /** The HTTP status. */
  int status();

  /**
   * The body's type: {@code void.class} for none; by default the method's return type for a
   * success, {@link Problem} for an error.
   */
  Class<?> type() default Default.class;

  /** What the response means. */
  String description() default "";

  /** Marks the default for {@link #type()}. */
  public static final class Default {
    private Default() {}
  }

  /** The container of repeated {@link Returns}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface All {
    Returns[] value();
  }
}
