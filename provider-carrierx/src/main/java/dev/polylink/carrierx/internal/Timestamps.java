package dev.polylink.carrierx.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads CarrierX's timestamps. The documented form is ISO-8601 in UTC with milliseconds ({@code
 * 2024-01-18T19:26:02.000Z}); an offset or a missing zone (read as UTC, CarrierX's time zone) and a
 * space instead of {@code T} are accepted too. Anything else is "not said": empty.
 */
final class Timestamps {
  private Timestamps() {}

  static Optional<Instant> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.strip().replace(' ', 'T');
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeException e) {
      // try the next form
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeException e) {
      // try the next form
    }
    try {
      return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
