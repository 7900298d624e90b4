package io.clinsum.ee.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.ee.devserver.LocalServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notes → summaries → regroup job → grouping versions, groups, members and a patient's group,
 * through the REST API with the real all-MiniLM-L6-v2 model inside WildFly.
 */
@ExtendWith(ClinSumServerExtension.class)
class GroupingIT {
  private static final String[] CARDIAC = {
    "Crushing central chest pain radiating to the left arm. ECG: ST elevation in V2-V4. Troponin"
        + " raised. Anterior STEMI, taken for primary PCI.",
    "Chest tightness and sweating since this morning. Troponin 2.3. NSTEMI; started on aspirin,"
        + " ticagrelor and heparin; angiogram planned.",
    "Central chest pain on exertion relieved by GTN. Known angina. ECG shows ST depression;"
        + " cardiology review for unstable angina."
  };
  private static final String[] OBSTETRIC = {
    "Primigravida at 39 weeks in active labour, contractions every three minutes, cervix 6 cm,"
        + " fetal heart rate reassuring, epidural sited.",
    "Pregnant at 34 weeks with headache and BP 160/110, proteinuria 3+. Pre-eclampsia;"
        + " magnesium sulphate started, obstetric team aware.",
    "Postpartum day one after caesarean section. Fundus firm, lochia moderate, breastfeeding"
        + " established, wound clean."
  };

  private static String csv(String prefix, String[] notes, int patients) {
    StringBuilder csv = new StringBuilder();
    for (int p = 0; p < patients; p++) {
      csv.append(
          Api.csvLine(prefix + "-" + p, "progress", notes[p % notes.length] + " Bed " + p + "."));
    }
    return csv.toString();
  }

  @Test
  void regroup_makesAVersionWhoseGroupsSeparateCardiacFromObstetricPatients(LocalServer server) {
    Api api = new Api(server);
    String cardiac = Api.unique("CARD");
    String obstetric = Api.unique("OBS");
    Api.Reply imported =
        api.postCsv(
            "clinician",
            "/notes/import",
            "patient_id,note_type,note\n"
                + csv(cardiac, CARDIAC, 8)
                + csv(obstetric, OBSTETRIC, 8));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    Jobs.awaitStatus(api, Jobs.start(api, 16), "SUCCEEDED");

    JsonNode job = regroup(api, "reviewer", "kmeans", null);
    assertThat(job.get("kind").asText()).isEqualTo("GROUP");
    JsonNode done = awaitGroupJob(api, job.get("id").asLong());
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.get("progress").asDouble()).isEqualTo(1.0);

    JsonNode latest = api.get("clinician", "/groupings/latest").json();
    assertThat(latest.get("jobId").asLong()).isEqualTo(job.get("id").asLong());
    assertThat(latest.get("model").asText()).isEqualTo("all-MiniLM-L6-v2");
    assertThat(latest.get("algorithm").asText()).isEqualTo("k-means");
    assertThat(latest.get("patients").asInt()).isGreaterThanOrEqualTo(16);
    assertThat(latest.get("silhouette").asDouble()).isBetween(-1.0, 1.0);
    assertThat(latest.get("createdBy").asText()).isEqualTo("reviewer");
    JsonNode groups = latest.get("groups");
    assertThat(groups.size()).isEqualTo(latest.get("groupCount").asInt()).isGreaterThanOrEqualTo(2);
    int sizes = 0;
    for (JsonNode g : groups) {
      assertThat(g.get("label").asText()).isNotBlank();
      sizes += g.get("size").asInt();
    }
    assertThat(sizes).isEqualTo(latest.get("patients").asInt());

    // Members: every patient once; ours separate by specialty.
    long id = latest.get("id").asLong();
    List<JsonNode> members = allMembers(api, id);
    assertThat(members).hasSize(latest.get("patients").asInt());
    Map<String, Integer> groupOf =
        members.stream()
            .collect(
                Collectors.toMap(m -> m.get("patientId").asText(), m -> m.get("group").asInt()));
    int cardiacGroup = majority(groupOf, cardiac);
    int obstetricGroup = majority(groupOf, obstetric);
    assertThat(cardiacGroup).isNotEqualTo(obstetricGroup);

    // One group's members, most typical first; a patient's own group.
    JsonNode inGroup =
        api.get("clinician", "/groupings/" + id + "/members?group=" + cardiacGroup + "&size=500")
            .json();
    List<Double> similarities = new ArrayList<>();
    inGroup.get("items").forEach(m -> similarities.add(m.get("similarity").asDouble()));
    assertThat(similarities).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    String patient = cardiac + "-0";
    JsonNode own = api.get("clinician", "/patients/" + enc(patient) + "/group").json();
    assertThat(own.get("groupingId").asLong()).isEqualTo(id);
    assertThat(own.get("group").get("number").asInt()).isEqualTo(groupOf.get(patient));
    long number =
        members.stream()
            .filter(m -> m.get("patientId").asText().equals(patient))
            .findFirst()
            .orElseThrow()
            .get("patientNumber")
            .asLong();
    assertThat(api.get("clinician", "/patients/by-number/" + number + "/group").json())
        .isEqualTo(own);

