package io.clinsum.core.deid;

import java.util.Locale;

/**
 * Kinds of protected health information, after the 18 identifier types of the HIPAA Safe Harbor
 * method (45 CFR 164.514(b)(2)); {@link #safeHarborItem()} gives the item each belongs to. The
 * geographic item is split into street addresses, other locations, ZIP or post codes and
 * facilities, because each needs its own surrogate.
 *
 * <p>{@link #BIOMETRIC} and {@link #PHOTO} are listed for completeness: they are not text, so the
 * built-in rules never report them; a {@link io.clinsum.core.deid.spi.PhiDetector} may.
 */
public enum PhiCategory {
  /** Names of patients, relatives, staff and other people. */
  NAME(1),
  /** Street addresses. */
  ADDRESS(2),
  /** Cities, towns, counties and other places smaller than a state. */
  LOCATION(2),
  /** ZIP codes and UK post codes. */
  ZIP(2),
  /** Hospitals, clinics, care homes and other named facilities. */
  FACILITY(2),
  /** Dates more precise than a year (birth, admission, discharge, death, any other). */
  DATE(3),
  /** Ages over 89. */
  AGE(3),
  /** Telephone numbers (US and UK formats). */
  PHONE(4),
  /** Fax numbers. */
  FAX(5),
  /** Email addresses. */
  EMAIL(6),
  /** Social security numbers. */
  SSN(7),
  /** Medical record numbers, NHS numbers, hospital and patient ids. */
  MRN(8),
  /** Health plan beneficiary, member and policy numbers. */
  HEALTH_PLAN(9),
  /** Account and billing numbers. */
  ACCOUNT(10),
  /** Certificate and licence numbers. */
  LICENSE(11),
  /** Vehicle identifiers: VINs and licence plates. */
  VEHICLE(12),
  /** Device identifiers and serial numbers. */
  DEVICE(13),
  /** Web addresses. */
  URL(14),
  /** IP addresses. */
  IP(15),
  /** Biometric identifiers (finger and voice prints); never found in text by the built-in rules. */
  BIOMETRIC(16),
  /** Full-face photographs and comparable images; never found in text by the built-in rules. */
  PHOTO(17),
  /** Any other unique identifying number or code. */
  OTHER_ID(18);

  private final int safeHarborItem;

  PhiCategory(int safeHarborItem) {
    this.safeHarborItem = safeHarborItem;
  }

  /** The Safe Harbor identifier item, 1 to 18, that this category belongs to. */
  public int safeHarborItem() {
    return safeHarborItem;
  }

  /** The tag that replaces a span in {@link MaskingMode#TAG} mode, such as {@code [NAME]}. */
  public String tag() {
    return "[" + name().toUpperCase(Locale.ROOT) + "]";
  }
}
