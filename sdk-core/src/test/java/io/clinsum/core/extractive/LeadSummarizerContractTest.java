package io.clinsum.core.extractive;

import io.clinsum.core.Summarizer;
import io.clinsum.core.Summarizers;
import io.clinsum.core.testkit.SummarizerContractTest;

class LeadSummarizerContractTest extends SummarizerContractTest {
  @Override
  protected Summarizer openSummarizer() {
    return Summarizers.open("lead");
  }
}
