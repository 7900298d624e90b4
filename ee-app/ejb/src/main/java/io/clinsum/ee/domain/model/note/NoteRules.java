package io.clinsum.ee.domain.model.note;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The checks every note passes before it is stored, whether it comes alone or in a file. */
public final class NoteRules {
  public static final int MAX_ID_CHARS = 128;
  public static final int MAX_LABEL_CHARS = 64;
  private static final java.time.Instant EARLIEST = java.time.Instant.parse("1800-01-01T00:00:00Z");
  private static final java.time.Instant LATEST = java.time.Instant.parse("2200-01-01T00:00:00Z");
  private static final Pattern LABEL =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._/()&,+:'#-]*");

  private NoteRules() {}

  /** A problem with one field: which field and what is wrong. */
  public record Violation(String field, String message) {}

  /** Every problem with {@code details}; empty when it may be stored. */
  public static List<Violation> check(NoteDetails details) {
    List<Violation> out = new ArrayList<>();
    identifier(out, "patient_id", details.patientExternalId(), true);
    identifier(out, "note_id", details.externalId(), false);
    label(out, "note_type", details.noteType(), true);
    label(out, "author_role", details.authorRole(), false);
    if (details.source() != null && details.source().length() > MAX_ID_CHARS) {
      out.add(new Violation("source", "is longer than " + MAX_ID_CHARS + " characters"));
    }
    if (details.recordedAt() != null
        && (details.recordedAt().isBefore(EARLIEST) || details.recordedAt().isAfter(LATEST))) {
      out.add(new Violation("recorded_at", "must lie between the years 1800 and 2200"));
    }
    String text = details.text();
    if (text.isBlank()) {
      out.add(new Violation("text", "is empty"));
    } else if (text.length() > ClinicalNote.MAX_TEXT_CHARS) {
      out.add(
          new Violation(
              "text",
              "has "
                  + text.length()
                  + " characters; the limit is "
                  + ClinicalNote.MAX_TEXT_CHARS
                  + " (split the note)"));
    } else if (text.indexOf('\0') >= 0) {
      out.add(new Violation("text", "contains a NUL character at index " + text.indexOf('\0')));
    } else {
      int bad = unpairedSurrogate(text);
      if (bad >= 0) {
        out.add(
            new Violation(
                "text",
                "contains a broken UTF-16 surrogate at index " + bad + " (not valid text)"));
      }
    }
    return out;
  }

  /** The index of the first unpaired surrogate, or -1: such text cannot be stored as UTF-8. */
  static int unpairedSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  private static void identifier(
      List<Violation> out, String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        out.add(new Violation(field, "is missing"));
      }
      return;
    }
    if (value.length() > MAX_ID_CHARS) {
      out.add(new Violation(field, "is longer than " + MAX_ID_CHARS + " characters"));
    } else if (value.chars().anyMatch(Character::isISOControl) || unpairedSurrogate(value) >= 0) {
      out.add(new Violation(field, "contains control characters"));
    }
  }

  private static void label(List<Violation> out, String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        out.add(new Violation(field, "is missing"));
      }
      return;
    }
    if (value.length() > MAX_LABEL_CHARS) {
      out.add(new Violation(field, "is longer than " + MAX_LABEL_CHARS + " characters"));
    } else if (!LABEL.matcher(value).matches()) {
      out.add(
          new Violation(
              field,
              "must start with a letter or digit and hold only letters, digits, spaces and"
                  + " . _ / ( ) & , + : ' # -"));
    }
  }
}
