package dev.polylink.carrierx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.polylink.core.spi.VendorError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CarrierxErrorDecoderTest {
  private static VendorError decode(String body) {
    return CarrierxErrorDecoder.INSTANCE.decode(400, Headers.of(), body);
  }

  @Test
  void messageAlone() {
    VendorError e = decode("{\"message\": \"Cannot find item by SID\", \"errors\": null}");
    assertEquals(Optional.of("Cannot find item by SID"), e.message());
    assertEquals(Optional.empty(), e.details());
    assertEquals(Optional.empty(), e.errorCode());
    assertEquals(Optional.empty(), e.requestId());
    assertFalse(e.quotaExhausted());
  }

  @Test
  void messageWithFieldErrors() {
    VendorError e = decode("{\"message\": \"object validation error\", \"errors\": ["
        + "{\"field\": \"short_name\", \"message\": \"too short\"}, {\"message\": \"bad mode\"}, \"plain\"]}");
    assertEquals(Optional.of("object validation error: short_name: too short; bad mode; plain"), e.message());
    assertEquals(Optional.of(List.of(Map.of("field", "short_name", "message", "too short"),
        Map.of("message", "bad mode"), "plain")), e.details());
  }

  @Test
  void errorsAsAnObjectOfFieldMessages() {
    VendorError e = decode("{\"errors\": {\"destination_url\": [\"is required\", \"must be a URL\"]}}");
    assertEquals(Optional.of("destination_url: is required, must be a URL"), e.message());
    assertEquals(Optional.of(Map.of("destination_url", List.of("is required", "must be a URL"))), e.details());
  }

  @Test
  void errorsAsAString() {
    assertEquals(Optional.of("No JSON object could be decoded"),
        decode("{\"errors\": \"No JSON object could be decoded\"}").message());
  }

  @Test
  void aRepeatedMessageIsNotDoubled() {
    assertEquals(Optional.of("Conflict"), decode("{\"message\": \"Conflict\", \"errors\": \"Conflict\"}").message());
  }

  @Test
  void longErrorListsAreShortenedInTheMessageOnly() {
    StringBuilder body = new StringBuilder("{\"errors\": [");
    for (int i = 0; i < 12; i++) {
      body.append(i == 0 ? "" : ",").append("\"e").append(i).append('"');
    }
    VendorError e = decode(body.append("]}").toString());
    assertEquals(Optional.of("e0; e1; e2; e3; e4; e5; e6; e7; e8; e9; ... (2 more)"), e.message());
    assertEquals(12, ((List<?>) e.details().orElseThrow()).size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "Unauthorized", "<html><body>502</body></html>", "[1, 2]", "\"text\"",
      "{\"message\": ", "{\"message\": 42}", "{\"message\": {\"nested\": true}}", "null", "{}"})
  void anythingElseYieldsNoMessageAndNeverThrows(String body) {
    VendorError e = decode(body);
    assertEquals(body.equals("{\"message\": 42}") ? Optional.of("42") : Optional.empty(), e.message());
  }

  @Test
  void nullAndBlankEntriesAreSkippedAndABlankMessageIsNone() {
    VendorError e = decode("{\"message\": \"  \", \"errors\": [null, {\"message\": \" \"}, \"\", \"kept\"]}");
    assertEquals(Optional.of("kept"), e.message());
  }

  @Test
  void anObjectOfMoreThanTenFieldsListsTenAndCountsTheRest() {
    StringBuilder errors = new StringBuilder("{\"errors\": {");
    for (int i = 1; i <= 12; i++) {
      errors.append(i == 1 ? "" : ", ").append("\"f").append(i).append("\": \"bad\"");
    }
    VendorError e = decode(errors.append("}}").toString());
    assertEquals(Optional.of("f1: bad; f2: bad; f3: bad; f4: bad; f5: bad; f6: bad; f7: bad; f8: bad; f9: bad;"
        + " f10: bad; ... (2 more)"), e.message());
  }
}
