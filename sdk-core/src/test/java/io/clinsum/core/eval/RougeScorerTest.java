package io.clinsum.core.eval;

import static io.clinsum.core.eval.RougeType.ROUGE_1;
import static io.clinsum.core.eval.RougeType.ROUGE_2;
import static io.clinsum.core.eval.RougeType.ROUGE_L;
import static io.clinsum.core.eval.RougeType.ROUGE_LSUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected values are what Python rouge-score 0.1.2 printed (with {@code repr}) for the four types
 * with {@code use_stemmer=True}; doubles are compared exactly.
 */
class RougeScorerTest {
  private static final RougeScore ONE = new RougeScore(1.0, 1.0, 1.0);
  private static final RougeScore ZERO = new RougeScore(0.0, 0.0, 0.0);

  private final RougeScorer scorer = RougeScorer.standard();

  @Test
  void score_rougeScoreDocstringExample_matchesPython() {
    Map<RougeType, RougeScore> scores =
        scorer.score(
            "The quick brown fox jumps over the lazy dog", "The quick brown dog jumps on the log.");

    assertThat(scores)
        .containsExactly(
            Map.entry(ROUGE_1, new RougeScore(0.75, 0.6666666666666666, 0.7058823529411765)),
            Map.entry(ROUGE_2, new RougeScore(0.2857142857142857, 0.25, 0.26666666666666666)),
            Map.entry(ROUGE_L, new RougeScore(0.625, 0.5555555555555556, 0.5882352941176471)),
            Map.entry(ROUGE_LSUM, new RougeScore(0.625, 0.5555555555555556, 0.5882352941176471)));
  }

  @Test
  void score_identicalTexts_allOnes() {
    assertThat(scorer.score("Patient denies fever or chills.", "Patient denies fever or chills."))
        .containsOnly(
            Map.entry(ROUGE_1, ONE),
            Map.entry(ROUGE_2, ONE),
            Map.entry(ROUGE_L, ONE),
            Map.entry(ROUGE_LSUM, ONE));
  }

  @ParameterizedTest(name = "[{index}] reference=''{0}'' candidate=''{1}''")
  @CsvSource(
      value = {
        "'', ''",
        "'', The patient is stable.",
        "The patient is stable., ''",
        "'  \t ', '  '",
        "'!!! ... ---', '?,;:()[]{}'",
        "'...', No acute distress.",
        "'é ü ß', 'ελληνικά 患者'",
      },
      ignoreLeadingAndTrailingWhitespace = false)
  void score_noTokensOnOneSide_allZero(String reference, String candidate) {
    assertThat(scorer.score(reference, candidate).values()).hasSize(4).containsOnly(ZERO);
  }

  @Test
  void score_numbersAndSlashes_digitsAreTokens() {
    Map<RougeType, RougeScore> scores =
        scorer.score("BP 120/80, HR 72, temp 98.6F", "bp 120 over 80 hr 72");

    assertThat(scores.get(ROUGE_1))
        .isEqualTo(new RougeScore(0.8333333333333334, 0.625, 0.7142857142857143));
    assertThat(scores.get(ROUGE_2)).isEqualTo(new RougeScore(0.6, 0.42857142857142855, 0.5));
  }

  @Test
  void score_nonAsciiCharacters_separateTokensExceptKelvinAndDottedI() {
    // Python lower-cases first: "İ" -> "i" + U+0307, Kelvin sign -> "k"; "é" splits "café".
    Map<RougeType, RougeScore> scores =
        scorer.score("Café İstanbul 5\u212a résumé", "cafe i stanbul 5k resume");

    assertThat(scores.get(ROUGE_1)).isEqualTo(new RougeScore(0.6, 0.5, 0.5454545454545454));
    assertThat(scores.get(ROUGE_2)).isEqualTo(new RougeScore(0.5, 0.4, 0.4444444444444445));
  }

  @Test
  void score_sentencesSwappedAcrossLines_lsumIgnoresOrderButRougeLDoesNot() {
    Map<RougeType, RougeScore> scores =
        scorer.score(
            "the patient has fever\nno cough today", "no cough today\nthe patient has fever");

    assertThat(scores.get(ROUGE_L))
        .isEqualTo(new RougeScore(0.5714285714285714, 0.5714285714285714, 0.5714285714285714));
    assertThat(scores.get(ROUGE_LSUM)).isEqualTo(ONE);
  }

