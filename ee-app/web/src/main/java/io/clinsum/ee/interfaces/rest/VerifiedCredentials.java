package io.clinsum.ee.interfaces.rest;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Basic credentials verified in the last {@value #TTL_MS} ms. API clients send them with every
 * request, and each check costs PBKDF2's 100,000 iterations (tens of milliseconds of CPU): without
 * this, authentication alone caps the API at a few dozen requests a second on two cores. Only
 * successful checks are kept, under an HMAC of {@code user:password} with a key made at start (no
 * password, hash of one, or reusable key is ever held); a changed password or a disabled account
 * takes effect within {@value #TTL_MS} ms. At most {@value #MAX_ENTRIES} entries.
 */
final class VerifiedCredentials {
  static final long TTL_MS = 30_000;
  static final int MAX_ENTRIES = 10_000;

  private record Entry(CredentialValidationResult result, long expires) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final SecretKeySpec key;
  private final LongSupplier clock;

  VerifiedCredentials(LongSupplier clock) {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    this.key = new SecretKeySpec(k, "HmacSHA256");
    this.clock = clock;
  }

  VerifiedCredentials() {
    this(System::currentTimeMillis);
  }

  /** The earlier successful result for exactly these credentials, or null. */
  CredentialValidationResult get(UsernamePasswordCredential credential) {
    String k = key(credential);
    Entry e = entries.get(k);
    if (e == null) {
      return null;
    }
    if (e.expires() <= clock.getAsLong()) {
      entries.remove(k, e);
      return null;
    }
    return e.result();
  }

  /** Remembers a successful check. */
  void put(UsernamePasswordCredential credential, CredentialValidationResult result) {
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return;
    }
    if (entries.size() >= MAX_ENTRIES) {
      long now = clock.getAsLong();
      entries.values().removeIf(e -> e.expires() <= now);
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
    }
    entries.put(key(credential), new Entry(result, clock.getAsLong() + TTL_MS));
  }

  private String key(UsernamePasswordCredential c) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(c.getCaller().getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(c.getPasswordAsString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
    }
  }
}
