package io.clinsum.core;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A note to summarize, with an optional instruction and generation options.
 *
 * <pre>{@code
 * SummarizationRequest request = SummarizationRequest.builder()
 *     .id("note-17")
 *     .text(noteText)
 *     .instruction("Summarize the symptoms that the patient is experiencing.")
 *     .build();
 * }</pre>
 *
 * <p>The text is validated when the request is summarized, not here, so that a batch can report
 * every bad request with its id.
 */
public final class SummarizationRequest {
  private final String id;
  private final String text;
  private final String instruction;
  private final GenerationOptions options;

  private SummarizationRequest(Builder b) {
    this.id = b.id != null ? b.id : UUID.randomUUID().toString();
    this.text = Objects.requireNonNull(b.text, "text");
    this.instruction = b.instruction == null || b.instruction.isBlank() ? null : b.instruction;
    this.options = b.options != null ? b.options : GenerationOptions.none();
  }

  /** A request for {@code text} with a random id and no instruction. */
  public static SummarizationRequest of(String text) {
    return builder().text(text).build();
  }

  /** A request for {@code text} with the given id and no instruction. */
  public static SummarizationRequest of(String id, String text) {
    return builder().id(id).text(text).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().id(id).text(text).instruction(instruction).options(options);
  }

  /** Caller's identifier, carried unchanged into the result. */
  public String id() {
    return id;
  }

  /** The note text. */
  public String text() {
    return text;
  }

  /** The instruction, such as "Summarize the diagnosis and treatment.", if any. */
  public Optional<String> instruction() {
    return Optional.ofNullable(instruction);
  }

  /** Generation options for this request; unset values fall back to the summarizer's. */
  public GenerationOptions options() {
    return options;
  }

  @Override
  public String toString() {
    // Never the note text: requests end up in logs.
    return "SummarizationRequest[id="
        + id
        + ", chars="
        + text.length()
        + ", instruction="
        + (instruction != null)
        + ", "
        + options
        + "]";
  }

  /** Builder for {@link SummarizationRequest}. {@code text} is required. */
  public static final class Builder {
    private String id;
    private String text;
    private String instruction;
    private GenerationOptions options;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public Builder instruction(String instruction) {
      this.instruction = instruction;
      return this;
    }

    public Builder options(GenerationOptions options) {
      this.options = options;
      return this;
    }

    public SummarizationRequest build() {
      if (text == null) {
        throw new InvalidRequestException("text", "is required");
      }
      return new SummarizationRequest(this);
    }
  }
}
