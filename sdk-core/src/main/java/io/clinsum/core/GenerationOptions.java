package io.clinsum.core;

import java.util.Optional;

/**
 * How a summary is generated. Every option is optional: an unset option takes the backend's
 * default, which for model backends comes from the model's {@code generation_config.json}.
 * Per-request options win over the summarizer's defaults (see {@link #orElse(GenerationOptions)}).
 *
 * <p>Lengths count model tokens for model backends and words for the extractive backend.
 *
 * <pre>{@code
 * GenerationOptions options = GenerationOptions.builder().maxLength(64).numBeams(4).build();
 * }</pre>
 */
public final class GenerationOptions {
  private static final GenerationOptions NONE = builder().build();

  private final Integer minLength;
  private final Integer maxLength;
  private final Integer numBeams;
  private final Double lengthPenalty;
  private final Integer noRepeatNgramSize;
  private final Double repetitionPenalty;
  private final Boolean earlyStopping;

  private GenerationOptions(Builder b) {
    this.minLength = b.minLength;
    this.maxLength = b.maxLength;
    this.numBeams = b.numBeams;
    this.lengthPenalty = b.lengthPenalty;
    this.noRepeatNgramSize = b.noRepeatNgramSize;
    this.repetitionPenalty = b.repetitionPenalty;
    this.earlyStopping = b.earlyStopping;
  }

  /** Options with nothing set: every value comes from the backend's defaults. */
  public static GenerationOptions none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.minLength = minLength;
    b.maxLength = maxLength;
    b.numBeams = numBeams;
    b.lengthPenalty = lengthPenalty;
    b.noRepeatNgramSize = noRepeatNgramSize;
    b.repetitionPenalty = repetitionPenalty;
    b.earlyStopping = earlyStopping;
    return b.validate();
  }

  /** These options, with every unset value taken from {@code defaults}. */
  public GenerationOptions orElse(GenerationOptions defaults) {
    Builder b = new Builder();
    b.minLength = minLength != null ? minLength : defaults.minLength;
    b.maxLength = maxLength != null ? maxLength : defaults.maxLength;
    b.numBeams = numBeams != null ? numBeams : defaults.numBeams;
    b.lengthPenalty = lengthPenalty != null ? lengthPenalty : defaults.lengthPenalty;
    b.noRepeatNgramSize =
        noRepeatNgramSize != null ? noRepeatNgramSize : defaults.noRepeatNgramSize;
    b.repetitionPenalty =
        repetitionPenalty != null ? repetitionPenalty : defaults.repetitionPenalty;
    b.earlyStopping = earlyStopping != null ? earlyStopping : defaults.earlyStopping;
    return b.build();
  }

  /** Minimum summary length. */
  public Optional<Integer> minLength() {
    return Optional.ofNullable(minLength);
  }

  /** Maximum summary length. */
  public Optional<Integer> maxLength() {
    return Optional.ofNullable(maxLength);
  }

  /** Beam width; 1 is greedy search. */
  public Optional<Integer> numBeams() {
    return Optional.ofNullable(numBeams);
  }

  /** Exponent applied to the length when ranking beams; above 1 favours longer summaries. */
  public Optional<Double> lengthPenalty() {
    return Optional.ofNullable(lengthPenalty);
  }

  /** No n-gram of this size may occur twice in a summary; 0 disables the check. */
  public Optional<Integer> noRepeatNgramSize() {
    return Optional.ofNullable(noRepeatNgramSize);
  }

  /** Penalty on tokens already generated; 1.0 disables it. */
  public Optional<Double> repetitionPenalty() {
    return Optional.ofNullable(repetitionPenalty);
  }

  /** Whether beam search stops as soon as enough beams have finished. */
  public Optional<Boolean> earlyStopping() {
    return Optional.ofNullable(earlyStopping);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenerationOptions g && toString().equals(g.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  @Override
  public String toString() {
    return "GenerationOptions[minLength="
        + minLength
        + ", maxLength="
        + maxLength
        + ", numBeams="
        + numBeams
        + ", lengthPenalty="
        + lengthPenalty
        + ", noRepeatNgramSize="
        + noRepeatNgramSize
        + ", repetitionPenalty="
        + repetitionPenalty
        + ", earlyStopping="
        + earlyStopping
        + "]";
  }

  /** Builder for {@link GenerationOptions}; values are checked in {@link #build()}. */
  public static final class Builder {
    private Integer minLength;
    private Integer maxLength;
    private Integer numBeams;
    private Double lengthPenalty;
    private Integer noRepeatNgramSize;
    private Double repetitionPenalty;
    private Boolean earlyStopping;

    private Builder() {}

    public Builder minLength(Integer minLength) {
      this.minLength = minLength;
      return this;
    }

    public Builder maxLength(Integer maxLength) {
      this.maxLength = maxLength;
      return this;
    }

    public Builder numBeams(Integer numBeams) {
      this.numBeams = numBeams;
      return this;
    }

    public Builder lengthPenalty(Double lengthPenalty) {
      this.lengthPenalty = lengthPenalty;
      return this;
    }

    public Builder noRepeatNgramSize(Integer noRepeatNgramSize) {
      this.noRepeatNgramSize = noRepeatNgramSize;
      return this;
    }

    public Builder repetitionPenalty(Double repetitionPenalty) {
      this.repetitionPenalty = repetitionPenalty;
      return this;
    }

    public Builder earlyStopping(Boolean earlyStopping) {
      this.earlyStopping = earlyStopping;
      return this;
    }

    public GenerationOptions build() {
      return new GenerationOptions(validate());
    }

    private Builder validate() {
      requireAtLeast("options.minLength", minLength, 0);
      requireAtLeast("options.maxLength", maxLength, 1);
      requireAtLeast("options.numBeams", numBeams, 1);
      requireAtLeast("options.noRepeatNgramSize", noRepeatNgramSize, 0);
      if (minLength != null && maxLength != null && minLength > maxLength) {
        throw new InvalidRequestException(
            "options.minLength", "is " + minLength + ", above maxLength " + maxLength);
      }
      if (repetitionPenalty != null && !(repetitionPenalty > 0)) {
        throw new InvalidRequestException(
            "options.repetitionPenalty",
            "must be above 0 (1.0 disables it), was " + repetitionPenalty);
      }
      if (lengthPenalty != null && !Double.isFinite(lengthPenalty)) {
        throw new InvalidRequestException("options.lengthPenalty", "must be a finite number");
      }
      return this;
    }

    private static void requireAtLeast(String field, Integer value, int min) {
      if (value != null && value < min) {
        throw new InvalidRequestException(field, "must be at least " + min + ", was " + value);
      }
    }
  }
}
