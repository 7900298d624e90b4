package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The reviewers' console in a real browser (headless chromium) against the real application on
 * WildFly and PostgreSQL. Screenshots of the main screens land in {@code target/screenshots}.
 */
@ExtendWith(ClinSumServerExtension.class)
class ConsoleIT {
  private static final String NOTE =
      "CHIEF COMPLAINT: Chest pain for two hours. HISTORY: 58-year-old man with hypertension."
          + " ECG showed ST elevation in V2-V4. ASSESSMENT: Anterior STEMI. PLAN: Emergent"
          + " catheterization; aspirin 300 mg given.";

  private static String patient;

  @BeforeAll
  static void summariesToReview(LocalServer server) {
    Api api = new Api(server);
    patient = Api.unique("C");
    StringBuilder csv = new StringBuilder("patient_id,note_type,recorded_at,note\n");
    for (int i = 0; i < 6; i++) {
      csv.append(
          Api.csvLine(patient, "discharge", "2026-11-0" + (i + 1), NOTE + " Day " + i + "."));
    }
    assertThat(api.postCsv("clinician", "/notes/import", csv.toString()).status()).isEqualTo(200);
    api.postJson(
        "admin",
        "/users",
        Map.of(
            "username",
            "second-reviewer",
            "password",
            "second-pass",
            "roles",
            List.of("reviewer")));
    Api.knowUser("second-reviewer", "second-pass");
    long job = Jobs.start(api, 16);
    Jobs.awaitStatus(api, job, "SUCCEEDED");
  }

  private static List<Long> queueOfPatient(Api api) {
    JsonNode items =
        api.get("reviewer", "/summaries?state=GENERATED&patientId=" + patient + "&size=50")
            .json()
            .get("items");
    return items.findValues("id").stream().map(JsonNode::asLong).toList();
  }

