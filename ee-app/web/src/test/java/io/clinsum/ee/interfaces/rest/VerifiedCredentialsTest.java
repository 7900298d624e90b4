package io.clinsum.ee.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final VerifiedCredentials cache = new VerifiedCredentials(now::get);
  private final CredentialValidationResult alice =
      new CredentialValidationResult("alice", Set.of("reviewer"));

  @Test
  void remembersExactlyTheVerifiedCredentials_forThirtySeconds() {
    cache.put(new UsernamePasswordCredential("alice", "s3cret"), alice);
    assertThat(cache.get(new UsernamePasswordCredential("alice", "s3cret"))).isSameAs(alice);
    assertThat(cache.get(new UsernamePasswordCredential("alice", "s3cret!"))).isNull();
    assertThat(cache.get(new UsernamePasswordCredential("alic", "es3cret")))
        .as("no ambiguity")
        .isNull();
    now.addAndGet(VerifiedCredentials.TTL_MS - 1);
    assertThat(cache.get(new UsernamePasswordCredential("alice", "s3cret"))).isSameAs(alice);
    now.addAndGet(1);
    assertThat(cache.get(new UsernamePasswordCredential("alice", "s3cret"))).isNull();
  }

  @Test
  void neverRemembersAFailure() {
    cache.put(
        new UsernamePasswordCredential("bob", "guess"), CredentialValidationResult.INVALID_RESULT);
    assertThat(cache.get(new UsernamePasswordCredential("bob", "guess"))).isNull();
  }

  @Test
  void staysBounded() {
    for (int i = 0; i < VerifiedCredentials.MAX_ENTRIES + 10; i++) {
      cache.put(new UsernamePasswordCredential("u" + i, "p"), alice);
    }
    assertThat(
            cache.get(
                new UsernamePasswordCredential("u" + (VerifiedCredentials.MAX_ENTRIES + 9), "p")))
        .isSameAs(alice);
  }
}
