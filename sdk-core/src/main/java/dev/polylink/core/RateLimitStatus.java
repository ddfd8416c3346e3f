package dev.polylink.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The rate-limit state the vendor reported with its most recent response. */
public final class RateLimitStatus {
  private final Long limit;
  private final Long remaining;
  private final Instant resetAt;
  private final String window;

  private RateLimitStatus(Builder b) {
    this.limit = b.limit;
    this.remaining = b.remaining;
    this.resetAt = b.resetAt;
    this.window = b.window;
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this value's fields, to change some and build a new value} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.limit = limit;
    b.remaining = remaining;
    b.resetAt = resetAt;
    b.window = window;
    return b;
  }

  /**
   * Requests allowed in the window.
   *
   * @return the limit, or empty when the vendor did not say
   */
  public OptionalLong limit() {
    return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
  }

  /**
   * Requests left in the window.
   *
   * @return the remaining requests, or empty when the vendor did not say
   */
  public OptionalLong remaining() {
    return remaining == null ? OptionalLong.empty() : OptionalLong.of(remaining);
  }

  /** {@return when the window resets} */
  public Optional<Instant> resetAt() {
    return Optional.ofNullable(resetAt);
  }

  /**
   * {@return the vendor's name for the window where it has several, e.g. {@code "monthly"} or
   * {@code "1h"}}
   */
  public Optional<String> window() {
    return Optional.ofNullable(window);
  }

  /** {@return true when the vendor said nothing at all} */
  public boolean isEmpty() {
    return limit == null && remaining == null && resetAt == null && window == null;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RateLimitStatus)) {
      return false;
    }
    RateLimitStatus r = (RateLimitStatus) o;
    return Objects.equals(limit, r.limit)
        && Objects.equals(remaining, r.remaining)
        && Objects.equals(resetAt, r.resetAt)
        && Objects.equals(window, r.window);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, remaining, resetAt, window);
  }

  @Override
  public String toString() {
    return "RateLimitStatus{limit=" + limit + ", remaining=" + remaining + ", resetAt=" + resetAt
        + ", window=" + window + "}";
  }

  /** Builds a {@link RateLimitStatus}; unset parts stay empty. */
  public static final class Builder {
    private Long limit;
    private Long remaining;
    private Instant resetAt;
    private String window;

    private Builder() {}

    /**
     * Sets {@link RateLimitStatus#limit()}.
     *
     * @param limit the value
     * @return this builder
     */
    public Builder limit(long limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Sets {@link RateLimitStatus#remaining()}.
     *
     * @param remaining the value
     * @return this builder
     */
    public Builder remaining(long remaining) {
      this.remaining = remaining;
      return this;
    }

    /**
     * Sets {@link RateLimitStatus#resetAt()}.
     *
     * @param resetAt the value
     * @return this builder
     */
    public Builder resetAt(Instant resetAt) {
      this.resetAt = Objects.requireNonNull(resetAt, "resetAt");
      return this;
    }

    /**
     * Sets {@link RateLimitStatus#window()}.
     *
     * @param window the value
     * @return this builder
     */
    public Builder window(String window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    /**
     * Builds the {@code RateLimitStatus}.
     *
     * @return a new, immutable {@code RateLimitStatus}
     */
    public RateLimitStatus build() {
      return new RateLimitStatus(this);
    }
  }
}
