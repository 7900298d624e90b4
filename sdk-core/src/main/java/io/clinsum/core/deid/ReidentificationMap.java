package io.clinsum.core.deid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Surrogate → original values of one masked note, to put the real values back into text that came
 * from the masked note (a summary). Holds PHI: keep it in memory only as long as needed, never log
 * or persist it. {@link #toString()} shows the number of entries, never a value.
 *
 * <p>Only surrogates can be reversed: tags and removals lose the value, so a map of a note masked
 * in {@link MaskingMode#TAG} or {@link MaskingMode#REMOVE} mode is empty.
 */
public final class ReidentificationMap {
  private final Map<String, String> originals;
  private final List<String> longestFirst;

  /**
   * @param originals surrogate → original; surrogates that are blank or map to themselves are
   *     ignored
   */
  public ReidentificationMap(Map<String, String> originals) {
    Map<String, String> copy = new LinkedHashMap<>();
    originals.forEach(
        (surrogate, original) -> {
          if (!surrogate.isBlank() && !surrogate.equals(original)) {
            copy.put(surrogate, original);
          }
        });
    this.originals = Collections.unmodifiableMap(copy);
    List<String> keys = new ArrayList<>(copy.keySet());
    keys.sort((a, b) -> Integer.compare(b.length(), a.length()));
    this.longestFirst = List.copyOf(keys);
  }

  /** An empty map. */
  public static ReidentificationMap empty() {
    return new ReidentificationMap(Map.of());
  }

  /** Surrogate → original, unmodifiable. */
  public Map<String, String> originals() {
    return originals;
  }

  /** Number of surrogates this map reverses. */
  public int size() {
    return originals.size();
  }

  /** A map holding the entries of both; where both have a surrogate, {@code other} wins. */
  public ReidentificationMap merge(ReidentificationMap other) {
    Map<String, String> all = new LinkedHashMap<>(originals);
    all.putAll(other.originals);
    return new ReidentificationMap(all);
  }

  /**
   * Replaces each surrogate in {@code text} by its original value. Surrogates are matched as whole
   * words, longest first, so a full surrogate name wins over its last name alone.
   */
  public String reidentify(String text) {
    if (originals.isEmpty() || text.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    outer:
    while (i < text.length()) {
      if (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))) {
        for (String surrogate : longestFirst) {
          int end = i + surrogate.length();
          if (text.startsWith(surrogate, i)
              && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
            out.append(originals.get(surrogate));
            i = end;
            continue outer;
          }
        }
      }
      out.append(text.charAt(i++));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "ReidentificationMap[entries=" + originals.size() + "]";
  }
}
