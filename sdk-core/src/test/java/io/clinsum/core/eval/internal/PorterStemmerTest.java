package io.clinsum.core.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected stems are what NLTK 3.10.4 {@code PorterStemmer().stem(word)} returns (the mode
 * rouge-score uses).
 */
class PorterStemmerTest {
  private final PorterStemmer stemmer = new PorterStemmer();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // Step 1a
    "caresses, caress",
    "ponies, poni",
    "ties, tie",
    "caress, caress",
    "cats, cat",
    // Step 1b
    "feed, feed",
    "agreed, agre",
    "plastered, plaster",
    "bled, bled",
    "motoring, motor",
    "sing, sing",
    "conflated, conflat",
    "troubled, troubl",
    "sized, size",
    "hopping, hop",
    "tanned, tan",
    "falling, fall",
    "hissing, hiss",
    "fizzed, fizz",
    "failing, fail",
    "filing, file",
    // Step 1c
    "happy, happi",
    "sky, sky",
    // Step 2
    "relational, relat",
    "conditional, condit",
    "rational, ration",
    "valenci, valenc",
    "hesitanci, hesit",
    "digitizer, digit",
    "conformabli, conform",
    "radicalli, radic",
    "differentli, differ",
    "vileli, vile",
    "analogousli, analog",
    "vietnamization, vietnam",
    "predication, predic",
    "operator, oper",
    "feudalism, feudal",
    "decisiveness, decis",
    "hopefulness, hope",
    "callousness, callous",
    "formaliti, formal",
    "sensitiviti, sensit",
    "sensibiliti, sensibl",
    // Step 3
    "triplicate, triplic",
    "formative, form",
    "formalize, formal",
    "electriciti, electr",
    "electrical, electr",
    "hopeful, hope",
    "goodness, good",
    // Step 4
    "revival, reviv",
    "allowance, allow",
    "inference, infer",
    "airliner, airlin",
    "gyroscopic, gyroscop",
    "adjustable, adjust",
    "defensible, defens",
    "irritant, irrit",
    "replacement, replac",
    "adjustment, adjust",
    "dependent, depend",
    "adoption, adopt",
    "homologou, homolog",
    "communism, commun",
    "activate, activ",
    "angulariti, angular",
    "homologous, homolog",
    "effective, effect",
    "bowdlerize, bowdler",
    // Step 5
    "probate, probat",
    "rate, rate",
    "cease, ceas",
    "controll, control",
    "roll, roll",
  })
  void stem_examplesFromPortersPaper_matchNltk(String word, String expected) {
    assertThat(stemmer.stem(word)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "dying, die",
    "lying, lie",
    "tying, tie",
    "skies, sky",
    "news, news",
    "innings, inning",
    "outings, outing",
    "cannings, canning",
    "howe, howe",
    "proceed, proceed",
    "exceed, exceed",
    "succeed, succeed",
  })
  void stem_irregularForms_takenFromPool(String word, String expected) {
    assertThat(stemmer.stem(word)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "dies, die",
    "died, die",
    "spied, spi",
    "flies, fli",
    "enjoy, enjoy",
    "spy, spi",
    "geology, geolog",
    "archaeology, archaeolog",
    "hopefulli, hope",
    "toy, toy",
    "syzygy, syzygi",
    "yyyy, yyyi",
  })
  void stem_nltkExtensions_applied(String word, String expected) {
    assertThat(stemmer.stem(word)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "patients, patient", "diagnosed, diagnos", "hypertension, hypertens",
    "hemoglobin, hemoglobin", "bilaterally, bilater", "generalized, gener",
    "infections, infect",
  })
  void stem_clinicalWords_matchNltk(String word, String expected) {
    assertThat(stemmer.stem(word)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"12345, 12345", "a1b2c3, a1b2c3", "is, is", "as, as", "a, a"})
  void stem_digitsAndShortWords_unchanged(String word, String expected) {
    assertThat(stemmer.stem(word)).isEqualTo(expected);
  }

  @Test
  void stem_upperCase_lowerCasedFirst() {
    assertThat(stemmer.stem("Infections")).isEqualTo("infect");
  }

  @Test
  void stem_longRunOfY_finishes() {
    assertThat(stemmer.stem("y".repeat(10_000))).hasSize(10_000).endsWith("yi");
  }
}
