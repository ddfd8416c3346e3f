package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RateLimitStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VendorErrorTest {

  private static VendorError full() {
    return VendorError.builder()
        .errorCode("RATE_LIMIT_EXCEEDED")
        .message("Slow down")
        .requestId("req_1")
        .details(Map.of("window", "1m", "fields", List.of("a")))
        .quotaExhausted(true)
        .retryAfter(Duration.ofSeconds(5))
        .rateLimit(RateLimitStatus.builder().limit(60).remaining(0).window("1m").build())
        .build();
  }

  @Test
  void toBuilderRoundTripsAndLeavesTheOriginalAlone() {
    VendorError original = full();
    assertEquals(original, original.toBuilder().build());
    assertEquals(original.hashCode(), original.toBuilder().build().hashCode());

    VendorError changed = original.toBuilder().requestId("req_2").quotaExhausted(false).build();
    assertEquals(Optional.of("req_2"), changed.requestId());
    assertEquals(false, changed.quotaExhausted());
    assertEquals(original.errorCode(), changed.errorCode());
    assertEquals(original.message(), changed.message());
    assertEquals(original.details(), changed.details());
    assertEquals(original.retryAfter(), changed.retryAfter());
    assertEquals(original.rateLimit(), changed.rateLimit());
    assertEquals(Optional.of("req_1"), original.requestId());
    assertTrue(original.quotaExhausted());
    assertNotEquals(original, changed);
  }

  @Test
  void noneSaysNothing() {
    VendorError none = VendorError.none();
    assertEquals(Optional.empty(), none.errorCode());
    assertEquals(Optional.empty(), none.message());
    assertEquals(Optional.empty(), none.requestId());
    assertEquals(Optional.empty(), none.details());
    assertEquals(Optional.empty(), none.retryAfter());
    assertEquals(Optional.empty(), none.rateLimit());
    assertEquals(false, none.quotaExhausted());
    assertEquals(none, none.toBuilder().build());
  }

  @Test
  void blankTextIsNotSaid() {
    VendorError blank = VendorError.builder().errorCode(" ").message("").requestId("\t").build();
    assertEquals(VendorError.none(), blank);
  }
}
