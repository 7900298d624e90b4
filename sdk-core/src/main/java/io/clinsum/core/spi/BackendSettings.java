package io.clinsum.core.spi;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Configured values for a backend's {@link BackendOption}s, as text (from properties, the CLI or
 * the application's configuration). Values are parsed and checked against the provider's options
 * when a summarizer is opened; unknown keys are rejected there.
 *
 * <pre>{@code
 * BackendSettings settings = BackendSettings.builder().set("max-sentences", "3").build();
 * }</pre>
 */
public final class BackendSettings {
  private static final BackendSettings EMPTY = new BackendSettings(Map.of());
  private final Map<String, String> values;

  private BackendSettings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** No settings: every option takes its default. */
  public static BackendSettings empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The properties that start with {@code prefix} (such as {@code clinsum.backend.onnx.}), with the
   * prefix removed.
   */
  public static BackendSettings fromProperties(Properties properties, String prefix) {
    Builder b = builder();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(prefix) && key.length() > prefix.length()) {
        b.set(key.substring(prefix.length()), properties.getProperty(key));
      }
    }
    return b.build();
  }

  /** The configured value of {@code option}, parsed, or its default. */
  public <T> T get(BackendOption<T> option) {
    String raw = values.get(option.name());
    return raw == null ? option.defaultValue() : option.parse(raw);
  }

  /** The configured value of {@code option}, parsed, if one is set or it has a default. */
  public <T> Optional<T> find(BackendOption<T> option) {
    return Optional.ofNullable(get(option));
  }

  /** Every configured key and raw value, sorted by key. */
  public Map<String, String> asMap() {
    return values;
  }

  public Builder toBuilder() {
    Builder b = builder();
    b.values.putAll(values);
    return b;
  }

  @Override
  public String toString() {
    return "BackendSettings" + values.keySet();
  }

  /** Builder for {@link BackendSettings}. */
  public static final class Builder {
    private final Map<String, String> values = new TreeMap<>();

    private Builder() {}

    /** Sets {@code key} to {@code value}; a {@code null} value removes the key. */
    public Builder set(String key, String value) {
      if (value == null) {
        values.remove(key);
      } else {
        values.put(key, value);
      }
      return this;
    }

    public BackendSettings build() {
      return values.isEmpty() ? EMPTY : new BackendSettings(values);
    }
  }
}
