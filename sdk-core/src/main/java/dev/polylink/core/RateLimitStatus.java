package dev.polylink.core;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.BuilderVisibility;
import org.immutables.value.Value.Style.ImplementationVisibility;

/** The rate-limit state the vendor reported with its most recent response. */
@Value.Immutable(copy = false)
@Value.Style(
    init = "set*",
    visibility = ImplementationVisibility.PACKAGE,
    builderVisibility = BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true)
public abstract class RateLimitStatus {
  RateLimitStatus() {}

  public static Builder builder() {
    return ImmutableRateLimitStatus.builder();
  }

  public Builder toBuilder() {
    return ImmutableRateLimitStatus.builder().from(this);
  }

  /** Requests allowed in the window. */
  public abstract OptionalLong limit();

  /** Requests left in the window. */
  public abstract OptionalLong remaining();

  /** When the window resets. */
  public abstract Optional<Instant> resetAt();

  /** The vendor's name for the window where it has several, e.g. {@code "monthly"} or {@code "1h"}. */
  public abstract Optional<String> window();

  /** True when the vendor said nothing at all. */
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

    public Builder limit(long limit) {
      return generated().setLimit(limit);
    }

    public Builder remaining(long remaining) {
      return generated().setRemaining(remaining);
    }

    public Builder resetAt(Instant resetAt) {
      return generated().setResetAt(resetAt);
    }

    public Builder window(String window) {
      return generated().setWindow(window);
    }

    public abstract RateLimitStatus build();
  }
}
