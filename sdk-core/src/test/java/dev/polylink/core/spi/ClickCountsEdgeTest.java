package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.ClickCount;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClickCountsEdgeTest {
  private static JsonNode parse(String json) {
    return Json.tryParse(json).orElseThrow();
  }

  @Test
  void aZeroCountInAnObjectIsKept() {
    assertEquals(Optional.of(List.of(ClickCount.of("US", 0), ClickCount.of("FR", 2))),
        ClickCounts.read(parse("{\"US\": 0, \"FR\": 2}"), List.of(), List.of()));
  }

  @Test
  void aBlankNameFallsThroughToTheNextField() {
    JsonNode array = parse("[{\"country\": \"  \", \"code\": \"DE\", \"clicks\": 3}]");
    assertEquals(Optional.of(List.of(ClickCount.of("DE", 3))),
        ClickCounts.read(array, List.of("country", "code"), List.of("clicks")));
  }

  @Test
  void aDateOfExactlyTenCharactersIsRead() {
    assertEquals(Optional.of(LocalDate.of(2026, 3, 21)), ClickCounts.date("2026-03-21"));
    assertEquals(Optional.empty(), ClickCounts.date("2026-03-2"));
  }
}
