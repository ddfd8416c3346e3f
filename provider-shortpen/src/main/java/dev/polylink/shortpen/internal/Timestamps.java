package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.IsoTimestamps;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads ShortPen's {@code created_at} and {@code updated_at}. The List Links page types them as
 * ISO 8601 strings (its example: {@code "2023-11-07T05:31:56Z"}) but shows no other sample, so a
 * string is read leniently by {@link IsoTimestamps#parse}: {@code T} or a space, with or without
 * fractional seconds, with an offset ({@code Z}, {@code +02:00}, {@code +0200}) or without one,
 * which is taken as UTC (ShortPen reports times in UTC unless a user time zone applies).
 *
 * <p>On top of that, a rule for ShortPen alone, so kept here rather than in the shared reader: a
 * JSON number is Unix seconds (milliseconds from 10^12 on), a guess for a vendor that documents the
 * type loosely. Anything else is left empty; the raw value stays in {@code providerFields()}.
 */
final class Timestamps {
  private static final long MILLIS_FROM = 1_000_000_000_000L;

  private Timestamps() {}

  static Optional<Instant> read(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0) {
      long n = value.longValue();
      return Optional.of(n >= MILLIS_FROM ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
    }
    if (!value.isTextual()) {
      return Optional.empty();
    }
    return parse(value.textValue());
  }

  /** A timestamp string: the shared lenient ISO-8601 reading. */
  static Optional<Instant> parse(String text) {
    return IsoTimestamps.parse(text);
  }
}
