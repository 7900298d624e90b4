package io.clinsum.ee.domain.model.note;

import io.clinsum.ee.domain.model.patient.Patient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A clinical note as written: stored verbatim, never changed after import. */
@Entity
@Table(name = "note")
public class ClinicalNote {
  /** The longest note accepted, in characters (the SDK's own limit). */
  public static final int MAX_TEXT_CHARS = 1_000_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "patient_id")
  private Patient patient;

  @Column(name = "external_id", length = 128)
  private String externalId;

  @Column(name = "note_type", nullable = false, length = 64)
  private String noteType;

  @Column(name = "author_role", length = 64)
  private String authorRole;

  @Column(name = "source", length = 128)
  private String source;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  @Column(name = "text", nullable = false)
  private String text;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  protected ClinicalNote() {}

  public ClinicalNote(Patient patient, NoteDetails details, String createdBy) {
    this.patient = patient;
    this.externalId = details.externalId();
    this.noteType = details.noteType();
    this.authorRole = details.authorRole();
    this.source = details.source();
    this.recordedAt = details.recordedAt();
    this.text = details.text();
    this.createdBy = createdBy;
  }

  public Long getId() {
    return id;
  }

  public Patient getPatient() {
    return patient;
  }

  public String getExternalId() {
    return externalId;
  }

  public String getNoteType() {
    return noteType;
  }

  public String getAuthorRole() {
    return authorRole;
  }

  public String getSource() {
    return source;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public String getText() {
    return text;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
