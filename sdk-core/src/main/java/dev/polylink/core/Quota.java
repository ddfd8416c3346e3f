package dev.polylink.core;

import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One limit of an account and how much of it is used, under the vendor's own name (e.g. xQR's
 * {@code api_calls_per_month}, a ShortPen feature slug, SnipURL's {@code rate_limit_per_minute}).
 * Each number is empty when the vendor did not say it; {@link #remaining()} is never computed from
 * the other two.
 */
@Value.Immutable
@ValueStyle
public abstract class Quota {
  Quota() {}

  /**
   * {@return a new builder}
   * @param name the name
   */
  public static Builder builder(String name) {
    return ImmutableQuota.builder().setName(name);
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    return ImmutableQuota.builder().from(this);
  }

  /** {@return the vendor's name for this limit} */
  public abstract String name();

  /** {@return the limit; empty when unknown. Vendors that mean "unlimited" by a sentinel keep their sentinel} */
  public abstract OptionalLong limit();

  /** {@return how much is used} */
  public abstract OptionalLong used();

  /** {@return how much is left, as the vendor reports it} */
  public abstract OptionalLong remaining();

  @Override
  public String toString() {
    return "Quota{" + name() + ": limit=" + text(limit()) + ", used=" + text(used()) + ", remaining="
        + text(remaining()) + "}";
  }

  private static String text(OptionalLong n) {
    return n.isPresent() ? Long.toString(n.getAsLong()) : "null";
  }

  /** Builds a {@link Quota}; unset numbers stay empty. */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableQuota.Builder generated() {
      return (ImmutableQuota.Builder) this;
    }

    /**
     * Sets {@code limit}.
     * @return this builder
     * @param limit the limit
     */
    public Builder limit(long limit) {
      return generated().setLimit(limit);
    }

    /**
     * Sets {@code used}.
     * @return this builder
     * @param used the used
     */
    public Builder used(long used) {
      return generated().setUsed(used);
    }

    /**
     * Sets {@code remaining}.
     * @return this builder
     * @param remaining the remaining
     */
    public Builder remaining(long remaining) {
      return generated().setRemaining(remaining);
    }

    /** {@return the value built from this builder} */
    public abstract Quota build();
  }
}
