package dev.polylink.core.spi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.Operation;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RateLimitStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * What the transport hands its pacer: the vendor's documented limits before the first answer, and
 * a rate-limit state a provider read from a body (a used-up quota then stops the next request).
 */
class HttpTransportPacingTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  interface Api {
    @GET("things/1")
    Call<Void> get();
  }

  /** A clock that only the sleeper's waits move, as the test kit's {@code MutableClock}. */
  private static final class SteppedClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-03T12:00:00Z");

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private final SteppedClock clock = new SteppedClock();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  private HttpTransport.Builder builder() {
    return HttpTransport.builder("demo").baseUrl(wm.baseUrl() + "/api").authorization("Bearer k").clock(clock)
        .sleeper(d -> {
          waits.add(d);
          clock.advance(d);
        });
  }

  @Test
  void aDocumentedLimitPacesFromTheFirstRequest() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    try (HttpTransport transport = builder().documentedRateLimit(null, 1, Duration.ofMinutes(1), 1).build()) {
      transport.exchange(Operation.GET, transport.create(Api.class).get());
      transport.exchange(Operation.GET, transport.create(Api.class).get());
    }
    assertEquals(2, wm.getAllServeEvents().size());
    assertTrue(waits.stream().anyMatch(d -> d.compareTo(Duration.ofSeconds(30)) > 0),
        "one request a minute: the second waits for most of a minute, " + waits);
  }

  @Test
  void aUsedUpQuotaReadFromABodyStopsTheNextRequestBeforeItIsSent() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    RateLimitStatus usedUp = RateLimitStatus.builder().limit(1000).remaining(0)
        .resetAt(clock.instant().plus(Duration.ofHours(1))).window("monthly").build();
    try (HttpTransport transport = builder().quotaWindow("monthly").build()) {
      transport.recordRateLimit(usedUp);
      assertEquals(List.of(usedUp), transport.rateLimits());
      RateLimitException e = assertThrows(RateLimitException.class,
          () -> transport.exchange(Operation.GET, transport.create(Api.class).get()));
      assertTrue(e.quotaExhausted(), e.getMessage());
    }
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void withoutPacingAStateFromABodyIsStillKept() {
    RateLimitStatus status = RateLimitStatus.builder().limit(60).remaining(0).window("minute").build();
    try (HttpTransport transport = builder().rateLimit(RateLimit.none()).build()) {
      transport.recordRateLimit(status);
      assertEquals(List.of(status), transport.rateLimits());
    }
  }
}
