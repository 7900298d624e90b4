package io.clinsum.core;

/**
 * ClinSum is set up wrongly: no backend of the requested name, an unknown or malformed option, a
 * missing model file. The message names the property or file to change.
 */
public class ConfigurationException extends ClinSumException {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
