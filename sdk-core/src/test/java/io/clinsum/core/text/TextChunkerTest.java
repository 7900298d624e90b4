package io.clinsum.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextChunkerTest {
  private static final TokenCounter WORDS =
      t -> t.toString().isBlank() ? 0 : t.toString().trim().split("\\s+").length;

  private static List<String> words(String s) {
    return Arrays.stream(s.split("[\\s:]+")).filter(w -> !w.isEmpty()).toList();
  }

  @Test
  void split_longNote_keepsEveryWordInOrderAndEachPartWithinBudget() {
    StringBuilder note = new StringBuilder("HISTORY: ");
    for (int i = 0; i < 60; i++) {
      note.append("Sentence number ").append(i).append(" has six words. ");
      if (i == 30) {
        note.append("\nASSESSMENT: ");
      }
    }

    TextChunker.Chunks chunks = new TextChunker(WORDS).split(note.toString(), 40);

    assertThat(chunks.parts()).allMatch(p -> WORDS.count(p) <= 40);
    assertThat(words(String.join(" ", chunks.parts()))).isEqualTo(words(note.toString()));
    assertThat(chunks.splitSentences()).isZero();
  }

  @Test
  void split_sentenceLongerThanTheBudget_isSplitBetweenWordsAndCounted() {
    String note = "word ".repeat(25).trim() + ".";

    TextChunker.Chunks chunks = new TextChunker(WORDS).split(note, 10);

    assertThat(chunks.parts()).hasSize(3).allMatch(p -> WORDS.count(p) <= 10);
    assertThat(chunks.splitSentences()).isEqualTo(1);
    assertThat(words(String.join(" ", chunks.parts()))).isEqualTo(words(note));
  }

  @Test
  void split_newPartStartsAtASectionHeadingWhenHalfFull() {
    String note = "HISTORY: One two three four five six.\nPLAN: Seven eight nine.";

    List<String> parts = new TextChunker(WORDS).split(note, 10).parts();

    assertThat(parts)
        .containsExactly("HISTORY: One two three four five six.", "PLAN: Seven eight nine.");
  }
}
