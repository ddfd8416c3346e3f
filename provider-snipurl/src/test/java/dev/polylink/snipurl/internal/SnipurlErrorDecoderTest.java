package dev.polylink.snipurl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.VendorError;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** SnipURL's error body and the rate-limit state a 429 names. */
class SnipurlErrorDecoderTest {
  private static VendorError decode(int status, Headers headers, String body) {
    return SnipurlErrorDecoder.INSTANCE.decode(status, headers, body);
  }

  @Test
  void aBodyThatIsNotSnipurlsErrorIsNone() {
    assertSame(VendorError.none(), decode(500, Headers.of(), "<html>oops</html>"));
    assertSame(VendorError.none(), decode(500, Headers.of(), "{\"error\": \"text\"}"));
  }

  @Test
  void aRetryAfterOfZeroIsAWaitOfZero() {
    VendorError error = decode(429, Headers.of(), "{\"success\": false, \"error\": {\"code\": \"RATE_LIMIT_EXCEEDED\","
        + " \"message\": \"m\", \"details\": {\"retry_after\": 0}}}");
    assertEquals(Optional.of(Duration.ZERO), error.retryAfter());
    assertEquals(Optional.of("RATE_LIMIT_EXCEEDED"), error.errorCode());
    assertEquals(Optional.empty(), decode(429, Headers.of(), "{\"error\": {\"details\": {\"retry_after\": -1}}}").retryAfter());
  }

  /** The client passes the window it read from the headers once; the decoder does not read them again. */
  @Test
  void a429sWindowIsTheOneTheClientReadPlusTheNamedWindow() {
    String body = "{\"success\": false, \"error\": {\"code\": \"RATE_LIMIT_EXCEEDED\", \"message\": \"m\","
        + " \"details\": {\"limit\": 1000, \"window\": \"1h\", \"retry_after\": 60}}}";
    RateLimitStatus read = RateLimitStatus.builder().limit(60).remaining(0).build();
    VendorError error = SnipurlErrorDecoder.INSTANCE.decode(429,
        Headers.of("X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "4"), body, java.util.List.of(read));
    assertEquals(Optional.of(read.toBuilder().window("1h").build()), error.rateLimit());
    // Without the windows (a direct call), the decoder reads the headers itself.
    assertEquals(Optional.of(RateLimitStatus.builder().limit(5).remaining(4).window("1h").build()),
        decode(429, Headers.of("X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "4"), body).rateLimit());
  }

  @Test
  void aNamedWindowWithALimitOfZeroIsReported() {
    RateLimitStatus status = SnipurlRateLimits.INSTANCE.afterRateLimitError(java.util.List.of(),
        Json.tryParse("{\"window\": \"1m\", \"limit\": 0}").orElseThrow()).orElseThrow();
    assertEquals(OptionalLong.of(0), status.limit());
    assertEquals(Optional.of("1m"), status.window());
    assertEquals(Optional.empty(), SnipurlRateLimits.INSTANCE.afterRateLimitError(java.util.List.of(),
        Json.tryParse("{\"window\": \" \", \"limit\": 5}").orElseThrow()), "a blank window names none");
    assertEquals(OptionalLong.empty(), SnipurlRateLimits.INSTANCE.afterRateLimitError(java.util.List.of(),
        Json.tryParse("{\"window\": \"1h\", \"limit\": -2}").orElseThrow()).orElseThrow().limit());
  }
}
