package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeTest {
  private static JsonNode json(String text) {
    return Json.tryParse(text).orElseThrow();
  }

  @Test
  void dataAsAnObjectOrAnArray() {
    JsonNode object = json("{\"success\": true, \"data\": {\"id\": 1}}");
    assertSame(object.get("data"), Envelope.dataObject("p", Operation.GET, object));
    JsonNode array = json("{\"data\": [1, 2]}");
    assertSame(array.get("data"), Envelope.dataArray("p", Operation.LIST, array));
    JsonNode root = json("{\"items\": []}");
    assertSame(root, Envelope.root("p", Operation.LIST, root));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[]|the body is not a JSON object",
      "\"text\"|the body is not a JSON object",
      "{}|the body has no \"data\"",
      "{\"data\": null}|the body has no \"data\"",
      "{\"data\": []}|\"data\" is not an object",
      "{\"data\": 1}|\"data\" is not an object",
      "{\"success\": false, \"data\": {}}|the body says success: false",
      "{\"success\": false, \"data\": {}, \"message\": \"Odd.\"}|the body says success: false (Odd.)",
      "{\"success\": false, \"data\": {}, \"message\": \" \"}|the body says success: false",
  })
  void anythingElseIsOneUnreadableResponseError(String body, String what) {
    TransportException e =
        assertThrows(TransportException.class, () -> Envelope.dataObject("p", Operation.UPDATE, json(body)));
    assertEquals("p update failed: unexpected response: " + what, e.getMessage());
    assertEquals(Operation.UPDATE, e.operation());
    assertEquals("p", e.providerId());
  }

  @Test
  void anArrayIsRequiredWhereOneIsExpected() {
    TransportException e = assertThrows(TransportException.class,
        () -> Envelope.dataArray("p", Operation.LIST, json("{\"success\": true, \"data\": {}}")));
    assertEquals("p list failed: unexpected response: \"data\" is not an array", e.getMessage());
    assertThrows(TransportException.class, () -> Envelope.root("p", Operation.LIST, null));
    assertThrows(TransportException.class, () -> Envelope.dataArray("p", Operation.LIST, null));
  }
}
