package io.clinsum.ee.infrastructure.persistence.jdbc;

import io.clinsum.ee.application.GroupMemberView;
import io.clinsum.ee.application.GroupView;
import io.clinsum.ee.application.GroupingView;
import io.clinsum.ee.application.PatientGroupView;
import io.clinsum.ee.application.port.GroupingStore.PatientSummaries;
import io.clinsum.grouping.Grouping;
import io.clinsum.grouping.Membership;
import io.clinsum.grouping.PatientGroup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grouping versions in the database: written once, in one transaction, by the grouping job (up to
 * tens of thousands of memberships, hence JDBC batches), then only read, page by page.
 */
public final class GroupingRows {
  private static final String UNGROUPED_LABEL = "(fit no group)";
  private static final String SELECT_GROUPING =
      "SELECT id, job_id, created_by, created_at, model, model_version, algorithm, parameters,"
          + " patients, group_count, silhouette, notes FROM grouping";

  private GroupingRows() {}

  /**
   * Stores {@code grouping} as a new version.
   *
   * @param patientNumbers database ids of the patients, in the order of {@link Grouping#members()}
   * @return the version's id
   */
  public static long insert(
      Connection c, Long jobId, String createdBy, Grouping grouping, long[] patientNumbers)
      throws SQLException {
    long groupingId;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO grouping (job_id, created_by, model, model_version, algorithm,"
                + " parameters, patients, group_count, silhouette, notes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      if (jobId == null) {
        ps.setNull(1, java.sql.Types.BIGINT);
      } else {
        ps.setLong(1, jobId);
      }
      ps.setString(2, createdBy);
      ps.setString(3, grouping.embedder().model());
      ps.setString(4, grouping.embedder().version());
      ps.setString(5, grouping.algorithm());
      StringBuilder parameters = new StringBuilder();
      grouping.parameters().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> parameters.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
      ps.setString(6, parameters.toString());
      ps.setInt(7, grouping.members().size());
      ps.setInt(8, grouping.groups().size());
      ps.setDouble(9, grouping.silhouette());
      ps.setString(10, String.join("\n", grouping.notes()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        groupingId = rs.getLong(1);
      }
    }
    long ungrouped =
        grouping.members().stream().filter(m -> m.groupId() == Grouping.UNGROUPED).count();
    // Group ids by SDK group id; the ungrouped go to group number 0.
    Map<Integer, Long> groupIds = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO patient_group (grouping_id, group_number, label, terms, size, cohesion)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      List<Integer> order = new ArrayList<>();
      for (PatientGroup g : grouping.groups()) {
        addGroup(
            ps,
            groupingId,
            g.id() + 1,
            g.label(),
            String.join("\n", g.terms()),
            g.size(),
            g.cohesion());
        order.add(g.id());
      }
      if (ungrouped > 0) {
        addGroup(ps, groupingId, 0, UNGROUPED_LABEL, "", (int) ungrouped, 0);
        order.add(Grouping.UNGROUPED);
      }
      ps.executeBatch();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        for (int sdkId : order) {
          keys.next();
          groupIds.put(sdkId, keys.getLong(1));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO group_membership (grouping_id, patient_id, group_id, similarity, x, y)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      List<Membership> members = grouping.members();
      for (int i = 0; i < members.size(); i++) {
        Membership m = members.get(i);
        ps.setLong(1, groupingId);
        ps.setLong(2, patientNumbers[i]);
        ps.setLong(3, groupIds.get(m.groupId()));
        ps.setDouble(4, m.similarity());
        ps.setFloat(5, m.x());
        ps.setFloat(6, m.y());
        ps.addBatch();
        if (i % 1000 == 999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
    return groupingId;
  }

  private static void addGroup(
      PreparedStatement ps,
      long groupingId,
      int number,
      String label,
      String terms,
      int size,
      double cohesion)
      throws SQLException {
    ps.setLong(1, groupingId);
    ps.setInt(2, number);
    ps.setString(3, label.length() > 500 ? label.substring(0, 500) : label);
    ps.setString(4, terms);
    ps.setInt(5, size);
    ps.setDouble(6, cohesion);
    ps.addBatch();
  }

  /**
   * Every patient with at least one summary that was not rejected, with those summaries (as
   * reviewed, oldest note first).
   */
  public static List<PatientSummaries> patientSummaries(Connection c) throws SQLException {
    List<PatientSummaries> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.external_id, s.text FROM summary s JOIN note n ON n.id = s.note_id"
                + " JOIN patient p ON p.id = n.patient_id WHERE s.state <> 'REJECTED'"
                + " ORDER BY p.id, n.recorded_at NULLS LAST, n.id")) {
      ps.setFetchSize(2000);
      try (ResultSet rs = ps.executeQuery()) {
        PatientSummaries current = null;
        while (rs.next()) {
          long patient = rs.getLong(1);
          if (current == null || current.patientNumber() != patient) {
            current = new PatientSummaries(patient, rs.getString(2), new ArrayList<>());
            out.add(current);
          }
          current.texts().add(rs.getString(3));
        }
      }
    }
    return out;
  }

  /** Patients in all. */
  public static long patients(Connection c) throws SQLException {
    return single(c, "SELECT count(*) FROM patient");
  }

  /** Versions, newest first. */
  public static List<GroupingView> page(Connection c, int offset, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SELECT_GROUPING + " ORDER BY id DESC OFFSET ? LIMIT ?")) {
      ps.setInt(1, offset);
      ps.setInt(2, limit);
      return groupings(c, ps);
    }
  }

  public static long count(Connection c) throws SQLException {
    return single(c, "SELECT count(*) FROM grouping");
  }

  public static Optional<GroupingView> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_GROUPING + " WHERE id = ?")) {
      ps.setLong(1, id);
      return groupings(c, ps).stream().findFirst();
    }
  }

  public static boolean exists(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM grouping WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public static Optional<GroupingView> latest(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_GROUPING + " ORDER BY id DESC LIMIT 1")) {
      return groupings(c, ps).stream().findFirst();
    }
  }

  /** Members of a grouping (of one group when {@code group} is not null). */
  public static List<GroupMemberView> members(
      Connection c, long groupingId, Integer group, int offset, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT p.id, p.external_id, g.group_number, m.similarity, m.x, m.y"
                + " FROM group_membership m JOIN patient_group g ON g.id = m.group_id"
                + " JOIN patient p ON p.id = m.patient_id WHERE m.grouping_id = ?"
                + (group == null ? "" : " AND g.group_number = ?")
                + " ORDER BY g.group_number = 0, g.group_number, m.similarity DESC, p.id"
                + " OFFSET ? LIMIT ?")) {
      int i = 1;
      ps.setLong(i++, groupingId);
      if (group != null) {
        ps.setInt(i++, group);
      }
      ps.setInt(i++, offset);
      ps.setInt(i, limit);
      List<GroupMemberView> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new GroupMemberView(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getDouble(4),
                  rs.getFloat(5),
                  rs.getFloat(6)));
        }
      }
      return out;
    }
  }

  public static long countMembers(Connection c, long groupingId, Integer group)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM group_membership m JOIN patient_group g ON g.id = m.group_id"
                + " WHERE m.grouping_id = ?"
                + (group == null ? "" : " AND g.group_number = ?"))) {
      ps.setLong(1, groupingId);
      if (group != null) {
        ps.setInt(2, group);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The group of the patient with identifier {@code patientId} in the newest grouping. */
  public static Optional<PatientGroupView> patientGroup(Connection c, String patientId)
      throws SQLException {
    return patientGroup(c, "p.external_id = ?", ps -> ps.setString(1, patientId));
  }

  /** The group of the patient with number {@code patientNumber} in the newest grouping. */
  public static Optional<PatientGroupView> patientGroup(Connection c, long patientNumber)
      throws SQLException {
    return patientGroup(c, "p.id = ?", ps -> ps.setLong(1, patientNumber));
  }

  @FunctionalInterface
  private interface Bind {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static Optional<PatientGroupView> patientGroup(Connection c, String where, Bind bind)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT gr.id, gr.created_at, g.id, g.group_number, g.label, g.terms, g.size,"
                + " g.cohesion, m.similarity, p.external_id FROM patient p"
                + " JOIN group_membership m ON m.patient_id = p.id"
                + " JOIN patient_group g ON g.id = m.group_id"
                + " JOIN grouping gr ON gr.id = m.grouping_id"
                + " WHERE "
                + where
                + " ORDER BY gr.id DESC LIMIT 1")) {
      bind.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new PatientGroupView(
                rs.getLong(1),
                rs.getTimestamp(2).toInstant(),
                rs.getString(10),
                new GroupView(
                    rs.getLong(3),
                    rs.getInt(4),
                    rs.getString(5),
                    lines(rs.getString(6)),
                    rs.getInt(7),
                    rs.getDouble(8)),
                rs.getDouble(9)));
      }
    }
  }

  private static List<GroupingView> groupings(Connection c, PreparedStatement ps)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long job = rs.getLong(2);
        rows.add(
            new Object[] {
              rs.getLong(1),
              rs.wasNull() ? null : job,
              rs.getString(3),
              rs.getTimestamp(4).toInstant(),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getInt(9),
              rs.getInt(10),
              rs.getDouble(11),
              rs.getString(12)
            });
      }
    }
    List<GroupingView> out = new ArrayList<>();
    for (Object[] r : rows) {
      Map<String, String> parameters = new LinkedHashMap<>();
      for (String line : lines((String) r[7])) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          parameters.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      long id = (Long) r[0];
      out.add(
          new GroupingView(
              id,
              (Long) r[1],
              (String) r[2],
              (java.time.Instant) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              parameters,
              (Integer) r[8],
              (Integer) r[9],
              (Double) r[10],
              lines((String) r[11]),
              groups(c, id)));
    }
    return out;
  }

  private static List<GroupView> groups(Connection c, long groupingId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, group_number, label, terms, size, cohesion FROM patient_group"
                + " WHERE grouping_id = ? ORDER BY group_number = 0, group_number")) {
      ps.setLong(1, groupingId);
      List<GroupView> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new GroupView(
                  rs.getLong(1),
                  rs.getInt(2),
                  rs.getString(3),
                  lines(rs.getString(4)),
                  rs.getInt(5),
                  rs.getDouble(6)));
        }
      }
      return out;
    }
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
  }
}
