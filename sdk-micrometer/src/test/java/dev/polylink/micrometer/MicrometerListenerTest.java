package dev.polylink.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.testkit.EmulatorExtension;
import dev.polylink.testkit.XqrEmulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The meters and observations of real client calls on the xQR emulator, with its rate limit and quota. */
class MicrometerListenerTest {
  @RegisterExtension
  static final EmulatorExtension xqr = EmulatorExtension.of("xqr");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TestObservationRegistry observations = TestObservationRegistry.create();

  private LinkClient client(MicrometerListener listener) {
    return xqr.emulator().clientBuilder()
        .addListener(listener)
        .build();
  }

  private static CreateLinkRequest link(String slug) {
    return CreateLinkRequest.builder().destination("https://example.com/" + slug).slug(slug).build();
  }

  @Test
  void recordsOperationsAttemptsRetriesRateLimitWaitsAndTheRemainingQuota() {
    xqr.emulator().rateLimit(1, Duration.ofSeconds(3));
    try (LinkClient client = client(MicrometerListener.create(meters, observations))) {
      client.create(link("first"));
      client.create(link("second"));   // 429 with Retry-After, waits on the emulator's clock, then succeeds
    }
    Tags create = Tags.of("provider", "xqr", "operation", "create");
    assertEquals(2, meters.get(MicrometerListener.OPERATIONS).tags(create).tags("outcome", "success", "exception", "none")
        .timer().count());
    assertEquals(3, meters.get(MicrometerListener.ATTEMPTS).tags(create).counters().stream()
        .mapToDouble(c -> c.count()).sum());
    assertEquals(1, meters.get(MicrometerListener.ATTEMPTS).tags(create).tags("outcome", "CLIENT_ERROR").counter().count());
    assertEquals(1, meters.get(MicrometerListener.RETRIES).tags(create).tags("reason", "RATE_LIMITED").counter().count());
    assertEquals(1, meters.get(MicrometerListener.RATE_LIMITED).tags(create).counter().count());
    assertNull(meters.find(MicrometerListener.QUOTA_EXHAUSTED).counter());
    var waits = meters.get(MicrometerListener.RATE_LIMIT_WAITS).tags(create).timer();
    assertEquals(1, waits.count());
    assertTrue(waits.totalTime(TimeUnit.SECONDS) >= 1 && waits.totalTime(TimeUnit.SECONDS) <= 3, waits.toString());
    double remaining = meters.get(MicrometerListener.RATE_LIMIT_REMAINING).tags("provider", "xqr").gauge().value();
    assertTrue(remaining >= 0, String.valueOf(remaining));

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(MicrometerListener.OBSERVATION, 2)
        .hasAnObservation(o -> o.hasNameEqualTo(MicrometerListener.OBSERVATION)
            .hasContextualNameEqualTo("polylink xqr create")
            .hasLowCardinalityKeyValue("provider", "xqr")
            .hasLowCardinalityKeyValue("operation", "create")
            .hasLowCardinalityKeyValue("outcome", "success")
            .hasLowCardinalityKeyValue("exception", "none"));
    TestObservationRegistryAssert.assertThat(observations)
        .hasObservationWithNameEqualTo(MicrometerListener.OBSERVATION).that().hasBeenStarted().hasBeenStopped();
  }

  @Test
  void aUsedUpQuotaIsCountedAndTheFailureIsTheObservationsError() {
    xqr.emulator(XqrEmulator.class).monthlyQuota(0);
    try (LinkClient client = client(MicrometerListener.create(meters, observations))) {
      assertThrows(RateLimitException.class, () -> client.create(link("over")));
      // The vendor said the quota is used up: the next call fails at once, without a request.
      assertTrue(assertThrows(RateLimitException.class, () -> client.create(link("again"))).quotaExhausted());
    }
    assertEquals(1, xqr.emulator().wireMock().getAllServeEvents().size());
    Tags create = Tags.of("provider", "xqr", "operation", "create");
    assertEquals(1, meters.get(MicrometerListener.QUOTA_EXHAUSTED).tags(create).counter().count());
    assertEquals(1, meters.get(MicrometerListener.RATE_LIMITED).tags(create).counter().count());
    assertNull(meters.find(MicrometerListener.RETRIES).counter());
    assertEquals(2, meters.get(MicrometerListener.OPERATIONS).tags(create)
        .tags("outcome", "failure", "exception", "RateLimitException").timer().count());
    assertEquals(0, meters.get(MicrometerListener.RATE_LIMIT_REMAINING).tags("provider", "xqr", "window", "monthly")
        .gauge().value());
    TestObservationRegistryAssert.assertThat(observations)
        .hasAnObservation(o -> o.hasLowCardinalityKeyValue("exception", "RateLimitException")
            .hasLowCardinalityKeyValue("outcome", "failure")
            .assertThatError().isInstanceOf(RateLimitException.class));
  }

  @Test
  void theClientsOwnPacingWaitsAreTimed() {
    // The default pacing at the xQR builder's 10 requests a second (2 % below it): on a clock that
    // moves only by the client's waits, the second and third creates each wait one interval.
    xqr.emulator().clock().set(java.time.Instant.parse("2026-03-01T10:00:00Z"));
    try (LinkClient client = client(MicrometerListener.create(meters))) {
      client.create(link("one"));
      client.create(link("two"));
      client.create(link("three"));
    }
    var paced = meters.get(MicrometerListener.PACING_WAITS).tags("provider", "xqr", "operation", "create").timer();
    assertEquals(2, paced.count());
    double interval = 1e9 / (10 * 0.98);
    assertEquals(2 * interval, paced.totalTime(TimeUnit.NANOSECONDS), 2 * interval * 0.01);
    assertNull(meters.find(MicrometerListener.RATE_LIMIT_WAITS).timer(), "no retry waited");
  }

