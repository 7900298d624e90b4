package io.clinsum.sagemaker.internal;

import io.clinsum.core.spi.Prompt;

/** The prompt for general language models, which need to be told what to do with a note. */
final class LlmPrompt {
  static final int DEFAULT_MAX_TOKENS = 200;
  private static final String DEFAULT_INSTRUCTION =
      "Summarize the following clinical note for a colleague in two or three sentences. Use only"
          + " facts stated in the note.";

  private LlmPrompt() {}

  static String of(Prompt prompt) {
    return prompt.instructionIfAny().orElse(DEFAULT_INSTRUCTION)
        + "\n\nNote:\n"
        + prompt.text()
        + "\n\nSummary:";
  }
}
