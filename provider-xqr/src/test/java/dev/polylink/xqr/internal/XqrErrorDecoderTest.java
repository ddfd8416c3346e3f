package dev.polylink.xqr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.spi.VendorError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The error decoder reads the documented envelope and never throws on anything else. */
class XqrErrorDecoderTest {
  private final XqrErrorDecoder decoder = XqrErrorDecoder.INSTANCE;

  /** The client passes the windows it read from the headers once; the decoder does not read them again. */
  @Test
  void aCodelessQuotaIsToldFromTheWindowsTheClientReadNotFromTheHeadersAgain() {
    String codeless = "{\"error\": {\"message\": \"?\"}}";
    List<dev.polylink.core.RateLimitStatus> usedUp =
        List.of(dev.polylink.core.RateLimitStatus.builder().limit(10_000).remaining(0).window("monthly").build());
    assertTrue(decoder.decode(429, Headers.of(), codeless, usedUp).quotaExhausted());
    assertFalse(decoder.decode(429, Headers.of("X-RateLimit-Remaining", "0"), codeless, List.of()).quotaExhausted(),
        "the headers are not parsed a second time");
    List<dev.polylink.core.RateLimitStatus> burstUsedUp =
        List.of(dev.polylink.core.RateLimitStatus.builder().limit(10).remaining(0).window("burst").build());
    assertFalse(decoder.decode(429, Headers.of(), codeless, burstUsedUp).quotaExhausted(), "a used-up burst is no quota");
    // Without the windows (a direct call), the decoder reads them from the headers itself.
    assertTrue(decoder.decode(429, Headers.of("X-RateLimit-Remaining", "0"), codeless).quotaExhausted());
  }

  @Test
  void readsTheDocumentedEnvelope() {
    VendorError error = decoder.decode(403, Headers.of(),
        "{\"error\": {\"code\": \"INSUFFICIENT_SCOPE\", \"message\": \"This endpoint requires the links:write scope.\","
            + " \"status\": 403}, \"meta\": {\"request_id\": \"req_abc123\"}}");
    assertEquals(Optional.of("INSUFFICIENT_SCOPE"), error.errorCode());
    assertEquals(Optional.of("This endpoint requires the links:write scope."), error.message());
    assertEquals(Optional.of("req_abc123"), error.requestId());
    assertFalse(error.quotaExhausted());
    assertEquals(Optional.empty(), error.details());
  }

  @Test
  void theQrPagesShapeLowerCaseCodeAndRequestIdHeaderAreRead() {
    VendorError error = decoder.decode(404, Headers.of("X-Request-Id", "req_qr_77"),
        "{\"error\":{\"code\":\"not_found\",\"message\":\"Link not found.\"},\"meta\":{}}");
    assertEquals(Optional.of("not_found"), error.errorCode());
    assertEquals(Optional.of("req_qr_77"), error.requestId());
    assertEquals(Optional.of("req_body"), decoder.decode(404, Headers.of("X-Request-Id", "req_header"),
        "{\"error\":{\"code\":\"NOT_FOUND\"},\"meta\":{\"request_id\":\"req_body\"}}").requestId(), "the body wins");
    assertTrue(decoder.decode(429, Headers.of(), "{\"error\": {\"code\": \"rate_limit_exceeded\"}}").quotaExhausted());
    assertFalse(decoder.decode(429, Headers.of("X-RateLimit-Remaining", "0"),
        "{\"error\": {\"code\": \"burst_limit_exceeded\"}}").quotaExhausted());
  }

  @Test
  void tellsTheMonthlyQuotaFromTheBurstLimit() {
    String quota = "{\"error\": {\"code\": \"RATE_LIMIT_EXCEEDED\"}}";
    String burst = "{\"error\": {\"code\": \"BURST_LIMIT_EXCEEDED\"}}";
    Headers empty = Headers.of("X-RateLimit-Remaining", "0");
    assertTrue(decoder.decode(429, Headers.of(), quota).quotaExhausted());
    assertFalse(decoder.decode(429, empty, burst).quotaExhausted(), "the code wins over the header");
    assertTrue(decoder.decode(429, empty, "").quotaExhausted());
    assertFalse(decoder.decode(429, Headers.of("X-RateLimit-Remaining", "3"), "").quotaExhausted());
    assertFalse(decoder.decode(429, Headers.of(), "").quotaExhausted());
    assertFalse(decoder.decode(500, empty, "").quotaExhausted(), "only a 429 is a quota");
  }

  @Test
  void keepsUndocumentedDetailsAndARequestIdInsideTheError() {
    VendorError error = decoder.decode(400, Headers.of(),
        "{\"error\": {\"code\": \"VALIDATION_ERROR\", \"request_id\": \"req_inner\", \"details\": [{\"field\": \"url\"}]}}");
    assertEquals(Optional.of("req_inner"), error.requestId());
    assertEquals(Optional.of(List.of(Map.of("field", "url"))), error.details());
  }

  @Test
  void aPlainStringErrorIsTheMessage() {
    assertEquals(Optional.of("Not found"), decoder.decode(404, Headers.of(), "{\"error\": \"Not found\"}").message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "null", "[]", "42", "\"text\"", "<html><body>502</body></html>", "{\"error\": 5}",
      "{\"error\": null, \"meta\": 3}", "{\"error\": {\"code\": {\"nested\": true}}, \"meta\": []}", "{\"data\": "})
  void neverThrowsOnAnythingElse(String body) {
    VendorError error = decoder.decode(500, Headers.of(), body);
    assertEquals(Optional.empty(), error.errorCode());
    assertFalse(error.quotaExhausted());
  }
}
