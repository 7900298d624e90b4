package io.clinsum.ee.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a query, path or header parameter, or a field of a JSON body, accepts, for the OpenAPI
 * document ({@link OpenApiResource}): its range, its values, its pattern and whether it is
 * required. It checks nothing itself; it states what the resource or its service enforces (400
 * otherwise), and {@code OpenApiContractIT} and Schemathesis hold the two to each other.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface ApiParam {
  /** The smallest accepted number. */
  long minimum() default Long.MIN_VALUE;

  /** The largest accepted number. */
  long maximum() default Long.MAX_VALUE;

  /** The accepted values, when they are a fixed set. */
  String[] values() default {};

  /** The accepted values are this enum's constants (in addition to {@link #values()}). */
  Class<? extends Enum<?>> valuesOf() default None.class;

  /** {@code date-time} for ISO 8601 instants read from text. */
  String format() default "";

  /** A regular expression (ECMA 262) the value matches. */
  String pattern() default "";

  /** Whether the request fails without it (path parameters are always required). */
  boolean required() default false;

  /** Marks "no enum" for {@link #valuesOf()}. */
  enum None {}
}
