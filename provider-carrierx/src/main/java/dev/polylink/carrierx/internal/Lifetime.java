package dev.polylink.carrierx.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * CarrierX's expiry arithmetic. A link lives {@code maximum_ttl} seconds from its {@code
 * date_created}; {@code -1} means forever. Conversions from an instant round up to whole seconds, so
 * a link never expires before the instant asked for.
 */
final class Lifetime {
  /** The {@code maximum_ttl} of a link that never expires. */
  static final long NEVER = -1;

  /**
   * The largest lifetime sent (about 68 years). CarrierX documents {@code maximum_ttl} as an
   * integer without a range; a 32-bit signed maximum is the careful assumption.
   */
  static final long MAX_SECONDS = Integer.MAX_VALUE;

  private Lifetime() {}

  /** Whole seconds from {@code from} to {@code to}, rounded up (the ceiling). */
  static long secondsRoundedUp(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.getNano() > 0 ? d.getSeconds() + 1 : d.getSeconds();
  }

  /**
   * The rule an expiry breaks, or empty when the lifetime from {@code origin} to {@code expiresAt}
   * can be sent to CarrierX. Compared as instants, before any rounding, so that an instant a
   * millisecond too early is not rounded into an allowed lifetime.
   *
   * @param strictlyAfter whether the expiry must lie after the origin (create, counted from now)
   *     or may equal it (update, counted from {@code date_created})
   * @param originName what the origin is, for the message
   */
  static Optional<String> violation(
      Instant origin, Instant expiresAt, boolean strictlyAfter, String originName) {
    if (strictlyAfter ? !expiresAt.isAfter(origin) : expiresAt.isBefore(origin)) {
      return Optional.of((strictlyAfter ? "must be after " : "must not be before ") + originName);
    }
    if (secondsRoundedUp(origin, expiresAt) > MAX_SECONDS) {
      return Optional.of("must be at most " + MAX_SECONDS + " seconds after " + originName);
    }
    return Optional.empty();
  }

  /**
   * {@code date_created + maximum_ttl}, or empty for {@code -1} (and any other negative value).
   *
   * @throws java.time.DateTimeException when the sum lies beyond {@link Instant#MAX} (a {@code
   *     maximum_ttl} of 2^63-1, say), which no {@link Instant} can hold
   */
  static Optional<Instant> expiresAt(Instant createdAt, long maximumTtl) {
    return maximumTtl >= 0 ? Optional.of(createdAt.plusSeconds(maximumTtl)) : Optional.empty();
  }
}
