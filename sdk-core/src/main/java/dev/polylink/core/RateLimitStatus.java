package dev.polylink.core;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** The rate-limit state the vendor reported with its most recent response. */
@Value.Immutable
@ValueStyle
public abstract class RateLimitStatus {
  RateLimitStatus() {}

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableRateLimitStatus.builder();
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableRateLimitStatus.builder().from(this);
  }

  /** {@return the requests allowed in the window} */
  public abstract OptionalLong limit();

  /** {@return the requests left in the window} */
  public abstract OptionalLong remaining();

  /** {@return when the window resets} */
  public abstract Optional<Instant> resetAt();

  /**
   * The vendor's name for the window where it has several, e.g. {@code "monthly"} or {@code "1h"}.
   *
   * @return the window's name
   */
  public abstract Optional<String> window();

  /** {@return true when the vendor said nothing at all} */
  public boolean isEmpty() {
    return limit().isEmpty() && remaining().isEmpty() && resetAt().isEmpty() && window().isEmpty();
  }

  @Override
  public String toString() {
    return "RateLimitStatus{limit=" + (limit().isPresent() ? limit().getAsLong() : null)
        + ", remaining=" + (remaining().isPresent() ? remaining().getAsLong() : null)
        + ", resetAt=" + resetAt().orElse(null) + ", window=" + window().orElse(null) + "}";
  }

  /** Builds a {@link RateLimitStatus}; unset parts stay empty. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableRateLimitStatus.Builder generated() {
      return (ImmutableRateLimitStatus.Builder) this;
    }

    /**
     * Sets the requests allowed in the window.
     *
     * @param limit the requests allowed in the window
     * @return this builder
     */
    public Builder limit(long limit) {
      return generated().setLimit(limit);
    }

    /**
     * Sets the requests left in the window.
     *
     * @param remaining the requests left in the window
     * @return this builder
     */
    public Builder remaining(long remaining) {
      return generated().setRemaining(remaining);
    }

    /**
     * Sets when the window resets.
     *
     * @param resetAt when the window resets
     * @return this builder
     */
    public Builder resetAt(Instant resetAt) {
      return generated().setResetAt(resetAt);
    }

    /**
     * Sets the vendor's name for the window.
     *
     * @param window the vendor's name for the window
     * @return this builder
     */
    public Builder window(String window) {
      return generated().setWindow(window);
    }

    /** {@return the status holding the parts set} */
    public abstract RateLimitStatus build();
  }
}
