package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CursorsCountTest {
  private static JsonNode parse(String json) {
    return Json.tryParse(json).orElseThrow();
  }

  @Test
  void aCountIsReadAsAWholeNumberAndIsEmptyWithoutANodeOrField() {
    assertEquals(OptionalLong.of(42), Cursors.count("p", Operation.LIST, parse("{\"total\": 42}"), "total"));
    assertEquals(OptionalLong.of(7), Cursors.count("p", Operation.LIST, parse("{\"total\": \"7\"}"), "total"));
    assertEquals(OptionalLong.empty(), Cursors.count("p", Operation.LIST, parse("{\"other\": 1}"), "total"));
    assertEquals(OptionalLong.empty(), Cursors.count("p", Operation.LIST, null, "total"));
  }

  @Test
  void aCountBeyondSixtyFourBitsFailsTheAnswer() {
    JsonNode huge = parse("{\"total\": 99999999999999999999}");
    TransportException e = assertThrows(TransportException.class, () -> Cursors.count("p", Operation.LIST, huge, "total"));
    assertTrue(e.getMessage().contains("total 99999999999999999999 does not fit a 64-bit integer"), e.getMessage());
  }
}
