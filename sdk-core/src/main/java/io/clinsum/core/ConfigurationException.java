package io.clinsum.core;

/**
 * ClinSum is set up wrongly: no backend of the requested name, an unknown or malformed option, a
 * missing model file. The message names the property or file to change.
 */
public class ConfigurationException extends ClinSumException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    this(FailureReason.CONFIGURATION, message, null, null);
  }

  public ConfigurationException(String message, Throwable cause) {
    this(FailureReason.CONFIGURATION, message, null, cause);
  }

  /**
   * A configuration that a service refused: {@link FailureReason#NOT_FOUND} (an endpoint or model
   * that does not exist) or {@link FailureReason#ACCESS_DENIED} (credentials not allowed).
   */
  public ConfigurationException(
      FailureReason reason, String message, ServiceResponse response, Throwable cause) {
    super(reason, message, response, cause);
  }
}
