package io.clinsum.core.deid;

import io.clinsum.core.ConfigurationException;
import io.clinsum.core.deid.internal.RuleBasedDeidentifier;
import io.clinsum.core.deid.spi.PhiDetector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds protected health information in note text and masks it. The built-in detector is pure Java:
 * context patterns (titles such as {@code Dr.}, {@code seen by}, {@code MRN:}, {@code DOB:}, US and
 * UK phone formats, NHS numbers with their check digit, emails, URLs, IP addresses, SSNs, ZIP and
 * post codes, ages over 89, device serials, account numbers, dates in the common formats) and
 * dictionaries of names, places and facilities, with an allow-list of clinical terms (drug names,
 * eponymous diagnoses such as Parkinson or Hodgkin, devices such as Foley, scores such as Apgar,
 * doses, vital signs) that are never masked.
 *
 * <pre>{@code
 * Deidentifier deid = Deidentifier.builder()
 *     .mode(MaskingMode.SURROGATE)
 *     .secret(secretBytesFromYourKeyStore)
 *     .build();
 * DeidentifiedText masked = deid.deidentify(noteText, patientId);
 * send(masked.text());
 * }</pre>
 *
 * <p>Rule-based de-identification lowers the risk, it does not remove it: read {@code docs/deid.md}
 * for what is and is not found. Deidentifiers from the builder are immutable and thread-safe and
 * keep no state between calls; they never log text.
 */
public interface Deidentifier {
  /**
   * The PHI spans in {@code text}, in order and not overlapping, with offsets into {@code text}.
   *
   * @throws io.clinsum.core.InvalidRequestException if {@code text} is null or longer than {@link
   *     io.clinsum.core.Summarizer#MAX_NOTE_CHARS}
   */
  List<PhiSpan> find(String text);

  /**
   * Masks {@code text}. In {@link MaskingMode#SURROGATE} mode the surrogates and the date offset
   * derive from the secret and {@code patientKey}: the same name in two notes of the same patient
   * becomes the same fake name, and two patients get different ones.
   *
   * @param patientKey identifies the patient (an MRN, a hash of one); {@code null} or empty puts
   *     every note under one key
   * @throws io.clinsum.core.InvalidRequestException if {@code text} is null or too long ({@link
   *     io.clinsum.core.FailureReason#BAD_INPUT})
   * @throws io.clinsum.core.ClinSumException ({@link io.clinsum.core.FailureReason#INTERNAL}) if
   *     masking fails; the text is never returned unmasked
   */
  DeidentifiedText deidentify(String text, String patientKey);

  /** Masks {@code text} under the empty patient key; see {@link #deidentify(String, String)}. */
  default DeidentifiedText deidentify(String text) {
    return deidentify(text, "");
  }

  /** How this deidentifier replaces what it finds. */
  MaskingMode mode();

  /** A builder with every option unset (tag mode, all categories, built-in rules only). */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Builder for the built-in deidentifier; unset values take their defaults in {@link #build()}.
   */
  final class Builder {
    private MaskingMode mode;
    private byte[] secret;
    private boolean keepMap;
    private Set<PhiCategory> categories;
    private Double minConfidence;
    private final List<PhiDetector> detectors = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> places = new ArrayList<>();
    private final List<String> keep = new ArrayList<>();

    private Builder() {}

    /** How spans are replaced. Default {@link MaskingMode#TAG}. */
    public Builder mode(MaskingMode mode) {
      this.mode = mode;
      return this;
    }

    /**
     * The key surrogates and date offsets derive from (HMAC-SHA256), at least 16 bytes. Required in
     * {@link MaskingMode#SURROGATE} mode. Keep it secret and stable: whoever holds it can test
     * guesses of the original values; changing it changes every surrogate.
     */
    public Builder secret(byte[] secret) {
      this.secret = secret == null ? null : secret.clone();
      return this;
    }

    /**
     * Whether {@link Deidentifier#deidentify} returns a {@link ReidentificationMap}. Default false:
     * the map holds PHI, ask for it only where you put the values back (a summary).
     */
    public Builder keepReidentificationMap(boolean keep) {
      this.keepMap = keep;
      return this;
    }

    /**
     * Categories to mask. Default all. Spans of other categories are still found by {@link
     * Deidentifier#find} but left in the text; narrow it only for a data use agreement that allows
     * it (a limited data set keeps dates and towns).
     */
    public Builder categories(Set<PhiCategory> categories) {
      this.categories = categories == null ? null : EnumSet.copyOf(categories);
      return this;
    }

    /**
     * Spans below this confidence are ignored, from 0 to 1. Default 0 (mask every candidate). Raise
     * it to trade recall for precision.
     */
    public Builder minConfidence(double minConfidence) {
      this.minConfidence = minConfidence;
      return this;
    }

    /** Adds a detector whose spans are merged with the built-in rules' (a model, a site rule). */
    public Builder detector(PhiDetector detector) {
      detectors.add(java.util.Objects.requireNonNull(detector, "detector"));
      return this;
    }

    /** Adds names (first names or surnames, one word each) to the built-in name dictionary. */
    public Builder names(Collection<String> names) {
      this.names.addAll(names);
      return this;
    }

    /** Adds places or facilities (one or more words each) to the built-in place dictionary. */
    public Builder places(Collection<String> places) {
      this.places.addAll(places);
      return this;
    }

    /**
     * Adds words that are never masked on dictionary evidence alone (local drug or device names
     * that are also surnames). Context rules ({@code Dr. X}, {@code Patient: X}) still apply.
     */
    public Builder keep(String... words) {
      this.keep.addAll(Arrays.asList(words));
      return this;
    }

    /**
     * Builds the deidentifier; the dictionaries are read once per class loader on first use.
     *
     * @throws ConfigurationException if surrogate mode has no secret or one under 16 bytes, or
     *     {@code minConfidence} is outside 0..1
     */
    public Deidentifier build() {
      MaskingMode m = mode == null ? MaskingMode.TAG : mode;
      if (m == MaskingMode.SURROGATE && (secret == null || secret.length < 16)) {
        throw new ConfigurationException(
            "secret: surrogate mode needs a secret of at least 16 bytes (from a key store, stable"
                + " across runs), was "
                + (secret == null ? "unset" : secret.length + " bytes"));
      }
      double min = minConfidence == null ? 0 : minConfidence;
      if (!(min >= 0 && min <= 1)) {
        throw new ConfigurationException("minConfidence: must be in 0..1, was " + min);
      }
      Set<PhiCategory> cats =
          categories == null || categories.isEmpty()
              ? EnumSet.allOf(PhiCategory.class)
              : EnumSet.copyOf(categories);
      return new RuleBasedDeidentifier(
          m,
          secret == null ? new byte[0] : secret,
          keepMap,
          cats,
          min,
          List.copyOf(detectors),
          List.copyOf(names),
          List.copyOf(places),
          List.copyOf(keep));
    }
  }
}
