package io.clinsum.core.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ClinSumException;
import io.clinsum.core.ConfigurationException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.Summarizer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeidentifierTest {
  private static final byte[] SECRET =
      "a-test-secret-of-32-bytes-length".getBytes(StandardCharsets.UTF_8);
  private static final String NOTE =
      "Patient: John Smith  MRN: 00123456  DOB: 03/14/1952\n"
          + "Seen by Dr. Priya Patel at Springfield General Hospital on March 3, 2021. Daughter Mary"
          + " can be reached at (555) 123-4567 or mary.smith@gmail.com. Lives at 12 Oak Lane,"
          + " Fairview, CA 94016. NHS number 943 476 5919. Hx of Parkinson disease and Hodgkin"
          + " lymphoma. Foley in place. Apgar 8/9. BP 130/80, HR 88, T 37.2. Metoprolol 25 mg PO"
          + " BID. 93-year-old. Mr. Smith tolerated it. Call 020 7946 0958. IP 192.168.1.20,"
          + " https://portal.example.com/x. Pt seen on 3/14.";

  private static Deidentifier tags() {
    return Deidentifier.builder().build();
  }

  private static Deidentifier surrogates() {
    return Deidentifier.builder()
        .mode(MaskingMode.SURROGATE)
        .secret(SECRET)
        .keepReidentificationMap(true)
        .build();
  }

  @Test
  void deidentify_tagMode_replacesEachIdentifierByItsCategory() {
    String masked = tags().deidentify(NOTE).text();

    assertThat(masked)
        .startsWith(
            "Patient: [NAME]  MRN: [MRN]  DOB: [DATE]\nSeen by Dr. [NAME] at [FACILITY] on [DATE].")
        .contains("Daughter [NAME] can be reached at [PHONE] or [EMAIL].")
        .contains("Lives at [ADDRESS], [LOCATION], CA [ZIP]. NHS number [MRN].")
        .contains("[AGE]-year-old. Mr. [NAME] tolerated it. Call [PHONE]. IP [IP], [URL].")
        .endsWith("Pt seen on [DATE].");
  }

  @Test
  void deidentify_clinicalTerms_neverMasked() {
    String masked = tags().deidentify(NOTE).text();

    assertThat(masked)
        .contains("Hx of Parkinson disease and Hodgkin lymphoma. Foley in place. Apgar 8/9.")
        .contains("BP 130/80, HR 88, T 37.2. Metoprolol 25 mg PO BID.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Known Parkinson's disease, on Sinemet 25/100 mg TID.",
        "Hodgkin lymphoma in remission; Foley catheter removed.",
        "Apgar scores 8 and 9. Glasgow Coma Scale 15.",
        "Positive Murphy sign. Bell's palsy on the left. Wilson disease excluded.",
        "Heparin 5000 units SC q8h. Potassium 4.1 mmol/L. SpO2 94% on 2 L.",
        "Crohn disease, Graves disease, Cushing syndrome, Down syndrome.",
        "Lasix 40 mg IV, Coumadin held, INR 2.3, Zofran 4 mg PRN.",
        "Temp 38.4 C, BP 142/88 mmHg, HR 104 bpm, RR 22, weight 71.2 kg.",
        "Seen at 14:30 and again at 16:45; follow up in 2 weeks.",
        "She was born in 1948 and retired in 2009."
      })
  void find_clinicalSentence_findsNothing(String sentence) {
    assertThat(tags().find(sentence)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Call her on 07700 900123 tonight.|PHONE|07700 900123",
        "Phone +44 20 7946 0958 after 5.|PHONE|+44 20 7946 0958",
        "Reach him at 555.867.5309 please.|PHONE|555.867.5309",
        "Fax: 617-555-0199 for records.|FAX|617-555-0199",
        "SSN 123-45-6789 on file.|SSN|123-45-6789",
        "MRN: A-7781234 noted.|MRN|A-7781234",
        "Acct # 99120044 billed.|ACCOUNT|99120044",
        "Member ID: XJH448812 active.|HEALTH_PLAN|XJH448812",
        "Pacemaker serial number PX4471902 checked.|DEVICE|PX4471902",
        "Licence plate: KX19 ABC was noted.|VEHICLE|KX19",
        "Admitted 2021-04-17 via ED.|DATE|2021-04-17",
        "Discharged on 17/04/2021 home.|DATE|17/04/2021",
        "Seen 4th of July 2019 in clinic.|DATE|4th of July 2019",
        "DOB 14-Mar-1952.|DATE|14-Mar-1952",
        "Last seen in Sept 2020 by GP.|DATE|Sept 2020",
        "She is aged 97 and frail.|AGE|97",
        "Postcode: SW1A 1AA.|ZIP|SW1A 1AA",
        "Email j.doe@nhs.net today.|EMAIL|j.doe@nhs.net",
        "See www.example.org/notes for more.|URL|www.example.org/notes",
        "Login from 10.0.0.254 flagged.|IP|10.0.0.254",
        "Discussed with Sarah Connolly, RN at bedside.|NAME|Sarah Connolly",
        "Transferred to Oakwood Nursing Home yesterday.|FACILITY|Oakwood Nursing Home",
        "She lives in Millbrook with her son.|LOCATION|Millbrook"
      })
  void find_identifier_foundWithCategory(String sentence, PhiCategory category, String value) {
    List<PhiSpan> spans = tags().find(sentence);

    assertThat(spans)
        .anySatisfy(
            s -> {
              assertThat(s.category()).isEqualTo(category);
              assertThat(sentence.substring(s.start(), s.end())).isEqualTo(value);
            });
  }

  @Test
  void find_spans_areOrderedAndDisjointWithRuleNames() {
    List<PhiSpan> spans = tags().find(NOTE);

    for (int i = 1; i < spans.size(); i++) {
      assertThat(spans.get(i).start()).isGreaterThanOrEqualTo(spans.get(i - 1).end());
    }
    assertThat(spans).allSatisfy(s -> assertThat(s.rule()).isNotBlank());
    assertThat(spans).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
  }

  @Test
  void deidentify_surrogates_consistentPerPatientAndDifferentAcrossPatients() {
    Deidentifier deid = surrogates();
    String a1 = deid.deidentify("Mr. John Smith was seen.", "patient-1").text();
    String a2 = deid.deidentify("Spoke with Mr. John Smith again.", "patient-1").text();
    String b = deid.deidentify("Mr. John Smith was seen.", "patient-2").text();

    String fake = a1.substring(4, a1.indexOf(" was"));
    assertThat(fake).isNotEqualTo("John Smith").matches("[A-Z][a-z]+ [A-Z][a-z'-]+");
    assertThat(a2).contains("Mr. " + fake + " again");
    assertThat(b).doesNotContain(fake);
    assertThat(surrogates().deidentify("Mr. John Smith was seen.", "patient-1").text())
        .isEqualTo(a1);
  }

  @Test
  void deidentify_surrogateDates_shiftedByOneOffsetSoIntervalsSurvive() {
    String note = "Admitted 03/01/2021. Discharged 03/15/2021. Seen again on April 2, 2021.";
    String masked = surrogates().deidentify(note, "p-9").text();

    DateTimeFormatter us = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    List<String> dates =
        java.util.regex.Pattern.compile("\\d{2}/\\d{2}/\\d{4}")
            .matcher(masked)
            .results()
            .map(r -> r.group())
            .toList();
    assertThat(dates).hasSize(2).doesNotContain("03/01/2021", "03/15/2021");
    LocalDate admitted = LocalDate.parse(dates.get(0), us);
    LocalDate discharged = LocalDate.parse(dates.get(1), us);
    assertThat(ChronoUnit.DAYS.between(admitted, discharged)).isEqualTo(14);
    long shift = ChronoUnit.DAYS.between(LocalDate.of(2021, 3, 1), admitted);
    assertThat(shift).isNotZero();
    String expectedThird =
        LocalDate.of(2021, 4, 2)
            .plusDays(shift)
            .format(DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH));
    assertThat(masked).contains("Seen again on " + expectedThird + ".");
  }

  @Test
  void reidentificationMap_reversesSurrogatesInDerivedText() {
    DeidentifiedText masked = surrogates().deidentify(NOTE, "p1");
    ReidentificationMap map = masked.reidentificationMap().orElseThrow();

    assertThat(map.reidentify(masked.text())).isEqualTo(NOTE);
    String fakeSurname = masked.text().substring(masked.text().indexOf("Mr. ") + 4).split(" ")[0];
    assertThat(map.reidentify("Summary: " + fakeSurname + " improved."))
        .isEqualTo("Summary: Smith improved.");
  }

  @Test
  void reidentificationMap_onlyWhenAskedAndNeverInToString() {
    DeidentifiedText plain =
        Deidentifier.builder().mode(MaskingMode.SURROGATE).secret(SECRET).build().deidentify(NOTE);
    DeidentifiedText kept = surrogates().deidentify(NOTE);

    assertThat(plain.reidentificationMap()).isEmpty();
    assertThat(kept.reidentificationMap()).isPresent();
    for (Object o :
        List.of(kept, kept.reidentificationMap().get(), kept.spans().get(0), surrogates())) {
      assertThat(o.toString())
          .doesNotContain("Smith", "Patel", "555", "00123456", kept.text().substring(9, 15));
    }
  }

  @Test
  void deidentify_removeMode_deletesSpans() {
    assertThat(
            Deidentifier.builder()
                .mode(MaskingMode.REMOVE)
                .build()
                .deidentify("Call 555-123-4567 now.")
                .text())
        .isEqualTo("Call  now.");
  }

  @Test
  void deidentify_categories_leavesOthersInText() {
    Deidentifier datesKept = Deidentifier.builder().categories(Set.of(PhiCategory.NAME)).build();
    assertThat(datesKept.deidentify("Mr. Smith seen on 03/14/2021.").text())
        .isEqualTo("Mr. [NAME] seen on 03/14/2021.");
  }

  @Test
  void builder_extraDictionaries_andKeepWords() {
    Deidentifier deid = Deidentifier.builder().names(List.of("Zorblatt")).keep("Smith").build();
    assertThat(deid.deidentify("Zorblatt came. Smith fracture seen. Smith reviewed.").text())
        .isEqualTo("[NAME] came. Smith fracture seen. Smith reviewed.");
  }

  @Test
  void detector_spiSpansAreMerged() {
    Deidentifier deid =
        Deidentifier.builder()
            .detector(text -> List.of(new PhiSpan(0, 5, PhiCategory.OTHER_ID, 1.0, "site-code")))
            .build();
    assertThat(deid.deidentify("QX-77 arrived.").text()).isEqualTo("[OTHER_ID] arrived.");
  }

  @Test
  void deidentify_failingDetector_throwsInternalAndReturnsNothing() {
    Deidentifier deid =
        Deidentifier.builder()
            .detector(
                text -> {
                  throw new IllegalStateException("model crashed");
                })
            .build();
    assertThatThrownBy(() -> deid.deidentify("John Smith"))
        .isInstanceOf(ClinSumException.class)
        .satisfies(
            e -> assertThat(((ClinSumException) e).reason()).isEqualTo(FailureReason.INTERNAL))
        .hasMessageContaining("not masked")
        .hasMessageNotContaining("John");
  }

  @Test
  void deidentify_badInput_isRefusedAsBadInput() {
    assertThatThrownBy(() -> tags().deidentify(null)).isInstanceOf(InvalidRequestException.class);
    String huge = "a".repeat(Summarizer.MAX_NOTE_CHARS + 1);
    assertThatThrownBy(() -> tags().deidentify(huge))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e -> assertThat(((ClinSumException) e).reason()).isEqualTo(FailureReason.BAD_INPUT));
    assertThat(tags().deidentify("").text()).isEmpty();
  }

  @Test
  void deidentify_htmlLadenNote_masksInsideMarkup() {
    assertThat(tags().deidentify("<p><b>Patient:</b> John Smith<br>DOB: 03/14/1952</p>").text())
        .isEqualTo("<p><b>Patient:</b> [NAME]<br>DOB: [DATE]</p>");
  }

  @Test
  void builder_surrogateWithoutSecret_fails() {
    assertThatThrownBy(() -> Deidentifier.builder().mode(MaskingMode.SURROGATE).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("secret");
    assertThatThrownBy(() -> Deidentifier.builder().minConfidence(2).build())
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void phiCategory_coversTheEighteenSafeHarborItems() {
    Set<Integer> items =
        java.util.Arrays.stream(PhiCategory.values())
            .map(PhiCategory::safeHarborItem)
            .collect(Collectors.toSet());
    assertThat(items).hasSize(18).contains(1, 18);
    assertThat(PhiCategory.NAME.tag()).isEqualTo("[NAME]");
  }

  @Test
  void reidentificationMap_wholeWordsOnly() {
    ReidentificationMap map = new ReidentificationMap(Map.of("Carter", "Smith"));
    assertThat(map.reidentify("Carter and Cartersville")).isEqualTo("Smith and Cartersville");
  }
}
