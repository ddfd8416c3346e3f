package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11, item 2: the attempt deadline bounds a body however slowly it trickles (each byte well
 * within the socket timeout), and the operation deadline bounds attempts and waits together. Waits
 * go to a recording sleeper and count against the deadline as if slept; only the trickling bodies
 * take real time (at most a few hundred milliseconds).
 */
class DeadlineTest {
  /**
   * What a loaded 2-core build machine may add to a deadline (as in the fault suite): the bodies
   * here trickle for 4 s, so a call that ends within a deadline plus this did end at the deadline.
   */
  private static final long MARGIN_MILLIS = 1_500;

  private static final String BODY = "{\"id\": \"7\", \"padding\": \"" + "x".repeat(200) + "\"}";

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static TransportHarness harness(java.util.function.Consumer<dev.polylink.core.spi.HttpTransport.Builder> c) {
    return new TransportHarness(wm.baseUrl() + "/api", c);
  }

  @Test
  void aTricklingSuccessBodyEndsAtTheAttemptDeadline() {
    // 20 chunks over 4 s: each arrives within the 1 s socket timeout, so only a deadline can stop it.
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(BODY).withChunkedDribbleDelay(20, 4_000)));
    try (TransportHarness h = harness(b -> b.timeout(Duration.ofSeconds(1)).attemptTimeout(Duration.ofMillis(300))
        .retryPolicy(RetryPolicy.none()))) {
      long start = System.nanoTime();
      TransportException e = assertThrows(TransportException.class, () -> h.call("GET"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 300 + MARGIN_MILLIS, "took " + millis + " ms, its deadline is 300 ms");
      assertTrue(e.getMessage().contains("attempt deadline (attemptTimeout PT0.3S)"), e.getMessage());
    }
  }

  @Test
  void aTricklingErrorBodyIsBoundedOnEveryAttemptAndByTheOperationDeadline() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody(BODY).withChunkedDribbleDelay(20, 4_000)));
    try (TransportHarness h = harness(b -> b.timeout(Duration.ofSeconds(1)).attemptTimeout(Duration.ofMillis(200))
        .operationTimeout(Duration.ofMillis(500)))) {
      long start = System.nanoTime();
      Exception e = assertThrows(Exception.class, () -> h.call("GET"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 500 + MARGIN_MILLIS, "took " + millis + " ms, its deadline is 500 ms");
      assertTrue(e instanceof ServerException || e instanceof TransportException, e.toString());
      if (e instanceof TransportException) {
        assertTrue(e.getMessage().contains("operation deadline (operationTimeout PT0.5S)"), e.getMessage());
      }
    }
  }

  @Test
  void noWaitIsStartedThatWouldEndPastTheOperationDeadline() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    try (TransportHarness h = harness(b -> b.operationTimeout(Duration.ofSeconds(50)))) {
      TransportException e = assertThrows(TransportException.class, () -> h.call("GET"));
      assertEquals(List.of(Duration.ofSeconds(30)), h.waits, "the second 30 s wait would end past 50 s");
      assertEquals(2, wm.findAll(anyRequestedFor(anyUrl())).size());
      assertTrue(e.getMessage().contains("waiting 30 s as the vendor asked (Retry-After) would pass the operation"
          + " deadline (operationTimeout PT50S)"), e.getMessage());
      RateLimitException last = assertInstanceOf(RateLimitException.class, e.getCause(), "the vendor's last answer");
      assertEquals(429, last.statusCode());
      assertFalse(e.requestMayHaveBeenProcessed(), "a 429 was not processed");
    }
  }

  @Test
  void theDefaultOperationDeadlineBoundsAChainOf429s() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
    RetryPolicy patient = RetryPolicy.builder().maxAttempts(8).maxRetryAfter(Duration.ofMinutes(2)).build();
    try (TransportHarness h = harness(b -> b.retryPolicy(patient))) {
      assertThrows(TransportException.class, () -> h.call("POST"));
      // 3 minutes: two 60 s waits fit, a third would end at 180 s plus the attempts' own time.
      assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(60)), h.waits);
      assertEquals(3, wm.findAll(anyRequestedFor(anyUrl())).size());
    }
  }

  @Test
  void backoffAfterAnIoErrorIsCheckedAgainstTheDeadlineToo() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    RetryPolicy slow = RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofSeconds(40))
        .maxBackoff(Duration.ofSeconds(40)).build();
    try (TransportHarness h = harness(b -> b.retryPolicy(slow).operationTimeout(Duration.ofSeconds(30)))) {
      TransportException e = assertThrows(TransportException.class, () -> h.call("GET"));
      // Full jitter: a wait of up to 40 s; every one that was started fits the 30 s deadline.
      long total = h.waits.stream().mapToLong(Duration::toMillis).sum();
      assertTrue(total < 30_000, h.waits.toString());
      assertTrue(e.getMessage().contains("operation deadline") || h.waits.size() == 4, e.getMessage());
    }
  }
}
