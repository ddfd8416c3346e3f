package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Reads ShortPen's {@code created_at} and {@code updated_at}. The List Links page types them as
 * ISO 8601 strings (its example: {@code "2023-11-07T05:31:56Z"}) but shows no other sample, so
 * they are read leniently: ISO-8601 with {@code T} or a space, with or without
 * fractional seconds, with an offset ({@code Z}, {@code +02:00}, {@code +0200}) or without one,
 * which is taken as UTC (ShortPen reports times in UTC unless a user time zone applies); a JSON
 * number is Unix seconds (milliseconds from 10^12 on). Anything else is left empty; the raw value
 * stays in {@code providerFields()}.
 */
final class Timestamps {
  private static final long MILLIS_FROM = 1_000_000_000_000L;

  private static final DateTimeFormatter LENIENT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart().appendLiteral('T').optionalEnd()
          .optionalStart().appendLiteral(' ').optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
          .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
          .toFormatter();

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

  static Optional<Instant> parse(String text) {
    try {
      TemporalAccessor parsed = LENIENT.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime) {
        return Optional.of(((OffsetDateTime) parsed).toInstant());
      }
      return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
