package io.clinsum.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a clinical note into headed sections and sentences.
 *
 * <p>Headings are upper-case phrases followed by a colon at the start of a line or after the end of
 * a sentence ({@code CHIEF COMPLAINT:}, {@code ASSESSMENT AND PLAN:}), including the MTSamples
 * convention {@code ,HISTORY:,}. Sentences end at {@code . ! ?} followed by space, except after
 * common clinical and titular abbreviations, initials and decimals; a line break ends a sentence
 * unless the next line continues it in lower case.
 *
 * <p>Stateless and thread-safe.
 */
public final class NoteSegmenter {
  private static final Pattern HEADING =
      Pattern.compile(
          "(?m)(?:^|(?<=[.,;!?]))[ \\t]*([A-Z][A-Z0-9 /&()'#\\-]*[A-Z)])[ \\t]*:[ \\t,]*");
  private static final int MIN_HEADING_LETTERS = 3;
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "dr", "mr", "mrs", "ms", "st", "vs", "etc", "e.g", "i.e", "eg", "ie", "approx", "no",
          "fig", "pt", "pts", "hx", "dx", "tx", "rx", "sx", "b.i.d", "t.i.d", "q.i.d", "q.d", "p.o",
          "a.m", "p.m", "u.s", "jr", "sr", "prof", "inc", "mt", "ft", "oz", "lb", "lbs", "min",
          "mins", "hrs", "wk", "wks", "yr", "yrs", "cont", "appt", "dept", "est");

  private static final NoteSegmenter INSTANCE = new NoteSegmenter();

  private NoteSegmenter() {}

  /** The shared instance. */
  public static NoteSegmenter get() {
    return INSTANCE;
  }

  /** Sections of {@code note} in order; a note without headings is one section. */
  public List<Section> sections(String note) {
    List<Section> sections = new ArrayList<>();
    Matcher m = HEADING.matcher(note);
    String heading = "";
    int bodyStart = 0;
    while (m.find()) {
      if (letters(m.group(1)) < MIN_HEADING_LETTERS) {
        continue;
      }
      addSection(note, sections, heading, bodyStart, m.start());
      heading = m.group(1).trim().toUpperCase(Locale.ROOT);
      bodyStart = m.end();
    }
    addSection(note, sections, heading, bodyStart, note.length());
    return sections;
  }

  /** Sentences of {@code text} between {@code start} and {@code end}, trimmed. */
  public List<Span> sentences(String text, int start, int end) {
    List<Span> out = new ArrayList<>();
    int sentenceStart = start;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      boolean boundary = false;
      if (c == '.' || c == '!' || c == '?') {
        boundary = isSentenceEnd(text, i, end);
      } else if (c == '\n') {
        boundary = !continuesOnNextLine(text, i + 1, end);
      }
      if (boundary) {
        addTrimmed(text, out, sentenceStart, i + 1);
        sentenceStart = i + 1;
      }
    }
    addTrimmed(text, out, sentenceStart, end);
    return out;
  }

  /** Sentences of the whole text. */
  public List<Span> sentences(String text) {
    return sentences(text, 0, text.length());
  }

  private void addSection(String note, List<Section> out, String heading, int start, int end) {
    List<Span> sentences = sentences(note, start, end);
    if (sentences.isEmpty() && heading.isEmpty()) {
      return;
    }
    out.add(new Section(heading, new Span(start, end), sentences));
  }

  private static boolean isSentenceEnd(String text, int dot, int end) {
    int next = dot + 1;
    if (next < end && text.charAt(next) == ',') {
      next++; // MTSamples writes "end of sentence.,Next sentence"
    }
    if (next < end && !Character.isWhitespace(text.charAt(next))) {
      // "2.5 mg", "e.g.", "q.i.d" — and ".,Next" handled above
      return next > dot + 1 && Character.isUpperCase(text.charAt(next));
    }
    if (text.charAt(dot) != '.') {
      return true;
    }
    int wordStart = dot;
    while (wordStart > 0
        && !Character.isWhitespace(text.charAt(wordStart - 1))
        && text.charAt(wordStart - 1) != '(') {
      wordStart--;
    }
    String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
    if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
      return false; // an initial: "J. Smith"
    }
    if (isListMarker(text, wordStart, word)) {
      return false; // "1. Left foot abscess."
    }
    return !ABBREVIATIONS.contains(word);
  }

  /** A number of at most two digits that opens a sentence: a list item, not a sentence. */
  private static boolean isListMarker(String text, int wordStart, String word) {
    if (word.isEmpty()
        || word.length() > 2
        || !Character.isDigit(word.charAt(0))
        || !Character.isDigit(word.charAt(word.length() - 1))) {
      return false;
    }
    int i = wordStart - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == ',')) {
      i--;
    }
    return i < 0 || ".!?:;\n".indexOf(text.charAt(i)) >= 0;
  }

  private static boolean continuesOnNextLine(String text, int from, int end) {
    int i = from;
    while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < end && Character.isLowerCase(text.charAt(i));
  }

  private static void addTrimmed(String text, List<Span> out, int start, int end) {
    while (start < end
        && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == ',')) {
      start++;
    }
    while (end > start
        && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
      end--;
    }
    if (end > start) {
      out.add(new Span(start, end));
    }
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
