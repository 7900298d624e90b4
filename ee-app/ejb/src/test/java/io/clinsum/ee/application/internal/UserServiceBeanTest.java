package io.clinsum.ee.application.internal;

import static io.clinsum.ee.application.internal.TestApp.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.application.Actor;
import io.clinsum.ee.application.ConflictException;
import io.clinsum.ee.application.InvalidInputException;
import io.clinsum.ee.application.UserService.UserView;
import io.clinsum.ee.application.port.AuditLog;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UserServiceBeanTest {
  private final TestApp app = new TestApp();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void create_validAccount_storedAsHashPasswordWipedAndAudited() {
    char[] password = "s3cret-pass".toCharArray();

    UserView v = app.userService.create(ADMIN, "nina", password, Set.of(Actor.REVIEWER));

    assertThat(v).isEqualTo(new UserView("nina", Set.of(Actor.REVIEWER), true));
    assertThat(app.users.hashOf("nina")).isNotEqualTo("s3cret-pass").startsWith("fake:");
    assertThat(password).containsOnly('\0');
    assertThat(app.hash.parameters()).isEqualTo(UserServiceBean.HASH_PARAMETERS);
    assertThat(app.audit.events(AuditLog.USER_CREATED))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("nina [reviewer]"));
  }

  @Test
  void create_existingName_conflict() {
    app.userService.create(ADMIN, "nina", "password".toCharArray(), Set.of(Actor.ADMIN));
    assertThatThrownBy(
            () ->
                app.userService.create(
                    ADMIN, "nina", "password".toCharArray(), Set.of(Actor.ADMIN)))
        .isInstanceOf(ConflictException.class)
        .hasMessage("User nina already exists");
  }

  @Test
  void create_badNameShortPasswordUnknownRole_everyProblemAtOnce() {
    assertThatThrownBy(
            () -> app.userService.create(ADMIN, "Nina!", "abc".toCharArray(), Set.of("root")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Map.Entry::getKey)
                    .containsExactly("username", "password", "roles"));
    assertThat(app.users.any()).isFalse();
  }

  @Test
  void list_andAnyUser_reflectTheAccounts() {
    assertThat(app.userService.anyUser()).isFalse();
    app.userService.create(ADMIN, "zed", "password".toCharArray(), Set.of(Actor.CLINICIAN));
    app.userService.create(ADMIN, "amy", "password".toCharArray(), Set.of(Actor.ADMIN));
    assertThat(app.userService.anyUser()).isTrue();
    assertThat(app.userService.list()).extracting(UserView::username).containsExactly("amy", "zed");
  }
}
