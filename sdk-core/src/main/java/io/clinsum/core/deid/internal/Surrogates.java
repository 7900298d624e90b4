package io.clinsum.core.deid.internal;

import io.clinsum.core.deid.PhiCategory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fake values for one note under one patient key: HMAC-SHA256 of the secret over (patient key,
 * category, value) picks each surrogate, so the same value of the same patient always gets the same
 * one. Not thread-safe: one instance per call.
 */
final class Surrogates {
  private static final String[] TOWNS = {
    "Millbrook", "Eastwood", "Fairhaven", "Oakridge", "Brookfield", "Lakeview", "Hillcrest",
    "Westbury", "Northgate", "Stonebridge", "Elmstead", "Cedarville", "Maplewood", "Pinehurst",
    "Glendale", "Ashby", "Thornbury", "Kingsmere", "Larkfield", "Redwater"
  };
  private static final String[] STREETS = {
    "Oak",
    "Maple",
    "Cedar",
    "Elm",
    "Pine",
    "Birch",
    "Willow",
    "Chestnut",
    "Walnut",
    "Spruce",
    "Hawthorn",
    "Juniper",
    "Laurel",
    "Magnolia",
    "Sycamore",
    "Poplar"
  };

  private final Mac mac;
  private final byte[] prefix;
  private final String[] firstNames;
  private final String[] surnames;
  private final Map<String, String> nameTokens = new HashMap<>();
  private final Map<String, String> usedBy = new HashMap<>();

  Surrogates(byte[] secret, String patientKey, String[] firstNames, String[] surnames) {
    try {
      this.mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
    this.prefix = (patientKey == null ? "" : patientKey).getBytes(StandardCharsets.UTF_8);
    this.firstNames = firstNames;
    this.surnames = surnames;
  }

  long hash(String kind, String value) {
    mac.update(prefix);
    mac.update((byte) 0);
    mac.update(kind.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (h[i] & 0xff);
    }
    return v & Long.MAX_VALUE;
  }

  /** Days every date of this patient moves: 1 to 365 either way, never 0. */
  int dateShiftDays() {
    long h = hash("date-shift", "");
    int days = (int) (h % 365) + 1;
    return (h & (1L << 40)) != 0 ? days : -days;
  }

  String surrogate(PhiCategory cat, String original, boolean firstName) {
    String key = Lexicon.lower(original.strip());
    long h = hash(cat.name(), key);
    return switch (cat) {
      case NAME -> name(original);
      case DATE -> {
        String shifted = DateShifter.shift(original, dateShiftDays());
        yield shifted != null ? shifted : cat.tag();
      }
      case AGE -> "90";
      case EMAIL ->
          Lexicon.lower(pick(firstNames, h))
              + "."
              + Lexicon.lower(pick(surnames, h >>> 20))
              + "@example.org";
      case URL -> "https://example.org/" + Long.toHexString(h).substring(0, 8);
      case IP ->
          "10." + ((h >>> 8) & 0xff) + "." + ((h >>> 16) & 0xff) + "." + (1 + (h >>> 24) % 254);
      case ADDRESS -> (1 + h % 998) + " " + pick(STREETS, h >>> 12) + " Street";
      case LOCATION -> pick(TOWNS, h);
      case FACILITY -> pick(TOWNS, h) + " Medical Center";
      case SSN -> "9" + shape(original.substring(1), h);
      case BIOMETRIC, PHOTO -> cat.tag();
      default -> shape(original, h);
    };
  }

  /** Same layout, other characters: digits stay digits, letters keep their case, the rest stays. */
  private static String shape(String s, long h) {
    StringBuilder out = new StringBuilder(s.length());
    long x = h | 1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      int r = (int) ((x >>> 1) % 26);
      if (Character.isDigit(c)) {
        out.append((char) ('0' + r % 10));
      } else if (Character.isUpperCase(c)) {
        out.append((char) ('A' + r));
      } else if (Character.isLowerCase(c)) {
        out.append((char) ('a' + r));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private String name(String original) {
    StringBuilder out = new StringBuilder(original.length() + 4);
    int i = 0;
    int n = original.length();
    while (i < n) {
      char c = original.charAt(i);
      if (!Character.isLetter(c)) {
        out.append(c);
        i++;
        continue;
      }
      int s = i;
      while (i < n
          && (Character.isLetter(original.charAt(i))
              || original.charAt(i) == '\''
              || original.charAt(i) == '-')) {
        i++;
      }
      out.append(nameToken(original.substring(s, i)));
    }
    return out.toString();
  }

  /** The surrogate of one name word, the same for the same word within this patient. */
  String nameToken(String token) {
    String key = Lexicon.lower(token);
    String done = nameTokens.get(key);
    if (done == null) {
      if (key.length() == 1) {
        done = String.valueOf((char) ('a' + hash("initial", key) % 26));
      } else {
        boolean first =
            Lexicon.builtin().firstNames.contains(key) && !Lexicon.builtin().surnames.contains(key);
        String[] pool = first ? firstNames : surnames;
        long h = hash("name", key);
        for (int probe = 0; probe < pool.length; probe++) {
          String cand = pick(pool, h + probe);
          String owner = usedBy.get(cand);
          if ((owner == null || owner.equals(key)) && !cand.equals(key)) {
            done = cand;
            break;
          }
        }
        if (done == null) {
          done = "x" + Long.toHexString(h).substring(0, 6);
        }
      }
      usedBy.put(done, key);
      nameTokens.put(key, done);
    }
    return caseLike(done, token);
  }

  private static String caseLike(String value, String like) {
    if (like.length() > 1 && like.equals(like.toUpperCase(Locale.ROOT))) {
      return value.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(like.charAt(0))) {
      return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
    return value;
  }

  private static String pick(String[] pool, long h) {
    return pool[(int) (Math.floorMod(h, (long) pool.length))];
  }
}