  private static String stateOf(LocalServer server, long summaryId) throws Exception {
    try (Connection c = server.openJdbcConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT state || ':' || coalesce(review_comment, '') FROM summary WHERE id = ?")) {
      ps.setLong(1, summaryId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void signIn_eachRole_seesRoleAndItsScreens_thenSignsOut(LocalServer server) {
    Map<String, List<String>> nav =
        Map.of(
            "clinician", List.of("Patients", "Groups", "Jobs", "Import"),
            "reviewer", List.of("Review queue", "Patients", "Groups", "Models"),
            "admin", List.of("Review queue", "Patients", "Groups", "Jobs", "Models"));
    for (String role : nav.keySet()) {
      try (Browser b = new Browser(server.baseUrl())) {
        b.signIn(role, role);
        assertThat(b.await(By.id("who-roles")).getText()).isEqualTo(role);
        List<String> visible =
            b.driver().findElements(By.cssSelector("nav a")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
        assertThat(visible).as(role).containsExactlyElementsOf(nav.get(role));
        b.driver().findElement(By.id("sign-out")).click();
        b.await(By.id("login-form"));
        b.awaitText(By.id("login-error"), "signed out");
        assertThat(b.js("return document.cookie")).isEqualTo(""); // HttpOnly: invisible to scripts
      }
    }
  }

  @Test
  void signIn_wrongPassword_saysSoAndStaysOut(LocalServer server) {
    try (Browser b = new Browser(server.baseUrl())) {
      b.open("");
      b.await(By.id("username")).sendKeys("reviewer");
      b.driver().findElement(By.id("password")).sendKeys("nope", Keys.ENTER);
      b.awaitText(By.id("login-error"), "Wrong user name or password");
      assertThat(b.driver().findElement(By.cssSelector(".top")).isDisplayed()).isFalse();
    }
  }

  @Test
  void review_approveWithKeyboard_persistedAndNextLoadsWithoutReload(LocalServer server)
      throws Exception {
    Api api = new Api(server);
    long first = queueOfPatient(api).get(0);
    try (Browser b = new Browser(server.baseUrl())) {
      b.signIn("reviewer", "reviewer");
      b.open("#/review/" + first);
      b.await(By.id("note-text"));
      assertThat(b.driver().findElements(By.cssSelector("#note-text mark"))).isNotEmpty();
      b.js("window.__sameDocument = true");
      b.screenshot("review");

      b.driver().findElement(By.tagName("body")).sendKeys("a");

      b.wait.until(d -> !d.getCurrentUrl().endsWith("#/review/" + first));
      assertThat(b.js("return window.__sameDocument")).isEqualTo(true);
      assertThat(stateOf(server, first)).startsWith("APPROVED");
    }
  }

  @Test
  void review_showPhi_highlightsWhatDeidentificationMasks(LocalServer server) throws Exception {
    Api api = new Api(server);
    String phiPatient = Api.unique("PHI");
    String text =
        "Seen by Dr. John Smith on 03/14/2026. MRN: 4455667. Call 555-123-4567 with results."
            + " ASSESSMENT: Community-acquired pneumonia. PLAN: Ceftriaxone 1 g IV daily.";
    assertThat(
            api.postJson(
                    "clinician",
                    "/notes",
                    Map.of("patientId", phiPatient, "noteType", "progress", "text", text))
                .status())
        .isEqualTo(201);
    long noteId =
        api.get("clinician", "/notes?patientId=" + phiPatient)
            .json()
            .get("items")
            .get(0)
            .get("id")
            .asLong();
    Api.Reply made =
        api.post(
            "clinician",
            "/notes/" + noteId + "/summary?wait=true",
            "application/json",
            new byte[0]);
    assertThat(made.status()).as(made.toString()).isEqualTo(200);
    long summaryId = made.json().get("id").asLong();
    JsonNode phi = api.get("reviewer", "/summaries/" + summaryId).json().get("phi");
    assertThat(phi.findValuesAsText("category")).contains("NAME", "DATE", "MRN", "PHONE");
    // Offsets only: the spans carry no text of their own.
    assertThat(phi.toString()).doesNotContain("Smith").doesNotContain("4455667");

    try (Browser b = new Browser(server.baseUrl())) {
      b.signIn("reviewer", "reviewer");
      b.open("#/review/" + summaryId);
      b.await(By.id("note-text"));
      assertThat(b.driver().findElements(By.cssSelector("#note-text .phi"))).isEmpty();

      b.driver().findElement(By.id("show-phi")).click();

      List<WebElement> spans = b.driver().findElements(By.cssSelector("#note-text .phi"));
      assertThat(spans).extracting(WebElement::getText).contains("John Smith", "03/14/2026");
      assertThat(spans).extracting(e -> e.getAttribute("data-category")).contains("NAME", "DATE");
      assertThat(b.driver().findElement(By.id("note-text")).getText())
          .contains("Ceftriaxone 1 g IV daily");
      b.screenshot("review-phi");
    }
  }

  @Test
  void review_editWhileAnotherReviewerApproved_conflictShownAndNothingLost(LocalServer server)
      throws Exception {
    Api api = new Api(server);
    long id = queueOfPatient(api).get(1);
    try (Browser b = new Browser(server.baseUrl())) {
      b.signIn("reviewer", "reviewer");
      b.open("#/review/" + id);
      b.await(By.id("edit")).click();
      WebElement text = b.await(By.id("edit-text"));
      text.clear();
      text.sendKeys("Anterior STEMI; emergent cath.");
      b.await(By.cssSelector("#diff ins"));
      b.screenshot("review-edit");

      // Meanwhile another reviewer approves the same summary.
      assertThat(
              api.postJson(
                      "second-reviewer",
                      "/summaries/" + id + "/approve",
                      Map.of("comment", "by API"),
                      "If-Match",
                      "\"0\"")
                  .status())
          .isEqualTo(200);
      b.driver().findElement(By.id("save-edit")).click();

      b.awaitText(By.id("conflict"), "Someone else changed this summary");
      b.screenshot("review-conflict");
      assertThat(stateOf(server, id)).isEqualTo("APPROVED:by API");
    }
  }

  @Test
  void review_rejectWithReason_persisted(LocalServer server) throws Exception {
    Api api = new Api(server);
    long id = queueOfPatient(api).get(2);
    try (Browser b = new Browser(server.baseUrl())) {
      b.signIn("reviewer", "reviewer");
      b.open("#/review/" + id);
      b.await(By.id("note-text"));
      b.driver().findElement(By.tagName("body")).sendKeys("r");
      b.await(By.id("reject-reason")).sendKeys("Misses the PCI");
      b.driver().findElement(By.id("confirm-reject")).click();
      b.wait.until(d -> !d.getCurrentUrl().endsWith("#/review/" + id));
      assertThat(stateOf(server, id)).isEqualTo("REJECTED:Misses the PCI");
    }
  }

  @Test
  void hostileNote_renderedAsTextAndRunsNothing(LocalServer server) {
    Api api = new Api(server);
    String hostile =
        "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">"
            + " Chest pain with ST elevation. Aspirin given.";
    long noteId =
        api.postJson(
                "clinician",
                "/notes",
                Map.of("patientId", Api.unique("X"), "noteType", "progress", "text", hostile))
            .json()
            .get("id")
            .asLong();
    long summaryId = Jobs.summarizeNow(api, noteId).get("id").asLong();

    try (Browser b = new Browser(server.baseUrl())) {
      b.signIn("reviewer", "reviewer");
      b.open("#/review/" + summaryId);
      WebElement note = b.await(By.id("note-text"));
      b.wait.until(ExpectedConditions.textToBePresentInElement(note, "<script>"));
      assertThat(note.getText()).contains("<script>window.__xss = 1</script>").contains("onerror=");
      assertThat(b.driver().findElements(By.cssSelector("#note-text script, #note-text img")))
          .isEmpty();
      assertThat(b.js("return window.__xss === undefined")).isEqualTo(true);
      assertThat(b.driver().getCurrentUrl()).doesNotContain("script").doesNotContain("Chest");
      assertThat(b.js("return window.localStorage.length + window.sessionStorage.length"))
          .isEqualTo(0L);
    }
  }

  @Test
  void importCsvWithBadRows_reportListsThemByRow(LocalServer server) throws Exception {
    Path csv = Files.createTempFile("console-import", ".csv");
    String p = Api.unique("U");
    Files.writeString(
        csv,
        "patient_id,note_type,note\n"
            + Api.csvLine(p, "nursing", "Comfortable overnight.")
            + Api.csvLine("", "nursing", "No patient id.")
            + Api.csvLine(p, "", "No note type.")
            + Api.csvLine(p, "nursing", "Mobilising with frame."));
    try (Browser b = new Browser(server.baseUrl())) {
      b.signIn("clinician", "clinician");
      b.open("#/import");
      b.await(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
      b.driver().findElement(By.id("import-run")).click();
      b.awaitText(By.id("import-summary"), "2 stored");
      assertThat(b.driver().findElement(By.id("import-summary")).getText()).contains("2 rejected");
      List<String> rows =
          b.driver().findElements(By.cssSelector("#import-report tbody tr td:first-child")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(rows).containsExactly("2", "3");
      b.screenshot("import");
    } finally {
      Files.delete(csv);
    }
  }

  @Test
  void groups_regroupFromTheConsole_showsGroupsMapMembersAndThePatientsGroup(LocalServer server)
      throws Exception {
    Api api = new Api(server);
    Jobs.awaitTrue(
        () -> {
          Api.Reply job = api.get("reviewer", "/groupings/job");
          return job.status() == 404
              || !List.of("QUEUED", "RUNNING").contains(job.json().get("status").asText());
        },
        java.time.Duration.ofMinutes(3),
        "no grouping job running");
    Api.Reply before = api.get("reviewer", "/groupings/latest");
    long previous = before.status() == 200 ? before.json().get("id").asLong() : 0;
    try (Browser b = new Browser(server.baseUrl())) {
      b.signIn("reviewer", "reviewer");
      b.open("#/groups");
      b.await(By.id("regroup")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofMinutes(3))
          // The view redraws itself while the job runs; an element read mid-redraw is stale.
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              d -> {
                var meta = d.findElements(By.id("grouping-meta"));
                return !meta.isEmpty()
                    && !meta.get(0).getText().startsWith("Version " + previous + " ");
              });
      b.await(By.cssSelector("#group-scatter circle"));
      assertThat(b.driver().findElements(By.cssSelector("#groups tbody tr"))).isNotEmpty();
      b.driver().findElement(By.cssSelector("#groups tbody tr")).click();
      b.await(By.cssSelector("#group-member-list tbody tr"));
      b.screenshot("groups-regrouped");

      b.driver().findElement(By.cssSelector("#group-member-list tbody tr a")).click();
      b.await(By.id("patient-group"));
      assertThat(b.driver().findElement(By.id("patient-meta")).getText()).contains("group: ");
    }
  }

  @Test
  void mainScreens_renderAtDesktopAndTabletWidth(LocalServer server) throws Exception {
    for (int[] size : new int[][] {{1280, 800}, {800, 1100}}) {
      try (Browser b = new Browser(server.baseUrl(), size[0], size[1])) {
        b.signIn("admin", "admin");
        String suffix = size[0] == 1280 ? "" : "-tablet";
        b.open("#/queue");
        b.await(By.id("queue"));
        b.screenshot("queue" + suffix);
        b.open("#/jobs");
        b.await(By.id("jobs"));
        b.screenshot("jobs" + suffix);
        b.open("#/models");
        b.await(By.id("rouge-chart"));
        b.screenshot("models" + suffix);
        b.open("#/groups");
        // Empty on a fresh server, a grouping once GroupingIT or the regroup test has run.
        b.await(By.cssSelector("#groups-empty, #grouping-meta"));
        b.screenshot("groups" + suffix);
        b.open("#/patients");
        // The groups table's rows are clickable too: wait for the patients view itself.
        b.await(By.id("p-prefix"));
        b.await(By.cssSelector("tr.clickable")).click();
        b.await(By.cssSelector(".timeline"));
        b.screenshot("patient" + suffix);
        Long overflow =
            (Long)
                b.js(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no horizontal scrolling at " + size[0]).isLessThanOrEqualTo(0L);
      }
    }
  }

  @Test
  void sessionRequest_withoutCsrfToken_refused(LocalServer server) {
    try (Browser b = new Browser(server.baseUrl())) {
      b.signIn("admin", "admin");
      Object status =
          b.driver.executeAsyncScript(
              "const done = arguments[0];"
                  + "fetch('api/jobs/summarize', {method: 'POST', credentials: 'same-origin',"
                  + " headers: {'X-Requested-With': 'x'}}).then(r => done(r.status));");
      assertThat(status).isEqualTo(403L);
    }
  }
}