  @Test
  void aFailureBeforeAnyRequestIsTimedWithoutAttempts() {
    try (LinkClient client = client(MicrometerListener.create(meters))) {
      assertThrows(RequestValidationException.class,
          () -> client.update(dev.polylink.core.LinkId.of("not-a-uuid"), LinkPatch.builder().enabled(false).build()));
    }
    assertEquals(1, meters.get(MicrometerListener.OPERATIONS).tags("provider", "xqr", "operation", "update",
        "outcome", "failure", "exception", "RequestValidationException").timer().count());
    assertNull(meters.find(MicrometerListener.ATTEMPTS).counter());
    List<Meter> all = meters.getMeters();
    assertEquals(1, all.size(), all.toString());
  }

  /** Records every observation context stopped, with the thread that stopped it. */
  private static final class Stopped implements io.micrometer.observation.ObservationHandler<io.micrometer.observation.Observation.Context> {
    final List<io.micrometer.observation.Observation.Context> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
      return MicrometerListener.OBSERVATION.equals(context.getName());
    }

    @Override
    public void onStop(io.micrometer.observation.Observation.Context context) {
      contexts.add(context);
      threads.add(context.getLowCardinalityKeyValue("asynchronous").getValue() + " " + Thread.currentThread().getName());
    }

    String key(io.micrometer.observation.Observation.Context context, String key) {
      return context.getLowCardinalityKeyValue(key).getValue();
    }
  }

  @Test
  void anAsynchronousOperationIsObservedWithoutAScopeOnTheCallersThread() throws Exception {
    Stopped stopped = new Stopped();
    observations.observationConfig().observationHandler(stopped);
    String caller = Thread.currentThread().getName();
    try (LinkClient client = client(MicrometerListener.create(meters, observations))) {
      client.async().create(link("async")).get(10, TimeUnit.SECONDS);
      assertNull(observations.getCurrentObservation(), "no scope left open on this thread");
      client.create(link("blocking"));
    }
    assertEquals(2, meters.get(MicrometerListener.OPERATIONS).tags("provider", "xqr", "operation", "create",
        "outcome", "success", "exception", "none").timer().count());
    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo(MicrometerListener.OBSERVATION, 2)
        .hasAnObservation(o -> o.hasContextualNameEqualTo("polylink xqr create")
            .hasLowCardinalityKeyValue("asynchronous", "true")
            .hasLowCardinalityKeyValue("outcome", "success"))
        .hasAnObservation(o -> o.hasLowCardinalityKeyValue("asynchronous", "false"));
    assertEquals(2, stopped.threads.size(), stopped.threads.toString());
    assertTrue(stopped.threads.contains("false " + caller), stopped.threads.toString());
    assertTrue(stopped.threads.stream().anyMatch(t -> t.startsWith("true ") && !t.equals("true " + caller)),
        "the asynchronous one was stopped on the thread that ended it: " + stopped.threads);
  }

  @Test
  void concurrentAsynchronousOperationsEachEndTheirOwnObservation() throws Exception {
    Stopped stopped = new Stopped();
    observations.observationConfig().observationHandler(stopped);
    io.micrometer.observation.Observation parent = io.micrometer.observation.Observation.start("caller", observations);
    List<java.util.concurrent.CompletableFuture<?>> futures = new java.util.ArrayList<>();
    try (LinkClient client = xqr.emulator().clientBuilder().addListener(MicrometerListener.create(meters, observations))
        .rateLimit(dev.polylink.core.RateLimit.none()).build()) {
      try (io.micrometer.observation.Observation.Scope scope = parent.openScope()) {
        for (int i = 0; i < 4; i++) {
          futures.add(client.async().create(link("ok" + i)));
          futures.add(client.async().get(dev.polylink.core.LinkId.of("00000000-0000-4000-8000-00000000000" + i)));
        }
      }
      for (java.util.concurrent.CompletableFuture<?> f : futures) {
        f.handle((v, e) -> null).get(10, TimeUnit.SECONDS);
      }
    }
    parent.stop();
    assertNull(observations.getCurrentObservation(), "no scope left open on this thread");
    assertEquals(8, stopped.contexts.size(), stopped.threads.toString());
    int creates = 0;
    int gets = 0;
    for (io.micrometer.observation.Observation.Context c : stopped.contexts) {
      assertEquals("true", stopped.key(c, "asynchronous"));
      assertEquals(parent, c.getParentObservation(), "the caller's observation is the parent");
      if ("create".equals(stopped.key(c, "operation"))) {
        creates++;
        assertEquals("success", stopped.key(c, "outcome"), c.toString());
        assertNull(c.getError());
      } else {
        gets++;
        assertEquals("get", stopped.key(c, "operation"));
        assertEquals("NotFoundException", stopped.key(c, "exception"), c.toString());
        assertTrue(c.getError() instanceof dev.polylink.core.NotFoundException, String.valueOf(c.getError()));
      }
    }
    assertEquals(4, creates);
    assertEquals(4, gets);
  }

  @Test
  void withoutAnObservationRegistryNoObservationIsMade() {
    try (LinkClient client = client(MicrometerListener.create(meters))) {
      client.create(link("plain"));
    }
    TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
    assertEquals(1, meters.get(MicrometerListener.OPERATIONS).timer().count());
  }
}
