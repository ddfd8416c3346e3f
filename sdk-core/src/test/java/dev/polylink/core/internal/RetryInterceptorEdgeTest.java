package dev.polylink.core.internal;

import static dev.polylink.core.internal.RetryFakeVendor.body;
import static dev.polylink.core.internal.RetryFakeVendor.request;
import static dev.polylink.core.internal.RetryFakeVendor.response;
import static dev.polylink.core.internal.RetryFakeVendor.sneaky;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.spi.VendorError;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edges of {@link RetryInterceptor}'s rules, each on the limit where a rule changes its mind:
 * body limits and the error-body cap to the byte, the statuses that carry a {@code Location}, the
 * rate-limit budget against {@code maxRetryAfter} and the operation deadline, interrupts, and what
 * reaches the pacer and the sinks. The vendor is {@link RetryFakeVendor} (no socket) and waits go
 * to a recording sleeper, so every test runs in milliseconds.
 */
class RetryInterceptorEdgeTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final RetryFakeVendor vendor = new RetryFakeVendor();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<RateLimitStatus> lastRateLimits = new CopyOnWriteArrayList<>();
  private final List<List<RateLimitStatus>> windows = new CopyOnWriteArrayList<>();

  @AfterEach
  void clearTheInterruptFlag() {
    Thread.interrupted();
  }

  private RetryInterceptor retry(UnaryOperator<ClientSettings.Builder> customize) {
    return retry(customize, null);
  }

  private RetryInterceptor retry(UnaryOperator<ClientSettings.Builder> customize, IdleConnections idle) {
    ClientSettings.Builder b = RetryFakeVendor.settings().clock(CLOCK).sleeper(waits::add)
        .rateLimitSink(lastRateLimits::add).windowsSink(windows::add);
    return new RetryInterceptor(vendor.inner, customize.apply(b).build(), idle);
  }

  private static Response run(RetryInterceptor retry, String method) throws IOException {
    return retry.execute(request(method), () -> false);
  }

  private static String read(RetryInterceptor retry, String method) throws IOException {
    try (Response response = run(retry, method)) {
      return response.body().string();
    }
  }

  private static RetryPolicy noBackoff(Duration maxRetryAfter) {
    return RetryPolicy.builder().initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO)
        .maxRetryAfter(maxRetryAfter).build();
  }

  // ------------------------------------------------------------------ the outer client's interceptor

  @Test
  void asTheOuterClientsInterceptorItRunsTheAttemptsWithTheirHeaders() throws IOException {
    vendor.answer(503, "").answer(200, "{\"id\": 7}");
    RetryInterceptor retry = retry(b -> b);
    OkHttpClient.Builder outer = vendor.inner.newBuilder();
    outer.interceptors().clear();
    try (Response response = outer.addInterceptor(retry).build().newCall(request("GET")).execute()) {
      assertEquals(200, response.code());
      assertEquals("{\"id\": 7}", response.body().string());
    }
    assertEquals(2, vendor.attempts());
    assertEquals("Bearer k", vendor.requests.get(1).header("Authorization"));
    assertEquals("test-agent", vendor.requests.get(1).header("User-Agent"));
    assertEquals("application/json", vendor.requests.get(1).header("Accept"));
  }

  // ------------------------------------------------------------------ the operation deadline

  @Test
  void anOperationDeadlineAlreadyPassedSendsNothing() {
    RetryInterceptor retry = retry(b -> b.operationTimeout(Duration.ZERO));
    TransportFailure e = assertThrows(TransportFailure.class, () -> run(retry, "GET"));
    assertEquals("the operation deadline (operationTimeout PT0S) passed", e.getMessage());
    assertEquals(0, vendor.attempts());
  }

  // ------------------------------------------------------------------ success bodies and the limit

  @Test
  void aSuccessBodyOfExactlyTheLimitIsRead() throws IOException {
    vendor.then(chain -> response(chain, 200, body(10, 4, 10)))
        .then(chain -> response(chain, 200, body(10, 4, -1)));
    RetryInterceptor retry = retry(b -> b.maxResponseBodyBytes(10));
    assertEquals("a".repeat(10), read(retry, "GET"), "declared");
    assertEquals("a".repeat(10), read(retry, "GET"), "streamed");
    assertFalse(vendor.calls.get(0).isCanceled());
    assertFalse(vendor.calls.get(1).isCanceled());
  }

  @Test
  void aDeclaredLengthOneByteAboveTheLimitFailsAndCancelsTheAttempt() {
    vendor.then(chain -> response(chain, 200, body(11, 4, 11)));
    RetryInterceptor retry = retry(b -> b.maxResponseBodyBytes(10));
    TransportFailure e = assertThrows(TransportFailure.class, () -> run(retry, "GET"));
    assertEquals("the response body of 11 bytes (Content-Length) exceeds the limit of 10 bytes"
        + " (maxResponseBodySize); nothing more was read", e.getMessage());
    assertTrue(vendor.calls.get(0).isCanceled(), "the rest is never read");
    assertFalse(e.mayHaveBeenProcessed(), "a GET");
    assertEquals(1, vendor.attempts(), "never retried");
  }

  @Test
  void aStreamedBodyOneByteAboveTheLimitFailsAndCancelsTheAttempt() {
    vendor.then(chain -> response(chain, 200, body(11, 4, -1)));
    RetryInterceptor retry = retry(b -> b.maxResponseBodyBytes(10));
    TransportFailure e = assertThrows(TransportFailure.class, () -> run(retry, "GET"));
    assertEquals("the response body exceeds the limit of 10 bytes (maxResponseBodySize); nothing more was read",
        e.getMessage());
    assertTrue(vendor.calls.get(0).isCanceled(), "the rest is never read");
  }

  @Test
  void aBodyTooLargeSaysThatAPostOrAnEarlierUncertainAttemptMayHaveBeenProcessed() {
    vendor.then(chain -> response(chain, 201, body(11, 11, 11)));
    TransportFailure post = assertThrows(TransportFailure.class, () -> run(retry(b -> b.maxResponseBodyBytes(10)), "POST"));
    assertTrue(post.mayHaveBeenProcessed(), "a create that was answered was processed");

    vendor.answer(500, "").then(chain -> response(chain, 200, body(11, 11, 11)));
    TransportFailure get = assertThrows(TransportFailure.class, () -> run(retry(b -> b.maxResponseBodyBytes(10)), "GET"));
    assertTrue(get.mayHaveBeenProcessed(), "the 500 before may have been processed");
  }

  @Test
  void aBodyTooLargeWithAContentLengthOfZeroStillSaysItsLength() {
    // Only a negative limit makes a declared 0 too large; the message's rule is "declared >= 0".
    assertTrue(new RetryInterceptor.BodyTooLarge(0, -1).getMessage().startsWith("the response body of 0 bytes"));
    assertTrue(new RetryInterceptor.BodyTooLarge(-1, 5).getMessage().startsWith("the response body exceeds"));
  }

  // ------------------------------------------------------------------ Content-Type of a success

  @Test
  void theSuccessKeepsItsContentTypeParsedOnceForTheSameHeader() throws IOException {
    String json = "application/json; charset=utf-8";
    vendor.answer(200, "{}", "Content-Type", json).answer(200, "{}", "Content-Type", json)
        .answer(200, "x", "Content-Type", "text/plain").answer(200, "{}");
    RetryInterceptor retry = retry(b -> b);
    MediaType first;
    try (Response r = run(retry, "GET")) {
      first = r.body().contentType();
      assertEquals(MediaType.get(json), first);
    }
    try (Response r = run(retry, "GET")) {
      assertSame(first, r.body().contentType(), "the same header: the same parse");
    }
    try (Response r = run(retry, "GET")) {
      assertEquals(MediaType.get("text/plain"), r.body().contentType());
    }
    try (Response r = run(retry, "GET")) {
      assertNull(r.body().contentType(), "no header, no type");
    }
  }

  // ------------------------------------------------------------------ error answers

  @ParameterizedTest(name = "HTTP {0}")
  @CsvSource({"300, /elsewhere", "308, /elsewhere", "399, /elsewhere", "400,", "404,"})
  void onlyA3xxKeepsItsLocation(int status, String location) {
    vendor.answer(status, "", "Location", "/elsewhere");
    ApiFailure e = assertThrows(ApiFailure.class, () -> run(retry(b -> b), "GET"));
    assertEquals(status, e.statusCode());
    assertEquals(location, e.location());
  }

  @Test
  void anErrorBodyIsKeptUpToTheCapAndTheRestIsNeverRead() {
    int cap = RetryInterceptor.ERROR_BODY_CAP;
    vendor.then(chain -> response(chain, 404, body(cap + 100, 8192, -1)));
    ApiFailure e = assertThrows(ApiFailure.class, () -> run(retry(b -> b), "GET"));
    assertEquals(cap, e.body().length());
    assertTrue(vendor.calls.get(0).isCanceled(), "the rest is never read");
  }

  @Test
  void anErrorBodyArrivingInUnevenChunksIsCutAtTheCapExactly() {
    int cap = RetryInterceptor.ERROR_BODY_CAP;
    vendor.then(chain -> response(chain, 404, body(cap + 10_000, 5_000, -1)));
    ApiFailure e = assertThrows(ApiFailure.class, () -> run(retry(b -> b), "GET"));
    assertEquals(cap, e.body().length());
  }

  @Test
  void anErrorBodyOfExactlyTheCapIsReadToItsEnd() {
    int cap = RetryInterceptor.ERROR_BODY_CAP;
    vendor.then(chain -> response(chain, 404, body(cap, 8192, cap)));
    ApiFailure e = assertThrows(ApiFailure.class, () -> run(retry(b -> b), "GET"));
    assertEquals(cap, e.body().length());
    assertFalse(vendor.calls.get(0).isCanceled(), "nothing was left to skip");
  }

  @Test
  void anEmptyRateLimitOfTheDecoderIsNotReported() {
    vendor.answer(404, "");
    RetryInterceptor retry = retry(b -> b.errorDecoder((status, headers, body) ->
        VendorError.builder().rateLimit(RateLimitStatus.builder().build()).build()));
    assertThrows(ApiFailure.class, () -> run(retry, "GET"));
    assertEquals(List.of(), lastRateLimits);
  }

  @Test
  void aBurst429WithRetryAfterReportsARetryAfterWindow() throws IOException {
    vendor.answer(429, "", "Retry-After", "5").answer(201, "{}");
    read(retry(b -> b), "POST");
    assertEquals(List.of(Duration.ofSeconds(5)), waits);
    assertEquals(List.of(List.of(RateLimitStatus.builder().remaining(0).resetAt(NOW.plusSeconds(5))
        .window(RetryInterceptor.RETRY_AFTER_WINDOW).build())), windows);
  }

  @Test
  void noRetryAfterWindowWithoutABurst429() throws IOException {
    vendor.answer(503, "", "Retry-After", "5").answer(429, "").answer(200, "{}");
    read(retry(b -> b), "GET");
    assertEquals(2, waits.size());
    vendor.answer(429, "", "Retry-After", "5");
    RetryInterceptor quota = retry(b -> b.errorDecoder((status, headers, body) ->
        VendorError.builder().quotaExhausted(true).build()));
    assertThrows(ApiFailure.class, () -> run(quota, "GET"));
    assertEquals(List.of(), windows, "a 503's Retry-After, a 429 without one, a quota's");
  }

  // ------------------------------------------------------------------ I/O failures

  @Test
  void anIoFailureWithoutAMessageIsDescribedByItsClassAlone() {
    vendor.fail(new IOException()).fail(new IOException("reset"));
    TransportFailure bare = assertThrows(TransportFailure.class, () -> run(retry(b -> b), "POST"));
    assertEquals("IOException", bare.getMessage());
    TransportFailure reset = assertThrows(TransportFailure.class, () -> run(retry(b -> b), "POST"));
    assertEquals("IOException: reset", reset.getMessage());
    assertTrue(reset.mayHaveBeenProcessed());
  }

  @Test
  void aCallTheCallerCancelledIsNotRetried() {
    vendor.fail(new IOException("Canceled"));
    TransportFailure e = assertThrows(TransportFailure.class,
        () -> retry(b -> b).execute(request("GET"), () -> true));
    assertEquals("IOException: Canceled; the call was cancelled", e.getMessage());
    assertEquals(List.of(), waits);
  }

  @Test
  void anAttemptCancelledByItsDispatcherIsNotRetried() {
    vendor.then(chain -> {
      chain.call().cancel();
      throw new IOException("Canceled");
    });
    TransportFailure e = assertThrows(TransportFailure.class, () -> run(retry(b -> b), "GET"));
    assertEquals("IOException: Canceled; the call was cancelled", e.getMessage());
    assertEquals(1, vendor.attempts());
  }

  // ------------------------------------------------------------------ interrupts

  @Test
  void anInterruptDuringAnErrorAnswerEndsTheCallBeforeItsWait() {
    vendor.then(chain -> {
      Thread.currentThread().interrupt();
      return response(chain, 502, ResponseBody.create("", RetryFakeVendor.JSON));
    });
    Interrupted e = assertThrows(Interrupted.class, () -> run(retry(b -> b), "GET"));
    assertEquals("the thread was interrupted during the call", e.getMessage());
    assertTrue(e.mayHaveBeenProcessed(), "a 502 may have been processed");
    assertTrue(Thread.currentThread().isInterrupted());
    assertEquals(List.of(), waits, "no wait was started");
  }

  @Test
  void anInterruptDuringAFailedAttemptEndsTheCallWithTheFailureAsCause() {
    IOException reset = new IOException("reset");
    vendor.then(chain -> {
      Thread.currentThread().interrupt();
      throw reset;
    });
    Interrupted e = assertThrows(Interrupted.class, () -> run(retry(b -> b), "GET"));
    assertEquals("the thread was interrupted during the call", e.getMessage());
    assertSame(reset, e.getCause());
    assertTrue(e.mayHaveBeenProcessed(), "it was sent");
    assertEquals(List.of(), waits);
  }

  @Test
  void anInterruptedExceptionThrownDuringASentAttemptIsInterrupted() {
    InterruptedException cause = new InterruptedException();
    vendor.then(chain -> {
      throw sneaky(cause);
    });
    Interrupted e = assertThrows(Interrupted.class, () -> run(retry(b -> b), "GET"));
    assertSame(cause, e.getCause());
    assertTrue(e.mayHaveBeenProcessed(), "it was sent");
    assertTrue(Thread.currentThread().isInterrupted(), "the flag the JVM cleared is set again");
  }

  @Test
  void anInterruptedExceptionBeforeSendingSaysNothingWasProcessedUnlessAnEarlierAttemptMayHaveBeen() {
    vendor.notSent(new InterruptedException());
    Interrupted first = assertThrows(Interrupted.class, () -> run(retry(b -> b), "GET"));
    assertFalse(first.mayHaveBeenProcessed());
    Thread.interrupted();

    vendor.answer(500, "").notSent(new InterruptedException());
    Interrupted second = assertThrows(Interrupted.class, () -> run(retry(b -> b), "GET"));
    assertTrue(second.mayHaveBeenProcessed(), "the 500 before may have been processed");
  }

  @Test
  void anotherCheckedExceptionIsWrappedAndNotRetried() {
    Exception odd = new Exception("odd");
    vendor.then(chain -> {
      throw sneaky(odd);
    });
    IOException e = assertThrows(IOException.class, () -> run(retry(b -> b), "GET"));
    assertFalse(e instanceof Interrupted);
    assertSame(odd, e.getCause());
    assertFalse(Thread.currentThread().isInterrupted());
    assertEquals(1, vendor.attempts());
  }

  // ------------------------------------------------------------------ rate limits

  @Test
  void withoutAPacerTheWindowsStillReachBothSinks() throws IOException {
    vendor.answer(200, "{}", "X-Window", "minute 5", "X-Window", "day 90");
    read(retry(b -> b.rateLimitParser(RetryFakeVendor.WINDOWS)), "GET");
    RateLimitStatus minute = RateLimitStatus.builder().window("minute").remaining(5).build();
    RateLimitStatus day = RateLimitStatus.builder().window("day").remaining(90).build();
    assertEquals(List.of(minute), lastRateLimits);
    assertEquals(List.of(List.of(minute, day)), windows);
  }

  @Test
  void aWindowUsedUpHoldsTheNextAttemptBackUntilItsReset() throws IOException {
    long reset = NOW.plusSeconds(30).getEpochSecond();
    vendor.answer(200, "{}", "X-Window", "minute 0 " + reset).answer(200, "{}");
    RetryInterceptor retry = retry(b -> b.rateLimitParser(RetryFakeVendor.WINDOWS).pacer(Pacer.adaptive(CLOCK)));
    read(retry, "GET");
    assertEquals(List.of(), waits);
    read(retry, "GET");
    assertEquals(List.of(Duration.ofSeconds(30)), waits);
  }

  @Test
  void aQuotaWindowUsedUpFailsTheNextCallWithoutSendingIt() throws IOException {
    long reset = NOW.plusSeconds(3600).getEpochSecond();
    vendor.answer(200, "{}", "X-Window", "month 0 " + reset);
    RetryInterceptor retry = retry(b -> b.rateLimitParser(RetryFakeVendor.WINDOWS).pacer(Pacer.adaptive(CLOCK))
        .quotaWindows(java.util.Set.of("month")));
    read(retry, "GET");
    ApiFailure e = assertThrows(ApiFailure.class, () -> run(retry, "GET"));
    assertEquals(429, e.statusCode());
    assertTrue(e.error().quotaExhausted());
    assertEquals(java.util.Optional.of("the vendor reported its quota used up until " + Instant.ofEpochSecond(reset)
        + "; not sent"), e.error().message());
    assertEquals(1, vendor.attempts());
  }

  @Test
  void aQuota429WithItsResetStopsThePacerAndAQuotaWithoutOneSaysSo() {
    Instant reset = NOW.plusSeconds(600);
    Pacer pacer = Pacer.adaptive(CLOCK);
    vendor.answer(429, "");
    RetryInterceptor retry = retry(b -> b.pacer(pacer).errorDecoder((status, headers, body) ->
        VendorError.builder().quotaExhausted(true)
            .rateLimit(RateLimitStatus.builder().remaining(0).resetAt(reset).build()).build()));
    assertThrows(ApiFailure.class, () -> run(retry, "GET"));
    ApiFailure next = assertThrows(ApiFailure.class, () -> run(retry, "GET"));
    assertEquals(java.util.Optional.of("the vendor reported its quota used up until " + reset + "; not sent"),
        next.error().message());
    assertEquals(1, vendor.attempts());

    Pacer unknown = Pacer.adaptive(CLOCK);
    unknown.quotaExhausted(null);
    ApiFailure noReset = assertThrows(ApiFailure.class, () -> run(retry(b -> b.pacer(unknown)), "GET"));
    assertEquals(java.util.Optional.of("the vendor reported its quota used up; not sent"), noReset.error().message());
  }

  @Test
  void aBurst429SlowsTheAdaptivePacer() throws IOException {
    Pacer pacer = Pacer.adaptive(CLOCK);
    pacer.seed(List.of(new Pacer.DocumentedLimit(null, 600, Duration.ofMinutes(1), 1)));
    double before = pacer.ratePerSecond();
    vendor.answer(429, "").answer(200, "{}");
    read(retry(b -> b.pacer(pacer)), "GET");
    assertTrue(pacer.ratePerSecond() < before, pacer.ratePerSecond() + " after " + before);
  }

  @Test
  void aBudgetWaitBeyondMaxRetryAfterFailsAtOnceAsThatRetryAfterWould() throws IOException {
    vendor.answer(200, "{}");
    RetryInterceptor retry = retry(b -> b.retryPolicy(noBackoff(Duration.ofSeconds(60)))
        .pacer(Pacer.fixed(CLOCK, 1, Duration.ofSeconds(120))));
    read(retry, "GET");
    ApiFailure e = assertThrows(ApiFailure.class, () -> run(retry, "GET"));
    assertEquals(429, e.statusCode());
    assertEquals(Duration.ofSeconds(120), e.retryAfter());
    assertFalse(e.error().quotaExhausted());
    assertEquals(java.util.Optional.of("the client's rate-limit budget allows the next request in 120 s,"
        + " longer than maxRetryAfter PT1M; not sent"), e.error().message());
    assertEquals(1, vendor.attempts());
    assertEquals(List.of(), waits);
  }

  @Test
  void aBudgetWaitWithinMaxRetryAfterButPastTheDeadlineIsATransportFailure() throws IOException {
    vendor.answer(200, "{}");
    RetryInterceptor retry = retry(b -> b.retryPolicy(noBackoff(Duration.ofSeconds(60)))
        .operationTimeout(Duration.ofSeconds(30)).pacer(Pacer.fixed(CLOCK, 1, Duration.ofSeconds(45))));
    read(retry, "GET");
    TransportFailure e = assertThrows(TransportFailure.class, () -> run(retry, "GET"));
    assertEquals("no attempt: the rate-limit wait of 45000 ms would pass the operation deadline"
        + " (operationTimeout PT30S)", e.getMessage());
    assertEquals(1, vendor.attempts());
  }

  @Test
  void aBudgetWaitBeyondMaxRetryAfterAndTheDeadlineIsATransportFailure() throws IOException {
    vendor.answer(200, "{}");
    RetryInterceptor retry = retry(b -> b.retryPolicy(noBackoff(Duration.ofSeconds(60)))
        .operationTimeout(Duration.ofSeconds(100)).pacer(Pacer.fixed(CLOCK, 1, Duration.ofSeconds(120))));
    read(retry, "GET");
    TransportFailure e = assertThrows(TransportFailure.class, () -> run(retry, "GET"));
    assertEquals("no attempt: the rate-limit wait of 120000 ms would pass the operation deadline"
        + " (operationTimeout PT1M40S)", e.getMessage());
  }

  @Test
  void aBudgetWaitWithinBothIsWaited() throws IOException {
    vendor.answer(200, "{}").answer(200, "{}");
    RetryInterceptor retry = retry(b -> b.retryPolicy(noBackoff(Duration.ofSeconds(60)))
        .pacer(Pacer.fixed(CLOCK, 1, Duration.ofSeconds(20))));
    read(retry, "GET");
    read(retry, "GET");
    assertEquals(List.of(Duration.ofSeconds(20)), waits);
  }

  // ------------------------------------------------------------------ idle connections


  @Test
  void theEndOfEachAttemptIsRecordedBeforeTheNextOneStarts() throws IOException {
    IdleConnections idle = new IdleConnections(new ConnectionPool(), Duration.ofHours(1));
    long created = RetryFakeVendor.lastUse(idle);
    long[] duringSecond = new long[1];
    vendor.answer(503, "").then(chain -> {
      duringSecond[0] = RetryFakeVendor.lastUse(idle);
      // An end within IdleConnections.LAG_NANOS of the recorded one is not written again.
      long until = System.nanoTime() + 2 * IdleConnections.LAG_NANOS;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      return response(chain, 200, ResponseBody.create("{}", RetryFakeVendor.JSON));
    });
    read(retry(b -> b, idle), "GET");
    assertTrue(duringSecond[0] > created, "the 503's attempt ended before the second began");
    assertTrue(RetryFakeVendor.lastUse(idle) > duringSecond[0], "the second attempt's end");
  }

  @Test
  void eachAttemptFirstClosesThePoolsConnectionsIdleForTheBound() throws Exception {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    ConnectionPool pool = new ConnectionPool();
    try {
      OkHttpClient other = new OkHttpClient.Builder().connectionPool(pool).build();
      other.newCall(new okhttp3.Request.Builder()
          .url("http://127.0.0.1:" + server.getAddress().getPort() + "/").build()).execute().close();
      assertEquals(1, pool.idleConnectionCount(), "a keep-alive connection, idle in the pool");
      int[] idleDuringTheAttempt = new int[1];
      vendor.then(chain -> {
        idleDuringTheAttempt[0] = pool.idleConnectionCount();
        return response(chain, 200, ResponseBody.create("{}", RetryFakeVendor.JSON));
      });
      // A bound of zero: every idle connection is past it.
      read(retry(b -> b, new IdleConnections(pool, Duration.ZERO)), "GET");
      assertEquals(0, idleDuringTheAttempt[0], "closed before the attempt");
    } finally {
      pool.evictAll();
      server.stop(0);
    }
  }

  @Test
  void theEndOfAFailedCallIsRecordedToo() {
    IdleConnections idle = new IdleConnections(new ConnectionPool(), Duration.ofHours(1));
    long created = RetryFakeVendor.lastUse(idle);
    vendor.fail(new IOException("reset"));
    assertThrows(TransportFailure.class, () -> run(retry(b -> b, idle), "POST"));
    assertTrue(RetryFakeVendor.lastUse(idle) > created);
  }

  // ------------------------------------------------------------------ listeners

  /** Runs {@code body} as one operation of {@code events}' dispatcher, its I/O failure unchecked. */
  private static void operation(EventDispatcher dispatcher, IoBody body) {
    dispatcher.operation(dev.polylink.core.Operation.GET, () -> {
      try {
        body.run();
        return null;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @FunctionalInterface
  private interface IoBody {
    void run() throws IOException;
  }

  /** A dispatcher whose one listener writes each attempt, retry and budget wait to {@code events}. */
  private static EventDispatcher recording(List<String> events) {
    return new EventDispatcher("test", List.of(new dev.polylink.core.LinkClientListener() {
      @Override
      public void attemptFinished(AttemptFinished e) {
        events.add("attempt " + e.attempt() + " " + (e.status().isPresent() ? e.status().getAsInt()
            : e.failure().map(f -> f.getClass().getSimpleName()).orElse("?")));
      }

      @Override
      public void retryScheduled(RetryScheduled e) {
        events.add("retry " + e.attempt() + " " + e.reason() + " " + e.delay() + (e.retryAfter() ? " Retry-After" : ""));
      }

      @Override
      public void rateLimitWait(RateLimitWait e) {
        events.add("budget " + e.attempt() + " " + e.delay());
      }
    }), false);
  }

  @Test
  void listenersAreToldEachAttemptAndWhyItIsRetried() {
    vendor.answer(429, "").answer(503, "", "Retry-After", "2").fail(new IOException("reset"))
        .notSent(new java.net.ConnectException("refused")).answer(200, "{}");
    List<String> events = new CopyOnWriteArrayList<>();
    EventDispatcher dispatcher = recording(events);
    RetryInterceptor retry = retry(b -> b.observer(dispatcher)
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO).build()));
    operation(dispatcher, () -> read(retry, "GET"));
    assertEquals(List.of(
        "attempt 1 429", "retry 1 RATE_LIMITED PT0S",
        "attempt 2 503", "retry 2 RETRYABLE_STATUS PT2S Retry-After",
        "attempt 3 IOException", "retry 3 IO_ERROR PT0S",
        "attempt 4 ConnectException", "retry 4 NOT_SENT PT0S",
        "attempt 5 200"), events);
  }

  @Test
  void listenersAreToldABudgetWaitABodyTooLargeAndAnInterruptedAttempt() {
    List<String> events = new CopyOnWriteArrayList<>();
    EventDispatcher dispatcher = recording(events);
    vendor.answer(200, "{}").then(chain -> response(chain, 200, body(11, 11, 11)))
        .then(chain -> {
          throw sneaky(new InterruptedException());
        });
    RetryInterceptor retry = retry(b -> b.observer(dispatcher).maxResponseBodyBytes(10)
        .pacer(Pacer.fixed(CLOCK, 1, Duration.ofSeconds(20))));
    operation(dispatcher, () -> read(retry, "GET"));
    assertThrows(java.io.UncheckedIOException.class, () -> operation(dispatcher, () -> read(retry, "GET")));
    assertThrows(java.io.UncheckedIOException.class, () -> operation(dispatcher, () -> read(retry, "GET")));
    // The clock stands still: each call's slot is 20 s after the one before.
    assertEquals(List.of("attempt 1 200", "budget 1 PT20S", "attempt 1 BodyTooLarge", "budget 1 PT40S",
        "attempt 1 Interrupted"), events);
  }

  // ------------------------------------------------------------------ attempt deadlines

  /** Runs {@code body} and checks that it left no attempt deadline behind in the shared watchdog. */
  private static void leavesNoWatch(org.junit.jupiter.api.function.Executable body) throws Throwable {
    int before = AttemptWatchdog.SHARED.size();
    try {
      body.execute();
    } catch (IOException | RuntimeException e) {
      // the outcome is another test's business
    }
    // Not equal: another test's deadline may pass meanwhile; none of this call's may stay.
    assertTrue(AttemptWatchdog.SHARED.size() <= before, "an attempt's deadline was left watched");
  }

  @Test
  void everyWayAnAttemptEndsEndsItsDeadline() throws Throwable {
    vendor.answer(200, "{}");
    leavesNoWatch(() -> read(retry(b -> b), "GET"));
    vendor.answer(404, "");
    leavesNoWatch(() -> read(retry(b -> b), "GET"));
    vendor.fail(new IOException("reset"));
    leavesNoWatch(() -> read(retry(b -> b), "POST"));
    vendor.then(chain -> response(chain, 200, body(11, 11, 11)));
    leavesNoWatch(() -> read(retry(b -> b.maxResponseBodyBytes(10)), "GET"));
    vendor.then(chain -> {
      throw new IllegalStateException("an interceptor's bug");
    });
    leavesNoWatch(() -> read(retry(b -> b), "GET"));
    vendor.then(chain -> {
      throw sneaky(new Exception("odd"));
    });
    leavesNoWatch(() -> read(retry(b -> b), "GET"));
    assertEquals(6, vendor.attempts());
  }

  @Test
  void aRuntimeExceptionOfAnAttemptIsThrownAsItIs() {
    IllegalStateException bug = new IllegalStateException("an interceptor's bug");
    vendor.then(chain -> {
      throw bug;
    });
    assertSame(bug, assertThrows(IllegalStateException.class, () -> run(retry(b -> b), "GET")));
    assertEquals(1, vendor.attempts(), "not retried");
  }

  @Test
  void theWindowsReadFromAnAnswerAreKeptOnItsAttemptAndGivenToTheDecoder() throws IOException {
    RateLimitStatus minute = RateLimitStatus.builder().window("minute").remaining(5).build();
    vendor.answer(200, "{}", "X-Window", "minute 5").answer(404, "", "X-Window", "minute 4");
    RetryInterceptor retry = retry(b -> b.rateLimitParser(RetryFakeVendor.WINDOWS).errorDecoder(
        new dev.polylink.core.spi.ErrorDecoder() {
          @Override
          public VendorError decode(int status, okhttp3.Headers headers, String body) {
            throw new AssertionError("the four-argument decode is called");
          }

          @Override
          public VendorError decode(int status, okhttp3.Headers headers, String body, List<RateLimitStatus> rateLimits) {
            return VendorError.builder().errorCode(rateLimits.get(0).remaining().getAsLong() + " left").build();
          }
        }));
    try (Response response = run(retry, "GET")) {
      assertEquals(List.of(minute), Attempt.rateLimitsOf(response));
    }
    ApiFailure e = assertThrows(ApiFailure.class, () -> run(retry, "GET"));
    assertEquals(java.util.Optional.of("4 left"), e.error().errorCode());
  }
}