    // A second version with k fixed: listed first, with its parameters.
    JsonNode second = awaitGroupJob(api, regroup(api, "admin", "kmeans", 3).get("id").asLong());
    assertThat(second.get("status").asText()).isEqualTo("SUCCEEDED");
    JsonNode versions = api.get("reviewer", "/groupings?size=10").json();
    JsonNode newest = versions.get("items").get(0);
    assertThat(newest.get("id").asLong()).isGreaterThan(id);
    assertThat(newest.get("groupCount").asInt()).isEqualTo(3);
    assertThat(newest.get("parameters").get("k").asText()).isEqualTo("3");
    assertThat(versions.get("total").asLong()).isGreaterThanOrEqualTo(2);
    // The patient's group now comes from the newest version; the old one is still readable.
    assertThat(
            api.get("clinician", "/patients/" + enc(patient) + "/group")
                .json()
                .get("groupingId")
                .asLong())
        .isEqualTo(newest.get("id").asLong());
    assertThat(api.get("clinician", "/groupings/" + id).status()).isEqualTo(200);
  }

  @Test
  void jobLeftRunningByAnEarlierServer_isRunAgainAndEndsWithAVersion(LocalServer server)
      throws Exception {
    Api api = new Api(server);
    Api.Reply imported =
        api.postCsv(
            "clinician",
            "/notes/import",
            "patient_id,note_type,note\n" + csv(Api.unique("ORPH"), CARDIAC, 3));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    Jobs.awaitStatus(api, Jobs.start(api, 16), "SUCCEEDED");
    awaitNoOpenGroupJob(api);
    // What a kill -9 leaves behind: RUNNING, claimed by a runner that no longer exists.
    long jobId;
    try (java.sql.Connection c = server.openJdbcConnection();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO job (kind, status, created_by, parameters, runner, attempts,"
                    + " launches, started_at) VALUES ('GROUP', 'RUNNING', 'admin',"
                    + " 'algorithm=kmeans;k=2', 'a-server-that-died', 1, 1, now()) RETURNING id")) {
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        jobId = rs.getLong(1);
      }
    }
    // While it is open, no second grouping job can start.
    Api.Reply second = post(api, "admin", "/groupings");
    assertThat(second.status()).as(second.toString()).isEqualTo(409);
    assertThat(second.toString()).contains("A grouping job is queued or running");
    JsonNode job = awaitGroupJob(api, jobId);
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("launches").asInt()).isEqualTo(2);
    JsonNode latest = api.get("reviewer", "/groupings/latest").json();
    assertThat(latest.get("jobId").asLong()).isEqualTo(jobId);
    assertThat(latest.get("groupCount").asInt()).isEqualTo(2);
    assertThat(Jobs.scalar(server, "SELECT count(*) FROM grouping WHERE job_id = " + jobId))
        .isEqualTo(1);
  }

  @Test
  void badRequestsGetProblemsThatNameTheField(LocalServer server) {
    Api api = new Api(server);
    Api.Reply unknown = post(api, "admin", "/groupings?algorithm=spectral");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.toString()).contains("algorithm").contains("spectral");
    Api.Reply tooFew = post(api, "admin", "/groupings?k=1");
    assertThat(tooFew.status()).isEqualTo(400);
    assertThat(tooFew.toString()).contains("must be 2 to 200");
    Api.Reply hdbscanK = post(api, "admin", "/groupings?algorithm=hdbscan&k=4");
    assertThat(hdbscanK.status()).isEqualTo(400);
    assertThat(hdbscanK.toString()).contains("kmeans only");
    assertThat(post(api, "admin", "/groupings?k=abc").status()).isIn(400, 404);
    assertThat(post(api, "clinician", "/groupings").status()).isEqualTo(403);

    assertThat(api.get("clinician", "/groupings/987654321").status()).isEqualTo(404);
    assertThat(api.get("clinician", "/groupings/987654321/members").status()).isEqualTo(404);
    Api.Reply nobody = api.get("clinician", "/patients/" + enc("no such <patient>") + "/group");
    assertThat(nobody.status()).isEqualTo(404);
    assertThat(nobody.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.get("clinician", "/groupings?size=0").status()).isEqualTo(400);
  }

  private static JsonNode regroup(Api api, String user, String algorithm, Integer k) {
    awaitNoOpenGroupJob(api);
    Api.Reply r =
        post(api, user, "/groupings?algorithm=" + algorithm + (k == null ? "" : "&k=" + k));
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    return r.json();
  }

  private static Api.Reply post(Api api, String user, String path) {
    return api.post(user, path, "application/json", new byte[0]);
  }

  private static void awaitNoOpenGroupJob(Api api) {
    Jobs.awaitTrue(
        () -> {
          Api.Reply r = api.get("reviewer", "/groupings/job");
          return r.status() == 404
              || !List.of("QUEUED", "RUNNING").contains(r.json().get("status").asText());
        },
        Duration.ofMinutes(3),
        "no grouping job running");
  }

  private static JsonNode awaitGroupJob(Api api, long jobId) {
    return Jobs.await(
        api,
        jobId,
        j -> List.of("SUCCEEDED", "FAILED").contains(j.get("status").asText()),
        Duration.ofMinutes(3));
  }

  private static List<JsonNode> allMembers(Api api, long groupingId) {
    List<JsonNode> out = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode p =
          api.get("clinician", "/groupings/" + groupingId + "/members?size=500&page=" + page)
              .json();
      p.get("items").forEach(out::add);
      if (out.size() >= p.get("total").asLong()) {
        return out;
      }
    }
  }

  private static int majority(Map<String, Integer> groupOf, String prefix) {
    Map<Integer, Long> counts =
        groupOf.entrySet().stream()
            .filter(e -> e.getKey().startsWith(prefix + "-"))
            .collect(
                Collectors.groupingBy(Map.Entry::getValue, HashMap::new, Collectors.counting()));
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8);
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
