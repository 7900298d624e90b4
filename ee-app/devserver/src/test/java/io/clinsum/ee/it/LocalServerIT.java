package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.ee.devserver.LocalServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The harness itself: processes, deployment and database restarts, without the app's API. */
@ExtendWith(ClinSumServerExtension.class)
class LocalServerIT {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void start_freshRun_earDeployedAndHttpAnswers(LocalServer server) throws Exception {
    assertThat(server.deploymentsDirectory().resolve("clinsum.ear.deployed")).exists();
    assertThat(server.deploymentsDirectory().resolve("clinsum.ear.failed")).doesNotExist();
    assertThat(Files.readString(server.serverLogFile())).contains("WFLYSRV0025");
    assertThat(status(server.baseUrl() + "/")).isLessThan(500);
  }

  @Test
  void killServer_thenStartServer_deploymentServesAgain(LocalServer server) throws Exception {
    server.killServer();

    assertThat(server.isServerRunning()).isFalse();
    assertThatThrownBy(() -> status(server.baseUrl() + "/")).isInstanceOf(ConnectException.class);

    server.startServer();

    assertThat(server.isServerRunning()).isTrue();
    assertThat(server.deploymentsDirectory().resolve("clinsum.ear.deployed")).exists();
    assertThat(status(server.baseUrl() + "/")).isLessThan(500);
  }

  @Test
  void stopDatabase_thenStartDatabase_rowsKept(LocalServer server) throws SQLException {
    String table = "harness_" + Long.toHexString(System.nanoTime());
    try (Connection connection = server.openJdbcConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, name TEXT)");
      statement.execute("INSERT INTO " + table + " VALUES (1, 'kept')");
    }

    server.stopDatabase();
    assertThatThrownBy(server::openJdbcConnection).isInstanceOf(SQLException.class);
    server.startDatabase();

    try (Connection connection = server.openJdbcConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name FROM " + table + " WHERE id = 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("kept");
    }
  }

  @Test
  void clinSumDataSource_afterDatabaseRestart_connectsAgain(LocalServer server) {
    String testConnection = "/subsystem=datasources/data-source=ClinSumDS:test-connection-in-pool";
    assertThat(server.executeCli(testConnection)).contains("\"outcome\" => \"success\"");

    server.stopDatabase();
    server.startDatabase();

    assertThat(server.executeCli(testConnection)).contains("\"outcome\" => \"success\"");
  }

  private int status(String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
