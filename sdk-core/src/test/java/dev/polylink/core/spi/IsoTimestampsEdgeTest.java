package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class IsoTimestampsEdgeTest {
  @Test
  void yearZeroTakesTheFastPath() {
    assertEquals(Instant.parse("0000-01-01T00:00:00Z"), IsoTimestamps.common("0000-01-01T00:00:00Z"));
  }

  @Test
  void offsetsAreSubtractedEastAndAddedWest() {
    for (String text : new String[] {"2026-03-20T09:12:44+05:30", "2026-03-20T09:12:44-05:30",
        "2026-03-20T09:12:44-17:59", "2026-03-20T09:12:44+00:01"}) {
      assertEquals(OffsetDateTime.parse(text).toInstant(), IsoTimestamps.common(text), text);
    }
  }
}
