package io.clinsum.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clinsum.core.ClinSumException;
import io.clinsum.core.FailureReason;
import io.clinsum.core.InvalidRequestException;
import io.clinsum.core.SummarizationRequest;
import io.clinsum.core.SummarizationResult;
import io.clinsum.core.Summarizer;
import io.clinsum.core.SummarizerClosedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Summarizer} backend must have. A backend's test module depends on the
 * {@code clinsum-sdk-core} test-jar and extends this class:
 *
 * <pre>{@code
 * class OnnxSummarizerContractTest extends SummarizerContractTest {
 *   protected Summarizer openSummarizer() { return Summarizers.open("onnx", settings); }
 * }
 * }</pre>
 */
public abstract class SummarizerContractTest {
  /** Notes used by the suite; backends should summarize each to a non-blank text. */
  protected static final List<String> NOTES =
      List.of(
          "Patient presented to the emergency department with severe chest pain radiating to the left"
              + " arm, accompanied by shortness of breath and diaphoresis. ECG showed ST elevation in"
              + " the anterior leads. Troponin elevated. Taken for emergent cardiac catheterization"
              + " with PCI to the LAD.",
          "78 yo female found on floor at home by daughter. C/o severe right hip pain, unable to bear"
              + " weight. R leg shortened and externally rotated. X-ray confirms right femoral neck"
              + " fracture. Ortho consulted, plan ORIF in am.",
          "CHIEF COMPLAINT: Cough and fever.\nHISTORY OF PRESENT ILLNESS: 64-year-old man with three"
              + " days of productive cough, fever to 38.9 C and pleuritic chest pain.\nASSESSMENT:"
              + " Right lower lobe community-acquired pneumonia. Started on ceftriaxone and"
              + " azithromycin.",
          "Pt is a 24 yo G1P0 at 35 weeks with headache and visual changes. BP 168/112 on repeat."
              + " 3+ proteinuria. Magnesium sulfate started for seizure prophylaxis; labetalol given.");

  protected Summarizer summarizer;

  /** Opens the backend under test; called before each test, closed after it. */
  protected abstract Summarizer openSummarizer();

  @BeforeEach
  void open() {
    summarizer = openSummarizer();
  }

  @AfterEach
  void closeSummarizer() {
    summarizer.close();
  }

  @Test
  void summarize_clinicalNote_returnsNonBlankSummaryWithRequestIdAndModel() {
    SummarizationResult r = summarizer.summarize(SummarizationRequest.of("note-1", NOTES.get(0)));

    assertThat(r.requestId()).isEqualTo("note-1");
    assertThat(r.text()).isNotBlank();
    assertThat(r.backend()).isEqualTo(summarizer.info().backend());
    assertThat(r.modelId()).isEqualTo(summarizer.info().modelId());
    assertThat(r.chunks()).isEqualTo(1);
    assertThat(r.elapsed()).isPositive();
  }

  @Test
  void summarizeAll_manyRequests_returnsResultsInRequestOrderWithTheirIds() {
    List<SummarizationRequest> requests = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      requests.add(SummarizationRequest.of("id-" + i, NOTES.get(i % NOTES.size())));
    }

    List<SummarizationResult> results = summarizer.summarizeAll(requests);

    assertThat(results)
        .extracting(SummarizationResult::requestId)
        .containsExactlyElementsOf(requests.stream().map(SummarizationRequest::id).toList());
    for (int i = 0; i < results.size(); i++) {
      SummarizationResult single = summarizer.summarize(requests.get(i));
      assertThat(results.get(i).text())
          .as("batched equals one-by-one for %s", i)
          .isEqualTo(single.text());
    }
  }

  @Test
  void summarize_emptyText_throwsInvalidRequestNamingTheField() {
    assertThatThrownBy(() -> summarizer.summarize(SummarizationRequest.of("e", "")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("text")
        .hasMessageContaining("empty");
  }

  @Test
  void summarize_whitespaceOnly_throwsInvalidRequest() {
    assertThatThrownBy(() -> summarizer.summarize(SummarizationRequest.of("w", " \n\t ")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("whitespace");
  }

  @Test
  void summarize_textOverTheLimit_throwsInvalidRequestWithTheLimit() {
    String huge = "a".repeat(Summarizer.MAX_NOTE_CHARS + 1);

    assertThatThrownBy(() -> summarizer.summarize(SummarizationRequest.of("h", huge)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(String.valueOf(Summarizer.MAX_NOTE_CHARS));
  }

  @Test
  void summarizeAll_oneBadRequest_failsNamingItsIndexAndId() {
    List<SummarizationRequest> requests =
        List.of(
            SummarizationRequest.of("good", NOTES.get(0)), SummarizationRequest.of("bad", "  "));

    assertThatThrownBy(() -> summarizer.summarizeAll(requests))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("requests[1]")
        .hasMessageContaining("bad");
  }

  @Test
  void summarize_noteLongerThanTheInputBudget_isChunkedAndSaysSo() {
    StringBuilder note = new StringBuilder();
    int i = 0;
    while (note.length() < summarizer.info().maxInputTokens() * 10) {
      note.append(NOTES.get(i++ % NOTES.size())).append("\n\n");
    }

    SummarizationResult r = summarizer.summarize(SummarizationRequest.of("long", note.toString()));

    assertThat(r.chunks()).isGreaterThan(1);
    assertThat(r.chunked()).isTrue();
    assertThat(r.warnings()).anyMatch(w -> w.contains("parts"));
    assertThat(r.text()).isNotBlank();
  }

  @Test
  void summarizeAsync_request_completesWithItsResult() throws Exception {
    SummarizationResult r =
        summarizer
            .summarizeAsync(SummarizationRequest.of("a", NOTES.get(1)))
            .get(60, TimeUnit.SECONDS);

    assertThat(r.requestId()).isEqualTo("a");
    assertThat(r.text()).isNotBlank();
  }

  @Test
  void summarize_fromSeveralThreads_givesEveryCallerItsOwnDeterministicResult() throws Exception {
    List<String> expected =
        NOTES.stream().map(n -> summarizer.summarize(SummarizationRequest.of(n)).text()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int k = 0; k < 10; k++) {
                    int n = k % NOTES.size();
                    String id = Thread.currentThread().getName() + "-" + k;
                    SummarizationResult r =
                        summarizer.summarize(SummarizationRequest.of(id, NOTES.get(n)));
                    if (!r.requestId().equals(id) || !r.text().equals(expected.get(n))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : futures) {
        assertThat(f.get(120, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void close_calledTwice_isIdempotent() {
    summarizer.close();
    summarizer.close();

    assertThatThrownBy(() -> summarizer.summarize(SummarizationRequest.of(NOTES.get(0))))
        .isInstanceOf(SummarizerClosedException.class);
  }

  @Test
  void summarize_afterClose_throwsSummarizerClosed() {
    summarizer.close();

    assertThatThrownBy(() -> summarizer.summarize(SummarizationRequest.of(NOTES.get(0))))
        .isInstanceOf(SummarizerClosedException.class)
        .hasMessageContaining("closed")
        .satisfies(
            e -> assertThat(((ClinSumException) e).reason()).isEqualTo(FailureReason.CLOSED));
    assertThatThrownBy(() -> summarizer.summarizeAsync(SummarizationRequest.of(NOTES.get(0))))
        .isInstanceOf(SummarizerClosedException.class);
  }
}
