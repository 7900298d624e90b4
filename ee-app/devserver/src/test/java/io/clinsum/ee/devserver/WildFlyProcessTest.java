package io.clinsum.ee.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process control on a stand-in {@code standalone.sh} (a shell that waits on a child, like the real
 * script waits on the server's JVM): only the process tree the object started is ever signalled.
 */
class WildFlyProcessTest {
  private static final PortOffset FREE_PORTS = new PortOffset(23456);

  @TempDir Path home;
  private Process foreign;

  @BeforeEach
  void fakeInstallation() throws IOException {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path script = bin.resolve("standalone.sh");
    Files.writeString(script, "#!/bin/sh\nsleep 300 &\nwait $!\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterEach
  void stopForeign() throws InterruptedException {
    if (foreign != null) {
      ProcessTree.of(foreign).kill();
      foreign.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void stop_nothingStarted_foreignServerOfSameInstallationUntouched() throws Exception {
    foreign = startForeign();
    WildFlyProcess wildfly = new WildFlyProcess(home, FREE_PORTS, home.resolve("console.log"));

    wildfly.stop();
    wildfly.kill();

    assertThat(foreign.waitFor(500, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(foreign.descendants().filter(ProcessHandle::isAlive).count()).isEqualTo(1);
  }

  @Test
  void kill_ownServer_ownTreeDeadForeignAlive() throws Exception {
    foreign = startForeign();
    WildFlyProcess wildfly = new WildFlyProcess(home, FREE_PORTS, home.resolve("console.log"));
    wildfly.start(Map.of("clinsum.test", "1"), Map.of());
    assertThat(wildfly.isRunning()).isTrue();

    wildfly.kill();

    assertThat(wildfly.isRunning()).isFalse();
    assertThat(foreign.isAlive()).isTrue();
    assertThat(foreign.descendants().filter(ProcessHandle::isAlive).count()).isEqualTo(1);
  }

  @Test
  void stop_ownServer_childTerminatedScriptExitsForeignAlive() throws Exception {
    foreign = startForeign();
    WildFlyProcess wildfly = new WildFlyProcess(home, FREE_PORTS, home.resolve("console.log"));
    wildfly.start(Map.of(), Map.of());
    Thread.sleep(200); // let the script start its child
    List<ProcessHandle> own = ownTree(wildfly);

    wildfly.stop();

    assertThat(own).hasSize(2).noneMatch(ProcessHandle::isAlive);
    assertThat(foreign.isAlive()).isTrue();
  }

  @Test
  void start_portTaken_refusedNamingTheOffsetSetting() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      PortOffset offset = new PortOffset(taken.getLocalPort() - PortOffset.HTTP);
      WildFlyProcess wildfly = new WildFlyProcess(home, offset, home.resolve("console.log"));

      assertThatThrownBy(() -> wildfly.start(Map.of(), Map.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Port " + taken.getLocalPort())
          .hasMessageContaining(PortOffset.PROPERTY);
      assertThat(wildfly.isRunning()).isFalse();
    }
  }

  /** The same script with the same home, started by someone else (another build, a developer). */
  private Process startForeign() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-Djboss.home.dir=" + home)
            .start();
    Thread.sleep(200);
    return p;
  }

  /** The stand-in server's processes, from the handle of the process the object started. */
  private static List<ProcessHandle> ownTree(WildFlyProcess wildfly) {
    ProcessHandle root = wildfly.handle().orElseThrow();
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants())
        .toList();
  }
}
