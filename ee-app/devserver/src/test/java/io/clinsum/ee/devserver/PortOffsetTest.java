package io.clinsum.ee.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortOffsetTest {

  @Test
  void ports_noOffset_wildFlyDefaults() {
    assertThat(PortOffset.NONE.httpPort()).isEqualTo(8080);
    assertThat(PortOffset.NONE.managementPort()).isEqualTo(9990);
  }

  @Test
  void ports_offset100_everyPortMoves() {
    PortOffset offset = new PortOffset(100);

    assertThat(offset.httpPort()).isEqualTo(8180);
    assertThat(offset.managementPort()).isEqualTo(10090);
    assertThat(offset.jvmArgument()).isEqualTo("-Djboss.socket.binding.port-offset=100");
  }

  @Test
  void ports_twoOffsets_noPortShared() {
    PortOffset its = new PortOffset(100);
    PortOffset arquillian = new PortOffset(200);

    assertThat(its.httpPort())
        .isNotIn(arquillian.httpPort(), arquillian.managementPort(), PortOffset.NONE.httpPort());
    assertThat(its.managementPort()).isNotIn(arquillian.httpPort(), arquillian.managementPort());
  }

  @Test
  void constructor_outOfRange_refused() {
    assertThatThrownBy(() -> new PortOffset(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PortOffset(PortOffset.MAX + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new PortOffset(PortOffset.MAX).managementPort() + 3).isEqualTo(65535);
  }

  @Test
  void parse_text_offsetOrErrorNamingTheSetting() {
    assertThat(PortOffset.parse(" 150 ", "-Dclinsum.portOffset")).isEqualTo(new PortOffset(150));
    assertThatThrownBy(() -> PortOffset.parse("ten", "CLINSUM_PORT_OFFSET"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CLINSUM_PORT_OFFSET");
    assertThatThrownBy(() -> PortOffset.parse("70000", "-Dclinsum.portOffset"))
        .hasMessageContaining("-Dclinsum.portOffset");
  }

  @Test
  void fromEnvironment_propertySet_propertyWins() {
    String before = System.getProperty(PortOffset.PROPERTY);
    System.setProperty(PortOffset.PROPERTY, "300");
    try {
      assertThat(PortOffset.fromEnvironment()).isEqualTo(new PortOffset(300));
    } finally {
      if (before == null) {
        System.clearProperty(PortOffset.PROPERTY);
      } else {
        System.setProperty(PortOffset.PROPERTY, before);
      }
    }
  }
}
