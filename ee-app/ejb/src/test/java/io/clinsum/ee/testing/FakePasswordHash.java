package io.clinsum.ee.testing;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** A reversible stand-in for PBKDF2 that records the parameters it was given. */
public final class FakePasswordHash implements Pbkdf2PasswordHash {
  private Map<String, String> parameters = Map.of();

  @Override
  public void initialize(Map<String, String> parameters) {
    this.parameters = Map.copyOf(parameters);
  }

  @Override
  public String generate(char[] password) {
    return "fake:" + new StringBuilder(new String(password)).reverse();
  }

  @Override
  public boolean verify(char[] password, String hashedPassword) {
    return generate(password).equals(hashedPassword);
  }

  public Map<String, String> parameters() {
    return parameters;
  }
}
