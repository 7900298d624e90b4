package io.clinsum.synthetic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clinsum.core.ConfigurationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value in one of the generator's JSON data files, with the file and the path that lead to it
 * ({@code scenarios[3](anterior-stemi).vitals.hr}), so that every complaint about the data names
 * the file and the field to fix.
 */
final class DataNode {
  private final String file;
  private final String path;
  private final JsonNode json;

  DataNode(String file, String path, JsonNode json) {
    this.file = file;
    this.path = path;
    this.json = json;
  }

  /** The resource the value comes from ({@code io/clinsum/synthetic/scenarios/medical.json}). */
  String file() {
    return file;
  }

  /** Where the value is in its file; empty for the top level. */
  String path() {
    return path;
  }

  /** The same value under another path (to add a scenario's id to messages). */
  DataNode relabel(String newPath) {
    return new DataNode(file, newPath, json);
  }

  /** An error that names this file and field. */
  ConfigurationException error(String problem) {
    return error(problem, null);
  }

  ConfigurationException error(String problem, Throwable cause) {
    String where = path.isEmpty() ? file : file + ", field " + path;
    return new ConfigurationException("Synthetic note data " + where + ": " + problem, cause);
  }

  /** Fails unless this is an object (with any fields). */
  DataNode object() {
    if (!json.isObject()) {
      throw error("must be a JSON object, was " + kind());
    }
    return this;
  }

  /** Fails unless this is an object whose fields are all among {@code allowed}. */
  DataNode object(Set<String> allowed) {
    object();
    Set<String> unknown = new TreeSet<>();
    json.fieldNames().forEachRemaining(name -> unknown.add(name));
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw error("unknown field(s) " + unknown + "; allowed: " + new TreeSet<>(allowed));
    }
    return this;
  }

  /** The field, which must be present. */
  DataNode field(String name) {
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      throw error("missing required field \"" + name + "\"");
    }
    return child(name);
  }

  /** The field, or {@code null} when absent. */
  DataNode optional(String name) {
    JsonNode value = json.get(name);
    return value == null || value.isNull() ? null : child(name);
  }

  /** The object's field names, in file order. */
  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private DataNode child(String name) {
    return new DataNode(file, path.isEmpty() ? name : path + "." + name, json.get(name));
  }

  /** The elements of this array; {@code minSize} of them at least. */
  List<DataNode> elements(int minSize) {
    if (!json.isArray()) {
      throw error("must be a JSON array, was " + kind());
    }
    if (json.size() < minSize) {
      throw error("needs at least " + minSize + " element(s), has " + json.size());
    }
    List<DataNode> out = new ArrayList<>(json.size());
    Iterator<JsonNode> it = json.elements();
    for (int i = 0; it.hasNext(); i++) {
      out.add(new DataNode(file, path + "[" + i + "]", it.next()));
    }
    return out;
  }

  boolean isArray() {
    return json.isArray();
  }

  boolean isText() {
    return json.isTextual();
  }

  /** This value as a non-blank string. */
  String text() {
    if (!json.isTextual()) {
      throw error("must be a string, was " + kind());
    }
    String text = json.textValue();
    if (text.isBlank()) {
      throw error("must not be blank");
    }
    return text;
  }

  /** This value as a string that holds no {@code {...}} choices (plain text, used as written). */
  String plainText() {
    String text = text();
    if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
      throw error("is plain text here; {...} choices are not expanded in this list: " + text);
    }
    return text;
  }

  /** This value compiled as a {@link Template}. */
  Template template() {
    String pattern = text();
    try {
      return Template.of(pattern);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage(), e);
    }
  }

  /** This value as an int. */
  int integer() {
    if (!json.isIntegralNumber() || !json.canConvertToInt()) {
      throw error("must be a whole number, was " + json);
    }
    return json.intValue();
  }

  /** This value, a number with at most one decimal, in tenths ({@code 36.8} is {@code 368}). */
  int tenths() {
    if (!json.isNumber()) {
      throw error("must be a number, was " + json);
    }
    double value = json.doubleValue();
    long scaled = Math.round(value * 10);
    if (Math.abs(scaled - value * 10) > 1e-6 || Math.abs(scaled) > Integer.MAX_VALUE) {
      throw error("must have at most one decimal, was " + json);
    }
    return (int) scaled;
  }

  boolean bool() {
    if (!json.isBoolean()) {
      throw error("must be true or false, was " + json);
    }
    return json.booleanValue();
  }

  /**
   * A closed range {@code [low, high]} of whole numbers (or of tenths), {@code low <= high}.
   *
   * @return {@code {low, high}}
   */
  int[] range(boolean inTenths) {
    List<DataNode> bounds = elements(2);
    if (bounds.size() != 2) {
      throw error("must be [low, high], was " + json);
    }
    int lo = inTenths ? bounds.get(0).tenths() : bounds.get(0).integer();
    int hi = inTenths ? bounds.get(1).tenths() : bounds.get(1).integer();
    if (lo > hi) {
      throw error("low must not exceed high, was " + json);
    }
    return new int[] {lo, hi};
  }

  private String kind() {
    return json.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