  @Test
  void score_tokenRepeatedAcrossSentences_lsumCountsEachOccurrenceOnce() {
    Map<RougeType, RougeScore> scores =
        scorer.score("pain pain pain\npain relief", "pain\npain pain relief relief");

    assertThat(scores.get(ROUGE_LSUM)).isEqualTo(new RougeScore(0.8, 0.8, 0.8000000000000002));
    assertThat(scores.get(ROUGE_2)).isEqualTo(new RougeScore(0.75, 0.75, 0.75));
  }

  @Test
  void score_carriageReturnLineEnds_treatedAsSeparators() {
    assertThat(scorer.score("Chest pain.\r\nNo fever.", "chest pain no fever").values())
        .containsOnly(ONE);
  }

  @Test
  void score_inflectedForms_matchOnlyWithStemmer() {
    String reference = "Infections were treated";
    String candidate = "infection was treating";
    RougeScore twoOfThree =
        new RougeScore(0.6666666666666666, 0.6666666666666666, 0.6666666666666666);
    RougeScorer unstemmed = RougeScorer.builder().useStemmer(false).build();

    assertThat(scorer.score(reference, candidate))
        .containsEntry(ROUGE_1, twoOfThree)
        .containsEntry(ROUGE_2, ZERO)
        .containsEntry(ROUGE_LSUM, twoOfThree);
    assertThat(unstemmed.score(reference, candidate).values()).containsOnly(ZERO);
  }

  @Test
  void score_selectedTypes_returnsOnlyThoseInDeclarationOrder() {
    RougeScorer scorer = RougeScorer.builder().types(ROUGE_LSUM, ROUGE_1, ROUGE_1).build();

    assertThat(scorer.types()).containsExactly(ROUGE_1, ROUGE_LSUM);
    assertThat(scorer.score("a b c", "a b").keySet()).containsExactly(ROUGE_1, ROUGE_LSUM);
  }

  @Test
  void score_longTexts_bitParallelRowsSpanManyWords() {
    String reference = "alpha beta gamma delta ".repeat(100);
    String candidate = "delta gamma beta alpha ".repeat(60) + "\nalpha beta";
    // LCS: 160 of the 400 reference and 242 candidate tokens.
    RougeScore expected = new RougeScore(0.6611570247933884, 0.4, 0.49844236760124616);

    Map<RougeType, RougeScore> scores = scorer.score(reference, candidate);

    assertThat(scores).containsEntry(ROUGE_L, expected).containsEntry(ROUGE_LSUM, expected);
  }

  @Test
  void score_resultMap_isUnmodifiable() {
    Map<RougeType, RougeScore> scores = scorer.score("a", "a");

    assertThatThrownBy(() -> scores.remove(ROUGE_1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void score_nullText_throwsNamingIt() {
    assertThatThrownBy(() -> scorer.score(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reference");
    assertThatThrownBy(() -> scorer.score("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("candidate");
  }

  @Test
  void score_concurrentCalls_sameScoresAsSequential() {
    List<String> texts =
        IntStream.range(0, 200)
            .mapToObj(i -> "Patients " + i + " reported worsening infections and coughing " + i % 7)
            .toList();
    List<Map<RougeType, RougeScore>> sequential =
        texts.stream().map(t -> scorer.score(t, texts.get(0))).toList();

    List<Map<RougeType, RougeScore>> parallel =
        texts.parallelStream().map(t -> scorer.score(t, texts.get(0))).toList();

    assertThat(parallel).isEqualTo(sequential);
  }

  @Test
  void builder_unset_defaultsToStandard() {
    RougeScorer built = RougeScorer.builder().build();

    assertThat(built.types()).containsExactly(ROUGE_1, ROUGE_2, ROUGE_L, ROUGE_LSUM);
    assertThat(built.useStemmer()).isTrue();
    assertThat(RougeScorer.standard().types()).isEqualTo(built.types());
    assertThat(RougeScorer.standard().useStemmer()).isTrue();
  }

  @Test
  void builder_noTypes_throws() {
    assertThatThrownBy(() -> RougeScorer.builder().types())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }

  @Test
  void fromKey_everyKey_roundTrips() {
    for (RougeType type : RougeType.values()) {
      assertThat(RougeType.fromKey(type.key())).isSameAs(type);
    }
    assertThat(RougeType.ROUGE_LSUM.key()).isEqualTo("rougeLsum");
  }

  @Test
  void fromKey_unknownKey_throwsListingKeys() {
    assertThatThrownBy(() -> RougeType.fromKey("rouge3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rouge1, rouge2, rougeL, rougeLsum");
  }

  @Test
  void rougeScore_outsideUnitInterval_throws() {
    assertThatThrownBy(() -> new RougeScore(1.5, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("precision");
    assertThatThrownBy(() -> new RougeScore(0, Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recall");
  }
}
