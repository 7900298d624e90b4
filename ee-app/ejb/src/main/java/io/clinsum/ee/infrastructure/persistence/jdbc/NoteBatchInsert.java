package io.clinsum.ee.infrastructure.persistence.jdbc;

import io.clinsum.ee.domain.model.note.NoteDetails;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes validated notes a batch at a time: two statements per batch whatever its size (patients,
 * then notes, each from arrays through {@code unnest}), which is what makes bulk import fast. A
 * note whose patient already has the same text is skipped, so importing a file twice adds nothing.
 */
public final class NoteBatchInsert {
  private static final String PATIENTS =
      "INSERT INTO patient (external_id) SELECT DISTINCT unnest(?::varchar[])"
          + " ON CONFLICT (external_id) DO NOTHING";

  private static final String NOTES =
      "INSERT INTO note (patient_id, external_id, note_type, author_role, source, recorded_at,"
          + " text, created_by)"
          + " SELECT p.id, t.ext, t.type, t.role, t.src, t.rec::timestamptz, t.txt, ?"
          + " FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
          + " ?::text[], ?::text[]) WITH ORDINALITY AS t(pid, ext, type, role, src, rec, txt, ord)"
          + " JOIN patient p ON p.external_id = t.pid"
          + " ORDER BY t.ord"
          + " ON CONFLICT (patient_id, md5(text)) DO NOTHING";

  private NoteBatchInsert() {}

  /**
   * Inserts {@code notes} on {@code connection} (in the caller's transaction).
   *
   * @return how many were new (the rest were duplicates)
   */
  public static int insert(Connection connection, List<NoteDetails> notes, String createdBy)
      throws SQLException {
    if (notes.isEmpty()) {
      return 0;
    }
    int n = notes.size();
    String[] patients = new String[n];
    String[] ids = new String[n];
    String[] types = new String[n];
    String[] roles = new String[n];
    String[] sources = new String[n];
    String[] recorded = new String[n];
    String[] texts = new String[n];
    for (int i = 0; i < n; i++) {
      NoteDetails d = notes.get(i);
      patients[i] = d.patientExternalId();
      ids[i] = d.externalId();
      types[i] = d.noteType();
      roles[i] = d.authorRole();
      sources[i] = d.source();
      recorded[i] = d.recordedAt() == null ? null : d.recordedAt().toString();
      texts[i] = d.text();
    }
    try (PreparedStatement ps = connection.prepareStatement(PATIENTS)) {
      ps.setArray(1, connection.createArrayOf("varchar", patients));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = connection.prepareStatement(NOTES)) {
      ps.setString(1, createdBy);
      Array[] arrays = {
        connection.createArrayOf("varchar", patients),
        connection.createArrayOf("varchar", ids),
        connection.createArrayOf("varchar", types),
        connection.createArrayOf("varchar", roles),
        connection.createArrayOf("varchar", sources),
        connection.createArrayOf("text", recorded),
        connection.createArrayOf("text", texts)
      };
      for (int i = 0; i < arrays.length; i++) {
        ps.setArray(i + 2, arrays[i]);
      }
      return ps.executeUpdate();
    }
  }
}
