package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RateLimitStatus;
import java.io.IOException;
import java.util.List;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** {@link Attempt}: the sent marker, as the inner client's network interceptor would run it. */
class AttemptTest {
  @Test
  void theMarkerNamesItselfInAClientsInterceptorList() {
    assertEquals("Attempt.SENT_MARKER", Attempt.SENT_MARKER.toString());
  }

  @Test
  void theMarkerMarksTheAttemptOfItsRequestSentAndARequestWithoutOneIsLeftAlone() throws IOException {
    RetryFakeVendor vendor = new RetryFakeVendor();
    Attempt attempt = new Attempt();
    List<RateLimitStatus> windows = List.of(RateLimitStatus.builder().remaining(3).build());
    attempt.rateLimits(windows);
    vendor.then(chain -> RetryFakeVendor.response(chain, 200, ResponseBody.create("{}", RetryFakeVendor.JSON)));
    vendor.then(chain -> RetryFakeVendor.response(chain, 200, ResponseBody.create("{}", RetryFakeVendor.JSON)));
    assertFalse(attempt.sent());
    try (Response r = vendor.inner.newCall(RetryFakeVendor.request("GET").newBuilder().tag(Attempt.TAG, attempt).build())
        .execute()) {
      assertTrue(attempt.sent());
      assertEquals(windows, Attempt.rateLimitsOf(r));
    }
    try (Response r = vendor.inner.newCall(RetryFakeVendor.request("GET")).execute()) {
      assertEquals(List.of(), Attempt.rateLimitsOf(r), "not an attempt's response");
    }
  }
}
