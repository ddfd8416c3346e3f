package dev.polylink.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/** Parses {@code Retry-After}: delta-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
public final class RetryAfter {
  /** The obsolete asctime format, e.g. {@code Sun Nov  6 08:49:37 1994} (always GMT). */
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

  private RetryAfter() {}

  /**
   * The wait the header asks for; a date in the past is a zero wait; empty when the header is
   * missing or unreadable. All three HTTP-date formats are read (RFC 9110 section 5.6.7), and a
   * delta-seconds too large to represent is taken as the longest wait rather than as no wait.
   */
  public static Optional<Duration> parse(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException e) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
      }
    }
    return date(value, clock).map(at -> {
      Duration wait = Duration.between(clock.instant(), at);
      return wait.isNegative() ? Duration.ZERO : wait;
    });
  }

  private static Optional<Instant> date(String value, Clock clock) {
    try {
      return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // try the obsolete formats below
    }
    try {
      return Optional.of(ZonedDateTime.parse(value, rfc850(clock)).toInstant());
    } catch (DateTimeParseException e) {
      // try asctime
    }
    try {
      return Optional.of(LocalDateTime.parse(value, ASCTIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * The obsolete RFC 850 format, e.g. {@code Sunday, 06-Nov-94 08:49:37 GMT}. Its two-digit year is
   * the one within 50 years of now, as RFC 9110 section 5.6.7 requires.
   */
  private static DateTimeFormatter rfc850(Clock clock) {
    int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
    return new DateTimeFormatterBuilder()
        .appendPattern("EEEE, dd-MMM-")
        .appendValueReduced(ChronoField.YEAR, 2, 2, thisYear - 49)
        .appendPattern(" HH:mm:ss zzz")
        .toFormatter(Locale.US);
  }
}
