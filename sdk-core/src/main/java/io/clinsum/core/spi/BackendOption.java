package io.clinsum.core.spi;

import io.clinsum.core.ConfigurationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A documented, typed setting of a backend, such as {@code model-dir} of the {@code onnx} backend.
 * Providers list theirs in {@link SummarizerProvider#options()}, so that the CLI, the application
 * and the README can show what each does and its default.
 *
 * @param name the key, lower-case with dashes
 * @param type String, Integer, Long, Double, Boolean, Path or Duration (ISO-8601 or {@code 30s})
 * @param defaultValue the value when unset, or {@code null} when the option is required or simply
 *     absent
 * @param description what it does and why one would change it
 * @param <T> the value type
 */
public record BackendOption<T>(String name, Class<T> type, T defaultValue, String description) {
  public BackendOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }

  /** Parses a configured value, naming the option in the error when it is malformed. */
  public T parse(String raw) {
    String value = raw.trim();
    try {
      Object parsed;
      if (type == String.class) {
        parsed = value;
      } else if (type == Integer.class) {
        parsed = Integer.valueOf(value);
      } else if (type == Long.class) {
        parsed = Long.valueOf(value);
      } else if (type == Double.class) {
        parsed = Double.valueOf(value);
      } else if (type == Boolean.class) {
        parsed = parseBoolean(value);
      } else if (type == Path.class) {
        parsed = Path.of(value);
      } else if (type == Duration.class) {
        parsed = parseDuration(value);
      } else {
        throw new IllegalStateException("unsupported option type " + type.getName());
      }
      return type.cast(parsed);
    } catch (RuntimeException e) {
      throw new ConfigurationException(
          "Option '" + name + "' must be a " + type.getSimpleName() + ", got '" + raw + "'", e);
    }
  }

  private static Boolean parseBoolean(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> Boolean.TRUE;
      case "false", "no", "0" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static Duration parseDuration(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.startsWith("p")) {
      return Duration.parse(value);
    }
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    if (v.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
    }
    if (v.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
    }
    throw new IllegalArgumentException("not a duration");
  }
}
