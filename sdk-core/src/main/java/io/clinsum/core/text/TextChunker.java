package io.clinsum.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a note into consecutive parts that each fit a token budget, breaking at section and
 * sentence boundaries. Nothing is dropped: every sentence of the note lands in exactly one part, in
 * order. A single sentence longer than the budget is split between words (and reported by {@link
 * Chunks#splitSentences()}).
 *
 * <pre>{@code
 * TextChunker chunker = new TextChunker(TokenCounter.approximate());
 * TextChunker.Chunks chunks = chunker.split(note, 512);
 * }</pre>
 */
public final class TextChunker {
  private final TokenCounter counter;
  private final NoteSegmenter segmenter = NoteSegmenter.get();

  public TextChunker(TokenCounter counter) {
    this.counter = Objects.requireNonNull(counter, "counter");
  }

  /**
   * The parts of {@code note}.
   *
   * @param parts the text of each part (headings kept with the first sentence after them)
   * @param splitSentences how many sentences were longer than the budget and split between words
   */
  public record Chunks(List<String> parts, int splitSentences) {
    public Chunks {
      parts = List.copyOf(parts);
    }
  }

  /** Splits {@code note} into parts of at most {@code budget} tokens each. */
  public Chunks split(String note, int budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be at least 1, was " + budget);
    }
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentTokens = 0;
    int splitSentences = 0;
    for (Section section : segmenter.sections(note)) {
      boolean first = true;
      for (Span sentence : section.sentences()) {
        String unit =
            first && !section.heading().isEmpty()
                ? section.heading() + ": " + sentence.of(note)
                : sentence.of(note);
        boolean sectionStart = first;
        first = false;
        int tokens = counter.count(unit);
        if (tokens > budget) {
          splitSentences++;
          flush(parts, current);
          currentTokens = 0;
          for (String piece : splitWords(unit, budget)) {
            parts.add(piece);
          }
          continue;
        }
        // Prefer to start a new part at a section heading once the current part is half full.
        boolean full = currentTokens + tokens > budget;
        boolean niceBreak = sectionStart && currentTokens * 2 >= budget;
        if (current.length() > 0 && (full || niceBreak)) {
          flush(parts, current);
          currentTokens = 0;
        }
        if (current.length() > 0) {
          current.append(sectionStart ? "\n" : " ");
        }
        current.append(unit);
        currentTokens += tokens;
      }
    }
    flush(parts, current);
    return new Chunks(parts, splitSentences);
  }

  private List<String> splitWords(String sentence, int budget) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int pieceTokens = 0;
    for (String word : sentence.split("\\s+")) {
      int tokens = counter.count(word);
      if (piece.length() > 0 && pieceTokens + tokens > budget) {
        flush(pieces, piece);
        pieceTokens = 0;
      }
      if (tokens > budget) {
        // A "word" longer than the budget (a base64 blob, a URL): cut it by characters.
        int charsPerPiece = Math.max(1, word.length() * budget / tokens);
        for (int i = 0; i < word.length(); i += charsPerPiece) {
          pieces.add(word.substring(i, Math.min(word.length(), i + charsPerPiece)));
        }
        continue;
      }
      if (piece.length() > 0) {
        piece.append(' ');
      }
      piece.append(word);
      pieceTokens += tokens;
    }
    flush(pieces, piece);
    return pieces;
  }

  private static void flush(List<String> parts, StringBuilder current) {
    if (current.length() > 0) {
      parts.add(current.toString());
      current.setLength(0);
    }
  }
}
