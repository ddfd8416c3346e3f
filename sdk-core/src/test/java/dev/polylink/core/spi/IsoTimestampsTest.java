package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // Z, with and without fractions
      "2025-06-01T09:30:00Z|2025-06-01T09:30:00Z",
      "2025-06-01T09:30:00.000Z|2025-06-01T09:30:00Z",
      "2025-06-01T09:30:00.000000Z|2025-06-01T09:30:00Z",
      "2025-06-01T09:30:00.123Z|2025-06-01T09:30:00.123Z",
      "2025-06-01T09:30:00.123456789Z|2025-06-01T09:30:00.123456789Z",
      "2025-06-01T09:30Z|2025-06-01T09:30:00Z",
      "2025-06-01t09:30:00z|2025-06-01T09:30:00Z",
      // offsets in every written form
      "2025-06-01T11:30:00+02:00|2025-06-01T09:30:00Z",
      "2025-06-01T11:30:00.5+02:00|2025-06-01T09:30:00.5Z",
      "2025-06-01T11:30:00+0200|2025-06-01T09:30:00Z",
      "2025-06-01T11:30:00.250+0200|2025-06-01T09:30:00.250Z",
      "2025-06-01T11:30:00+02|2025-06-01T09:30:00Z",
      "2025-06-01T04:00:00-05:30|2025-06-01T09:30:00Z",
      "2025-06-01T04:00:00-0530|2025-06-01T09:30:00Z",
      "2025-06-01T09:30:00+00:00|2025-06-01T09:30:00Z",
      "2025-06-01T09:30:00-00:00|2025-06-01T09:30:00Z",
      "2025-06-01T11:30:30+02:00:30|2025-06-01T09:30:00Z",
      "2025-06-01T11:30+02:00|2025-06-01T09:30:00Z",
      // a space for T
      "2025-06-01 09:30:00Z|2025-06-01T09:30:00Z",
      "2025-06-01 11:30:00+02:00|2025-06-01T09:30:00Z",
      "2025-06-01 11:30:00+0200|2025-06-01T09:30:00Z",
      // no zone: UTC
      "2025-06-01T09:30:00|2025-06-01T09:30:00Z",
      "2025-06-01 09:30:00|2025-06-01T09:30:00Z",
      "2025-06-01 09:30:00.5|2025-06-01T09:30:00.5Z",
      "2025-06-01T09:30|2025-06-01T09:30:00Z",
      // the ends of a day, as Instant.parse reads them
      "2025-06-01T24:00:00Z|2025-06-02T00:00:00Z",
      "2025-06-01T24:00:00|2025-06-02T00:00:00Z",
      "2025-06-30T23:59:60Z|2025-06-30T23:59:59Z",
      // leap day, and dates far from now
      "2024-02-29T12:00:00Z|2024-02-29T12:00:00Z",
      "1970-01-01T00:00:00Z|1970-01-01T00:00:00Z",
      "1969-12-31T23:59:59.999Z|1969-12-31T23:59:59.999Z",
      "+12025-06-01T09:30:00Z|+12025-06-01T09:30:00Z",
  })
  void isoFormsAreRead(String text, String expected) {
    assertEquals(Optional.of(Instant.parse(expected)), IsoTimestamps.parse(text));
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    Optional<Instant> expected = Optional.of(Instant.parse("2025-06-01T09:30:00Z"));
    assertEquals(expected, IsoTimestamps.parse("  2025-06-01T09:30:00Z "));
    assertEquals(expected, IsoTimestamps.parse("\t2025-06-01 09:30:00\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "yesterday", "now", "1717234200", "2025-06-01", "09:30:00", "2025-06-01T", "2025-06-01TZ",
      // calendar and clock are checked, never adjusted
      "2025-02-29T09:30:00Z", "2025-02-30T09:30:00", "2025-04-31 09:30:00", "2025-13-01T00:00:00Z",
      "2025-06-00T00:00:00Z", "2025-06-01T25:00:00Z", "2025-06-01T09:60:00Z", "2025-06-01T24:00:01Z",
      "2025-06-01T23:59:61Z", "2025-06-01T11:30:00+19:00",
      // not ISO-8601 in extended form
      "2025-06-0109:30:00", "2025-06-01T 09:30:00", "2025-06-01  09:30:00", "2025-06-01_09:30:00",
      "20250601T093000Z", "2025-6-1T09:30:00Z", "2025-06-01T9:30:00Z", "01/06/2025 09:30",
      "2025-06-01T09:30:00,5Z", "2025-06-01T09:30:00.1234567891Z", "2025-06-01T09",
      // zones the JDK's ISO-8601 offset forms do not cover, or two zones
      "2025-06-01T09:30:00 Z", "2025-06-01T09:30:00 +02:00", "2025-06-01T09:30:00UTC", "2025-06-01T09:30:00[UTC]",
      "2025-06-01T09:30:00+02:00[Europe/Paris]", "2025-06-01T09:30:00GMT+2", "2025-06-01T09:30:00+2:00",
      "2025-06-01T09:30:00ZZ", "2025-06-01T09:30:00+02:00Z",
  })
  void anythingElseIsEmpty(String text) {
    assertEquals(Optional.empty(), IsoTimestamps.parse(text));
  }

  @Test
  void nullIsEmpty() {
    assertEquals(Optional.empty(), IsoTimestamps.parse(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2026-03-20T09:12:44Z", "2025-06-20T10:00:00.000Z", "2024-01-18T19:26:02.5Z", "2024-01-18T19:26:02.123456789Z",
      "2024-02-29T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.9Z",
      "2025-06-01T09:30:00+02:00", "2025-06-01T09:30:00-05:30", "2025-06-01T09:30:00.25+17:59", "2025-06-01T00:00:00-00:00"})
  void theCommonFormIsReadByHandAsTheFormattersReadIt(String text) {
    Instant byHand = IsoTimestamps.common(text);
    assertNotNull(byHand, "the common form must take the fast path");
    assertEquals(IsoTimestamps.withFormatters(text), Optional.of(byHand));
    assertEquals(Optional.of(java.time.OffsetDateTime.parse(text).toInstant()), IsoTimestamps.parseZoned(text));
    assertEquals(Optional.of(byHand), IsoTimestamps.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2025-02-30T10:00:00Z", "2023-02-29T10:00:00Z", "2025-13-01T10:00:00Z", "2025-00-01T10:00:00Z",
      "2025-06-00T10:00:00Z", "2025-06-01T24:00:00Z", "2025-06-01T23:60:00Z", "2025-06-01T23:59:60Z",
      "2025-06-01t10:00:00Z", "2025-06-01T10:00:00z", "2025-06-01T10:00:00", "2025-06-01T10:00Z",
      "2025-06-01T10:00:00.Z", "2025-06-01T10:00:00.1234567890Z", "2025-06-01T10:00:00+18:00",
      "2025-06-01T10:00:00+02", "2025-06-01T10:00:00+0200", "2025-06-01T10:00:00+02:00:30", "+2025-06-01T10:00:00Z",
      "2025-06-01T10:00:00ZZ", "2025-06-01T1a:00:00Z", "2025-06-01T10:00:00+2:00Z", "20250-06-01T10:00:00Z"})
  void anyOtherFormIsLeftToTheFormatters(String text) {
    assertNull(IsoTimestamps.common(text));
    Optional<Instant> zoned;
    try {
      zoned = Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
    } catch (java.time.DateTimeException e) {
      try {
        zoned = Optional.of(Instant.parse(text));
      } catch (java.time.DateTimeException again) {
        zoned = Optional.empty();
      }
    }
    assertEquals(zoned, IsoTimestamps.parseZoned(text));
    assertEquals(IsoTimestamps.withFormatters(text), IsoTimestamps.parse(text));
  }

  @Test
  void randomInstantsWithRandomFractionsAndOffsetsReadAlikeByHandAndByTheFormatters() {
    java.util.Random random = new java.util.Random(13);
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong() % 253_402_300_799L, random.nextInt(1_000_000_000));
      java.time.ZoneOffset offset = java.time.ZoneOffset.ofTotalSeconds((random.nextInt(35 * 60) - 17 * 60) * 60);
      String text = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(offset));
      if (text.charAt(0) == '-' || text.startsWith("+")) {
        continue;
      }
      Instant byHand = IsoTimestamps.common(text);
      assertNotNull(byHand, text);
      assertEquals(java.time.OffsetDateTime.parse(text).toInstant(), byHand, text);
    }
  }

  @Test
  void parseZonedIgnoresSurroundingWhitespaceAndNull() {
    assertEquals(Optional.of(Instant.parse("2026-03-20T09:12:44Z")), IsoTimestamps.parseZoned(" 2026-03-20T09:12:44Z\n"));
    assertEquals(Optional.empty(), IsoTimestamps.parseZoned(null));
    assertEquals(Optional.empty(), IsoTimestamps.parseZoned("2026-03-20T09:12:44"));
  }
}
