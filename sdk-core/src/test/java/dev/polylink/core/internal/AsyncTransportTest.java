package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.testing.RecordingListener;
import dev.polylink.core.testing.RecordingScheduler;
import dev.polylink.core.testing.RecordingSleeper;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The non-blocking path of {@link HttpTransport} ({@code AsyncRetryCall} over {@link
 * RetryInterceptor.Run}): the same retries, deadlines, pacing and error mapping as the blocking
 * one, every wait a task on the scheduler (recorded, never slept), cancellation of the call in
 * flight and of a pending wait.
 */
class AsyncTransportTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private RecordingScheduler scheduler = new RecordingScheduler();
  private TransportHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
    scheduler.shutdownNow();
  }

  private TransportHarness harness(Consumer<HttpTransport.Builder> customize) {
    harness = new TransportHarness(wm.baseUrl() + "/api/", b -> {
      b.sleeper(sleeper).scheduledExecutorService(scheduler);
      customize.accept(b);
    });
    return harness;
  }

  private TransportHarness harness() {
    return harness(b -> { });
  }

  private static ResponseDefinitionBuilder ok() {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\": \"7\"}");
  }

  private static void firstThen(ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    wm.stubFor(any(anyUrl()).inScenario("s").whenScenarioStateIs(Scenario.STARTED).willReturn(first).willSetStateTo("2"));
    wm.stubFor(any(anyUrl()).inScenario("s").whenScenarioStateIs("2").willReturn(then));
  }

  private static int requests() {
    return wm.findAll(anyRequestedFor(anyUrl())).size();
  }

  private static Throwable failure(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void successBodyIsMappedAndSentWithTheAttemptsHeaders() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(ok()));
    TransportHarness h = harness();
    JsonNode body = h.transport.executeForBodyAsync(Operation.CREATE, h.api.create(Map.of("name", "x")))
        .get(5, TimeUnit.SECONDS);
    assertEquals("7", body.get("id").asText());
    wm.verify(postRequestedFor(urlPathEqualTo("/api/things"))
        .withRequestBody(equalToJson("{\"name\": \"x\"}"))
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer test-key"))
        .withHeader("Accept", com.github.tomakehurst.wiremock.client.WireMock.equalTo("application/json")));
    assertTrue(scheduler.delays().isEmpty());
  }

  @Test
  void a503IsRetriedOnTheSchedulerWhileNoThreadWaits() throws Exception {
    scheduler = RecordingScheduler.manual();
    firstThen(aResponse().withStatus(503).withBody("busy"), ok());
    TransportHarness h = harness();
    CompletableFuture<JsonNode> future = h.transport.executeAsync(Operation.GET, h.api.get("7"));
    awaitPending(1);
    // The first answer came and the retry waits on the scheduler: the future is open, nothing slept.
    assertFalse(future.isDone());
    assertEquals(1, requests());
    assertTrue(sleeper.waits().isEmpty(), sleeper.waits().toString());
    Duration backoff = scheduler.delays().get(0);
    assertTrue(!backoff.isNegative() && backoff.compareTo(RetryPolicy.defaults().backoffCeiling(1)) <= 0, backoff.toString());
    assertEquals(1, scheduler.runPending());
    assertEquals("7", future.get(5, TimeUnit.SECONDS).get("id").asText());
    assertEquals(2, requests());
  }

  @Test
  void errorsMapToTheSameExceptionsAsTheBlockingPath() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withBody("{\"error\": \"none\"}")));
    TransportHarness h = harness();
    Throwable async = failure(h.transport.executeAsync(Operation.GET, h.api.get("7")));
    NotFoundException sync = assertThrows(NotFoundException.class, () -> h.transport.execute(Operation.GET, h.api.get("7")));
    NotFoundException e = assertInstanceOf(NotFoundException.class, async);
    assertEquals(sync.getMessage(), e.getMessage());
    assertEquals("{\"error\": \"none\"}", e.responseBody());
    assertEquals(Operation.GET, e.operation());
  }

  @Test
  void aPostIsNotResentAfterA503AndTheRetriesEndWithTheLastAnswer() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("busy")));
    TransportHarness h = harness();
    ServerException post = assertInstanceOf(ServerException.class,
        failure(h.transport.executeAsync(Operation.CREATE, h.api.create(Map.of("name", "x")))));
    assertEquals(503, post.statusCode());
    assertEquals(1, requests());
    wm.resetRequests();
    ServerException get = assertInstanceOf(ServerException.class, failure(h.transport.executeAsync(Operation.GET, h.api.get("7"))));
    assertEquals(503, get.statusCode());
    assertEquals(RetryPolicy.defaults().maxAttempts(), requests());
    assertEquals(RetryPolicy.defaults().maxAttempts() - 1, scheduler.delays().size());
    assertTrue(sleeper.waits().isEmpty());
  }

  @Test
  void aWaitPastTheOperationDeadlineIsNotStarted() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30").withBody("busy")));
    TransportHarness h = harness(b -> b.operationTimeout(Duration.ofSeconds(5)));
    TransportException e = assertInstanceOf(TransportException.class,
        failure(h.transport.executeAsync(Operation.GET, h.api.get("7"))));
    assertTrue(e.getMessage().contains("would pass the operation deadline"), e.getMessage());
    assertInstanceOf(ServerException.class, e.getCause());
    assertEquals(1, requests());
    assertTrue(scheduler.delays().isEmpty(), scheduler.delays().toString());
  }

  @Test
  void scheduledWaitsCountAgainstTheDeadline() {
    // Each Retry-After of 2 s runs at once on the recording scheduler but counts for 2 s: with a
    // 5 s deadline the third wait would pass it.
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2").withBody("busy")));
    TransportHarness h = harness(b -> b.operationTimeout(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).build()));
    TransportException e = assertInstanceOf(TransportException.class,
        failure(h.transport.executeAsync(Operation.GET, h.api.get("7"))));
    assertTrue(e.getMessage().contains("would pass the operation deadline"), e.getMessage());
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), scheduler.delays());
    assertEquals(3, requests());
  }

  @Test
  void theRateLimitBudgetIsWaitedOnTheScheduler() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(ok()));
    TransportHarness h = harness(b -> b.rateLimit(RateLimit.fixed(1, Duration.ofSeconds(10))));
    h.transport.executeAsync(Operation.GET, h.api.get("7")).get(5, TimeUnit.SECONDS);
    h.transport.executeAsync(Operation.GET, h.api.get("7")).get(5, TimeUnit.SECONDS);
    assertEquals(1, scheduler.delays().size(), scheduler.delays().toString());
    Duration wait = scheduler.delays().get(0);
    assertTrue(wait.compareTo(Duration.ofSeconds(9)) > 0 && wait.compareTo(Duration.ofSeconds(10)) <= 0, wait.toString());
    assertTrue(sleeper.waits().isEmpty());
    assertEquals(2, requests());
  }

  @Test
  void cancellingDuringAWaitCancelsItAndSendsNothingMore() throws Exception {
    scheduler = RecordingScheduler.manual();
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withBody("busy")));
    TransportHarness h = harness();
    CompletableFuture<JsonNode> future = h.transport.executeAsync(Operation.GET, h.api.get("7"));
    awaitPending(1);
    assertTrue(future.cancel(true));
    assertEquals(0, scheduler.pendingCount(), "the pending wait was cancelled");
    assertEquals(0, scheduler.runPending());
    assertEquals(1, requests());
    assertThrows(CancellationException.class, future::join);
  }

  @Test
  void cancellingDuringTheCallClosesItsConnection() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      CountDownLatch received = new CountDownLatch(1);
      CountDownLatch closed = new CountDownLatch(1);
      Thread t = new Thread(() -> {
        try (Socket socket = server.accept()) {
          InputStream in = socket.getInputStream();
          StringBuilder head = new StringBuilder();
          while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
              return;
            }
            head.append((char) c);
          }
          received.countDown();
          // No answer: the next read ends only when the client closes the connection.
          while (in.read() >= 0) {
            // discard
          }
          closed.countDown();
        } catch (java.io.IOException e) {
          closed.countDown(); // a reset is a close too
        }
      });
      t.setDaemon(true);
      t.start();
      harness = new TransportHarness("http://127.0.0.1:" + server.getLocalPort() + "/api/",
          b -> b.sleeper(sleeper).scheduledExecutorService(scheduler));
      CompletableFuture<JsonNode> future = harness.transport.executeAsync(Operation.GET, harness.api.get("7"));
      assertTrue(received.await(5, TimeUnit.SECONDS), "the request arrived");
      assertTrue(future.cancel(true));
      assertTrue(closed.await(5, TimeUnit.SECONDS), "the server saw the connection closed");
      assertTrue(scheduler.delays().isEmpty(), "no retry was scheduled: " + scheduler.delays());
      assertTrue(future.isCancelled());
    }
  }

  @Test
  void aFailureBeforeAnyRequestFailsTheFutureInsteadOfBeingThrown() {
    TransportHarness h = harness();
    CompletableFuture<Object> future = h.transport.observeAsync(Operation.GET, () -> {
      throw new RequestValidationException("test", "id: must be a number");
    });
    RequestValidationException e = assertInstanceOf(RequestValidationException.class, failure(future));
    assertEquals(List.of("id: must be a number"), e.violations());
    assertEquals(0, requests());
  }

  @Test
  void aResentDeleteAnswered404CountsAsDeleted() throws Exception {
    firstThen(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER),
        aResponse().withStatus(404).withBody(""));
    TransportHarness h = harness();
    assertNull(h.transport.executeAsync(Operation.DELETE, h.api.delete("7")).get(5, TimeUnit.SECONDS));
    assertEquals(2, requests());
  }

  @Test
  void listenersSeeTheAsynchronousOperationWhole() throws Exception {
    RecordingListener listener = new RecordingListener();
    firstThen(aResponse().withStatus(500).withBody(""), ok());
    TransportHarness h = harness(b -> b.listeners(List.of(listener)));
    h.transport.executeAsync(Operation.GET, h.api.get("7")).get(5, TimeUnit.SECONDS);
    assertEquals(List.of(
        "operationStarted GET",
        "attemptStarted GET /things/{id} #1",
        "attemptFinished #1 500",
        "retryScheduled #1 RETRYABLE_STATUS",
        "attemptStarted GET /things/{id} #2",
        "attemptFinished #2 200",
        "operationFinished GET success attempts=2 retries=1"), listener.lines());
    assertTrue(listener.events(dev.polylink.core.LinkClientListener.OperationStarted.class).get(0).asynchronous());
    assertTrue(listener.events(dev.polylink.core.LinkClientListener.OperationFinished.class).get(0).asynchronous());
    listener.clear();
    h.transport.observe(Operation.GET, () -> h.transport.execute(Operation.GET, h.api.get("7")));
    assertFalse(listener.events(dev.polylink.core.LinkClientListener.OperationStarted.class).get(0).asynchronous(),
        "a blocking operation");
    assertFalse(listener.events(dev.polylink.core.LinkClientListener.OperationFinished.class).get(0).asynchronous());
  }

  @Test
  void dependentStagesOfTheCallersFutureRunOutsideTheOperation() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(ok()));
    TransportHarness h = harness();
    CompletableFuture<AsyncScope> seen = h.transport.executeAsync(Operation.GET, h.api.get("7"))
        .thenApply(body -> AsyncScope.current());
    assertNull(seen.get(5, TimeUnit.SECONDS));
    assertSame(null, AsyncScope.current());
  }

  @Test
  void eachAttemptIsBoundByTheAttemptDeadline() {
    wm.stubFor(any(anyUrl()).willReturn(ok().withFixedDelay(400)));
    TransportHarness h = harness(b -> b.attemptTimeout(Duration.ofMillis(100))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()));
    long start = System.nanoTime();
    TransportException e = assertInstanceOf(TransportException.class,
        failure(h.transport.executeAsync(Operation.GET, h.api.get("7"))));
    assertTrue(e.getMessage().contains("the attempt deadline (attemptTimeout PT0.1S) passed"), e.getMessage());
    assertEquals(1, scheduler.delays().size(), "one retry, waited on the scheduler");
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(800)) < 0,
        "both attempts ended at their deadline, not at the server's delay");
  }

  @Test
  void aBurst429WithRetryAfterResendsEvenAPost() throws Exception {
    firstThen(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody(""), ok());
    TransportHarness h = harness();
    JsonNode body = h.transport.executeForBodyAsync(Operation.CREATE, h.api.create(Map.of("name", "x")))
        .get(5, TimeUnit.SECONDS);
    assertEquals("7", body.get("id").asText());
    assertEquals(List.of(Duration.ofSeconds(3)), scheduler.delays());
    assertEquals(2, requests());
  }

  @Test
  void aSuccessBodyAboveTheLimitFailsWithoutARetry() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"padding\": \"" + "x".repeat(2_000) + "\"}")));
    TransportHarness h = harness(b -> b.maxResponseBodySize(1_000));
    TransportException e = assertInstanceOf(TransportException.class,
        failure(h.transport.executeAsync(Operation.GET, h.api.get("7"))));
    assertTrue(e.getMessage().contains("exceeds the limit of 1000 bytes"), e.getMessage());
    assertEquals(1, requests());
    assertTrue(scheduler.delays().isEmpty());
  }

  private void awaitPending(int count) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (scheduler.pendingCount() < count && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertEquals(count, scheduler.pendingCount());
  }
}
