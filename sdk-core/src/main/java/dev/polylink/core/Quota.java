package dev.polylink.core;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One limit of an account and how much of it is used, under the vendor's own name (e.g. xQR's
 * {@code api_calls_per_month}, a ShortPen feature slug, SnipURL's {@code rate_limit_per_minute}).
 * Each number is empty when the vendor did not say it; {@link #remaining()} is never computed from
 * the other two.
 */
public final class Quota {
  private final String name;
  private final Long limit;
  private final Long used;
  private final Long remaining;

  private Quota(Builder b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.limit = b.limit;
    this.used = b.used;
    this.remaining = b.remaining;
  }

  /**
   * {@return a new builder}
   * @param name the name
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** {@return a builder holding these values} */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.limit = limit;
    b.used = used;
    b.remaining = remaining;
    return b;
  }

  /** {@return the vendor's name for this limit} */
  public String name() {
    return name;
  }

  /** {@return the limit; empty when unknown. Vendors that mean "unlimited" by a sentinel keep their sentinel} */
  public OptionalLong limit() {
    return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
  }

  /** {@return how much is used} */
  public OptionalLong used() {
    return used == null ? OptionalLong.empty() : OptionalLong.of(used);
  }

  /** {@return how much is left, as the vendor reports it} */
  public OptionalLong remaining() {
    return remaining == null ? OptionalLong.empty() : OptionalLong.of(remaining);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Quota)) {
      return false;
    }
    Quota q = (Quota) o;
    return name.equals(q.name) && Objects.equals(limit, q.limit) && Objects.equals(used, q.used)
        && Objects.equals(remaining, q.remaining);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, limit, used, remaining);
  }

  @Override
  public String toString() {
    return "Quota{" + name + ": limit=" + limit + ", used=" + used + ", remaining=" + remaining + "}";
  }

  /** Builds a {@link Quota}; unset numbers stay empty. */
  public static final class Builder {
    private final String name;
    private Long limit;
    private Long used;
    private Long remaining;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Sets {@code limit}.
     * @return this builder
     * @param limit the limit
     */
    public Builder limit(long limit) {
      this.limit = limit;
      return this;
    }

    /**
     * Sets {@code used}.
     * @return this builder
     * @param used the used
     */
    public Builder used(long used) {
      this.used = used;
      return this;
    }

    /**
     * Sets {@code remaining}.
     * @return this builder
     * @param remaining the remaining
     */
    public Builder remaining(long remaining) {
      this.remaining = remaining;
      return this;
    }

    /** {@return the value built from this builder} */
    public Quota build() {
      return new Quota(this);
    }
  }

}
