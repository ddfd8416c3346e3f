package dev.polylink.core;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * How a client paces its own requests ({@link LinkClientBuilder#rateLimit}): {@link #adaptive()}
 * (the builder's default), {@link #fixed} or {@link #none()}.
 *
 * <ul>
 *   <li>{@link #adaptive()}: seeded from the vendor's documented limit, 2 % below it (xQR: the
 *       plan's requests a second, see its builder; SnipURL: 60 a minute and 1,000 an hour; ShortPen:
 *       60 a minute; CarrierX documents none, so only 429s pace it), corrected from the vendor's
 *       rate-limit headers and lowered after each 429 as the AWS SDK v2's adaptive rate limiter
 *       does (times 0.7, then cubic growth back, never below 0.5 a second).
 *   <li>{@link #fixed}: exactly that rate, evenly spaced; 429s and headers do not change it.
 *   <li>{@link #none()}: no client-side pacing.
 * </ul>
 *
 * In every mode but {@link #none()} no request starts before a 429's {@code Retry-After} passed, a
 * window the vendor reports used up stops requests until its reset, and a used-up quota fails at
 * once. Waiting counts against {@link LinkClientBuilder#operationTimeout}.
 */
@Value.Immutable
@ValueStyle
public abstract class RateLimit {
  RateLimit() {}

  /** The kinds of pacing. */
  public enum Mode {
    /** Seeded from the vendor's documented limit, corrected from headers and 429s. */
    ADAPTIVE,
    /** A fixed rate. */
    FIXED,
    /** No client-side pacing. */
    NONE
  }

  /** {@return the adaptive default} */
  public static RateLimit adaptive() {
    return ImmutableRateLimit.builder().setMode(Mode.ADAPTIVE).build();
  }

  /** {@return no client-side pacing} */
  public static RateLimit none() {
    return ImmutableRateLimit.builder().setMode(Mode.NONE).build();
  }

  /**
   * A fixed rate, evenly spaced.
   *
   * @param requests requests per period, at least 1
   * @param period the period, positive
   * @return the setting
   * @throws RequestValidationException for a rate that is not positive
   */
  public static RateLimit fixed(long requests, Duration period) {
    if (requests < 1) {
      throw new RequestValidationException(PolylinkException.NO_PROVIDER,
          "rateLimit.requests: must be at least 1 (was " + requests + ")");
    }
    if (period == null || period.isNegative() || period.isZero()) {
      throw new RequestValidationException(PolylinkException.NO_PROVIDER,
          "rateLimit.period: must be positive (was " + period + ")");
    }
    return ImmutableRateLimit.builder().setMode(Mode.FIXED).setRequests(requests).setPeriod(period).build();
  }

  /**
   * Reads {@code adaptive}, {@code none} or {@code <n>/<ISO-8601 period>} such as {@code 50/PT1S}.
   *
   * @param value the text
   * @return the setting
   * @throws RequestValidationException for other text
   */
  public static RateLimit parse(String value) {
    String v = value == null ? "" : value.strip();
    if (v.equalsIgnoreCase("adaptive")) {
      return adaptive();
    }
    if (v.equalsIgnoreCase("none")) {
      return none();
    }
    int slash = v.indexOf('/');
    try {
      if (slash > 0) {
        return fixed(Long.parseLong(v.substring(0, slash).strip()), Duration.parse(v.substring(slash + 1).strip()));
      }
    } catch (RuntimeException e) {
      // fall through
    }
    throw new RequestValidationException(PolylinkException.NO_PROVIDER,
        "rateLimit: must be adaptive, none or <requests>/<ISO-8601 period> such as 50/PT1S (was \"" + v + "\")");
  }

  /** {@return the kind of pacing} */
  public abstract Mode mode();

  /** {@return for {@link Mode#FIXED}, the requests per {@link #period()}} */
  public abstract OptionalLong requests();

  /** {@return for {@link Mode#FIXED}, the period} */
  public abstract Optional<Duration> period();
}
