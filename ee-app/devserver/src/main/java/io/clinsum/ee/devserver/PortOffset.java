package io.clinsum.ee.devserver;

/**
 * WildFly's socket-binding port offset ({@code jboss.socket.binding.port-offset}): every port of
 * the server moves by it, so two servers (two builds, two nodes) can run on one machine.
 *
 * <p>Offset 0 gives WildFly's own ports, HTTP 8080 and management 9990; offset 100 gives 8180 and
 * 10090. {@link #fromEnvironment()} reads the system property {@value #PROPERTY}, then the
 * environment variable {@value #ENVIRONMENT_VARIABLE}, else 0.
 *
 * @param value added to every port; 0 to {@value #MAX}
 */
public record PortOffset(int value) {

  /** The system property that sets the offset, e.g. {@code -Dclinsum.portOffset=100}. */
  public static final String PROPERTY = "clinsum.portOffset";

  /** The environment variable read when {@value #PROPERTY} is not set. */
  public static final String ENVIRONMENT_VARIABLE = "CLINSUM_PORT_OFFSET";

  /** WildFly's HTTP port at offset 0. */
  public static final int HTTP = 8080;

  /** WildFly's management port (HTTP API and CLI) at offset 0. */
  public static final int MANAGEMENT = 9990;

  /** The highest offset: WildFly's highest standard port, 9993 (management HTTPS), stays valid. */
  public static final int MAX = 65535 - 9993;

  /** No offset: 8080 and 9990. */
  public static final PortOffset NONE = new PortOffset(0);

  /**
   * @throws IllegalArgumentException if {@code value} is negative or above {@value #MAX}
   */
  public PortOffset {
    if (value < 0 || value > MAX) {
      throw new IllegalArgumentException("port offset must be 0.." + MAX + ": " + value);
    }
  }

  /**
   * The offset set by {@value #PROPERTY} or {@value #ENVIRONMENT_VARIABLE}, else {@link #NONE}.
   *
   * @throws IllegalArgumentException naming the setting when it is not a valid offset
   */
  public static PortOffset fromEnvironment() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return parse(property, "-D" + PROPERTY);
    }
    String variable = System.getenv(ENVIRONMENT_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return parse(variable, ENVIRONMENT_VARIABLE);
    }
    return NONE;
  }

  /** Parses {@code text}; {@code source} names where it came from in the error message. */
  static PortOffset parse(String text, String source) {
    try {
      return new PortOffset(Integer.parseInt(text.trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          source + " must be a port offset 0.." + MAX + ", not '" + text + "'", e);
    }
  }

  /** The HTTP port: 8080 plus the offset. */
  public int httpPort() {
    return HTTP + value;
  }

  /** The management port: 9990 plus the offset. */
  public int managementPort() {
    return MANAGEMENT + value;
  }

  /** The JVM argument that applies this offset: {@code -Djboss.socket.binding.port-offset=N}. */
  public String jvmArgument() {
    return "-Djboss.socket.binding.port-offset=" + value;
  }
}
