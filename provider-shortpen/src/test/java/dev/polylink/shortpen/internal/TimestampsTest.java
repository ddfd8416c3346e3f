package dev.polylink.shortpen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.Json;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ShortPen types its timestamps only as "ISO 8601" strings, so they are read leniently. */
class TimestampsTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2025-06-01T09:30:00Z|2025-06-01T09:30:00Z",
      "2025-06-01T09:30:00.000000Z|2025-06-01T09:30:00Z",
      "2025-06-01T09:30:00.123Z|2025-06-01T09:30:00.123Z",
      "2025-06-01T11:30:00+02:00|2025-06-01T09:30:00Z",
      "2025-06-01T11:30:00+0200|2025-06-01T09:30:00Z",
      "2025-06-01 09:30:00|2025-06-01T09:30:00Z",
      "2025-06-01T09:30|2025-06-01T09:30:00Z",
      "2025-06-01 09:30:00.5|2025-06-01T09:30:00.5Z",
  })
  void isoVariantsAreRead(String text, String expected) {
    assertEquals(Optional.of(Instant.parse(expected)), Timestamps.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2025-06-01", "01/06/2025 09:30", "2025-13-01T00:00:00Z"})
  void anythingElseIsNotSaid(String text) {
    assertEquals(Optional.empty(), Timestamps.parse(text));
  }

  @Test
  void numbersAreUnixSecondsOrMilliseconds() throws Exception {
    JsonNode node = Json.mapper().readTree("{\"s\": 1717234200, \"ms\": 1717234200123, \"n\": null}");
    assertEquals(Optional.of(Instant.ofEpochSecond(1717234200)), Timestamps.read(node, "s"));
    assertEquals(Optional.of(Instant.ofEpochMilli(1717234200123L)), Timestamps.read(node, "ms"));
    assertEquals(Optional.empty(), Timestamps.read(node, "n"));
    assertEquals(Optional.empty(), Timestamps.read(node, "missing"));
  }

  @Test
  void theBoundariesOfTheNumberRule() throws Exception {
    JsonNode node = Json.mapper().readTree("{\"zero\": 0, \"one\": 1, \"below\": 999999999999, \"from\": 1000000000000}");
    assertEquals(Optional.empty(), Timestamps.read(node, "zero"), "0 is no time at all");
    assertEquals(Optional.of(Instant.ofEpochSecond(1)), Timestamps.read(node, "one"));
    assertEquals(Optional.of(Instant.ofEpochSecond(999_999_999_999L)), Timestamps.read(node, "below"));
    assertEquals(Optional.of(Instant.ofEpochMilli(1_000_000_000_000L)), Timestamps.read(node, "from"));
  }
}
