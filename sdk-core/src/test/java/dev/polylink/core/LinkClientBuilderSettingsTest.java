package dev.polylink.core;

import static dev.polylink.core.Violations.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.polylink.core.fake.FakeLinkClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the shared builder hands its provider: each setter returns the builder and each getter the
 * value set (a getter that lost its value would silently give the provider the default), and the
 * edges of the printable-ASCII and size checks.
 */
class LinkClientBuilderSettingsTest {

  @Test
  void everySetterReturnsTheBuilderAndEveryGetterTheValue() {
    FakeLinkClient.Builder b = FakeLinkClient.builder();
    assertEquals(Optional.empty(), b.apiKey());
    assertNull(b.rateBudget());
    RateBudget budget = RateBudget.create(RateLimit.none());
    assertSame(b, b.apiKey("sk-live"));
    assertSame(b, b.attemptTimeout(Duration.ofSeconds(3)));
    assertSame(b, b.operationTimeout(Duration.ofSeconds(7)));
    assertSame(b, b.connectionIdleTimeout(Duration.ofSeconds(2)));
    assertSame(b, b.maxResponseBodySize(1));
    assertSame(b, b.bulkConcurrency(LinkClientBuilder.MAX_BULK_CONCURRENCY));
    assertSame(b, b.rateBudget(budget));
    assertEquals(Optional.of("sk-live"), b.apiKey());
    assertEquals(Duration.ofSeconds(3), b.attemptTimeout());
    assertEquals(Duration.ofSeconds(7), b.operationTimeout());
    assertEquals(Duration.ofSeconds(2), b.connectionIdleTimeout());
    assertEquals(1L, b.maxResponseBodySize());
    assertEquals(LinkClientBuilder.MAX_BULK_CONCURRENCY, b.bulkConcurrency());
    assertSame(budget, b.rateBudget());
    assertSame(b, b.bulkConcurrency(1));
    assertEquals(1, b.bulkConcurrency());
  }

  @Test
  void theClientSchedulerExecutorAndPacingSettingsAreHandedOn() {
    FakeLinkClient.Builder b = FakeLinkClient.builder();
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
    java.util.concurrent.ScheduledExecutorService scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      java.util.concurrent.Executor executor = Runnable::run;
      RateLimit fixed = RateLimit.fixed(10, Duration.ofSeconds(1));
      assertSame(b, b.httpClient(http));
      assertSame(b, b.timeout(Duration.ofSeconds(9)));
      assertSame(b, b.scheduledExecutorService(scheduler));
      assertSame(b, b.futureCompletionExecutor(executor));
      assertSame(b, b.rateLimit(fixed));
      assertSame(http, b.httpClient());
      assertEquals(Duration.ofSeconds(9), b.timeout());
      assertSame(scheduler, b.scheduledExecutorService());
      assertSame(executor, b.futureCompletionExecutor());
      assertSame(fixed, b.rateLimitSetting());
    } finally {
      scheduler.shutdown();
    }
  }

  @Test
  void theFirstAndLastPrintableCharactersAreAcceptedAndTheirNeighboursRefused() {
    FakeLinkClient.Builder b = FakeLinkClient.builder();
    b.apiKey("sk live~key"); // space (0x20) and tilde (0x7e) inside the key
    assertEquals(Optional.of("sk live~key"), b.apiKey());
    b.userAgent("my app/1.0 ~");
    assertEquals("my app/1.0 ~", b.userAgent());
    assertInvalid("apiKey", () -> b.apiKey("sk\u001fkey"));
    assertInvalid("apiKey", () -> b.apiKey("sk\u007fkey"));
    assertInvalid("userAgent", () -> b.userAgent("app\u001f/1"));
    assertInvalid("userAgent", () -> b.userAgent("app\u007f/1"));
    assertInvalid("maxResponseBodySize", () -> b.maxResponseBodySize(-1));
  }
}
