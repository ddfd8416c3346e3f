package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.ApiException;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.HttpTransport;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.RateLimitHeaders;
import dev.polylink.core.spi.VendorError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import dev.polylink.core.internal.TransportHarness.Api;
import retrofit2.Call;

/**
 * The retry rules of {@link RetryInterceptor}, through a real OkHttp client and Retrofit against
 * WireMock. Waits go to a recording sleeper: nothing sleeps for real.
 */
class RetryInterceptorTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String THING = "/api/things/7";

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final RetryPolicy.Sleeper recording = waits::add;
  private HttpTransport transport;

  @AfterEach
  void close() {
    if (transport != null) {
      transport.close();
    }
  }

  /** Decodes {@code {"error": {"code": ..., "retry_after": seconds}}}; code QUOTA is a quota. */
  static VendorError decode(int status, Headers headers, String body) {
    return Json.tryParse(body)
        .map(root -> root.get("error"))
        .filter(JsonNode::isObject)
        .map(error -> VendorError.builder()
            .errorCode(Json.text(error, "code").orElse(null))
            .quotaExhausted("QUOTA".equals(Json.text(error, "code").orElse("")))
            .retryAfter(Json.text(error, "retry_after").map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(null))
            .build())
        .orElse(VendorError.none());
  }

  private Api api(Consumer<HttpTransport.Builder> customize) {
    HttpTransport.Builder b =
        HttpTransport.builder("test")
            .baseUrl(wm.baseUrl() + "/api")
            .authorization("Bearer test-key")
            .sleeper(recording)
            .clock(CLOCK)
            .errorDecoder(RetryInterceptorTest::decode)
            .rateLimitParser(headers -> RateLimitHeaders.read(headers, null, "X-RateLimit-"));
    customize.accept(b);
    transport = b.build();
    return transport.create(Api.class);
  }

  private Api api() {
    return api(b -> {});
  }

  private Object call(Api api, String method) {
    return TransportHarness.call(transport, api, method);
  }


  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static ResponseDefinitionBuilder ok() {
    return json(200, "{\"id\": \"7\"}");
  }

  /** Requests under /api/ (the timeout test's late-logged requests go to /slow/ and do not count). */
  private static int requests() {
    return wm.findAll(anyRequestedFor(urlPathMatching("/api/.*"))).size();
  }

  /** Stubs every request to answer {@code first}, then {@code then} from the second request on. */
  private static void firstThen(String scenario, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    wm.stubFor(any(anyUrl()).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(first).willSetStateTo("second"));
    wm.stubFor(any(anyUrl()).inScenario(scenario).whenScenarioStateIs("second").willReturn(then));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private void assertBackoffWaits(int count) {
    assertEquals(count, waits.size(), waits::toString);
    for (int i = 0; i < waits.size(); i++) {
      Duration ceiling = RetryPolicy.defaults().backoffCeiling(i + 1);
      Duration wait = waits.get(i);
      assertTrue(!wait.isNegative() && wait.compareTo(ceiling) <= 0, "wait " + (i + 1) + ": " + wait);
    }
  }

  // ------------------------------------------------------------------ idempotent methods

  static Stream<Arguments> idempotentMethodsAndRetryableStatuses() {
    return Stream.of("GET", "PUT", "PATCH", "DELETE")
        .flatMap(method -> Stream.of(500, 502, 503, 504, 408).map(status -> Arguments.of(method, status)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("idempotentMethodsAndRetryableStatuses")
  void idempotentMethodsAreRetriedUpToMaxAttempts(String method, int status) {
    wm.stubFor(any(anyUrl()).willReturn(json(status, "{\"error\": {\"code\": \"BUSY\"}}")));
    Api api = api();
    ApiException e = assertThrows(ApiException.class, () -> call(api, method));
    assertEquals(status, e.statusCode());
    assertEquals(Optional.of("BUSY"), e.errorCode());
    assertEquals(status >= 500, e instanceof ServerException, e.getClass().getName());
    assertTrue(e.retryable());
    assertEquals(3, requests());
    assertBackoffWaits(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "PATCH", "DELETE"})
  void idempotentMethodsRecoverAfterAFailure(String method) {
    firstThen("recover-" + method, json(503, ""), method.equals("DELETE") ? aResponse().withStatus(204) : ok());
    Api api = api();
    Object body = call(api, method);
    if (!method.equals("DELETE")) {
      assertEquals("7", ((JsonNode) body).get("id").asText());
    }
    assertEquals(2, requests());
    assertBackoffWaits(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "PATCH", "DELETE"})
  void idempotentMethodsAreRetriedOnIoErrors(String method) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Api api = api();
    TransportException e = assertThrows(TransportException.class, () -> call(api, method));
    assertInstanceOf(IOException.class, e.getCause());
    assertEquals(3, requests());
    assertBackoffWaits(2);
  }

  @Test
  void aGetRecoversAfterAnEmptyResponse() {
    firstThen("empty", aResponse().withFault(Fault.EMPTY_RESPONSE), ok());
    Api api = api();
    assertEquals("7", ((JsonNode) call(api, "GET")).get("id").asText());
    assertEquals(2, requests());
  }

  @Test
  void aGetIsRetriedAfterATimeoutButAPostIsNot() {
    wm.stubFor(any(anyUrl()).willReturn(ok().withFixedDelay(1_000)));
    Api get = api(b -> b.baseUrl(wm.baseUrl() + "/slow/").timeout(Duration.ofMillis(50)));
    assertThrows(TransportException.class, () -> call(get, "GET"));
    assertEquals(2, waits.size(), "GET: 3 attempts");
    transport.close();

    waits.clear();
    Api post = api(b -> b.baseUrl(wm.baseUrl() + "/slow/").timeout(Duration.ofMillis(50)));
    assertThrows(TransportException.class, () -> call(post, "POST"));
    assertEquals(List.of(), waits, "POST: one attempt");
  }

  @Test
  void maxAttemptsIsTheTotalNumberOfAttempts() {
    wm.stubFor(any(anyUrl()).willReturn(json(500, "")));
    Api five = api(b -> b.retryPolicy(RetryPolicy.builder().maxAttempts(5).build()));
    assertThrows(ServerException.class, () -> call(five, "GET"));
    assertEquals(5, requests());
    assertEquals(4, waits.size());
    transport.close();

    wm.resetRequests();
    waits.clear();
    Api once = api(b -> b.retryPolicy(RetryPolicy.none()));
    assertThrows(ServerException.class, () -> call(once, "GET"));
    assertEquals(1, requests());
    assertEquals(List.of(), waits);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 409, 410, 418, 422, 501})
  void nonRetryableStatusesAreNotRetried(int status) {
    wm.stubFor(any(anyUrl()).willReturn(json(status, "")));
    Api api = api();
    ApiException e = assertThrows(ApiException.class, () -> call(api, "GET"));
    assertEquals(status, e.statusCode());
    assertFalse(e.retryable());
    assertEquals(1, requests());
    assertEquals(List.of(), waits);
  }

  // ------------------------------------------------------------------ POST

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 408})
  void aPostIsNotRetriedAfterAnErrorStatus(int status) {
    wm.stubFor(any(anyUrl()).willReturn(json(status, "")));
    Api api = api();
    ApiException e = assertThrows(ApiException.class, () -> call(api, "POST"));
    assertEquals(status, e.statusCode());
    assertEquals(1, requests());
    assertEquals(List.of(), waits);
  }

  @Test
  void aPostIsNotRetriedAfterAResetConnection() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    Api api = api();
    assertThrows(TransportException.class, () -> call(api, "POST"));
    assertEquals(1, requests());
    assertEquals(List.of(), waits);
  }

  @Test
  void aPostIsRetriedAfterABurst429WithRetryAfter() {
    firstThen("burst-post",
        json(429, "{\"error\": {\"code\": \"SLOW_DOWN\"}}").withHeader("Retry-After", "2"),
        json(201, "{\"id\": \"8\"}"));
    Api api = api();
    JsonNode created = (JsonNode) call(api, "POST");
    assertEquals("8", created.get("id").asText());
    assertEquals(2, requests());
    assertEquals(List.of(Duration.ofSeconds(2)), waits);
  }

  @Test
  void aPostIsRetriedWhenTheRetryAfterIsInTheBody() {
    firstThen("burst-body",
        json(429, "{\"error\": {\"code\": \"SLOW_DOWN\", \"retry_after\": 3}}"),
        json(201, "{\"id\": \"8\"}"));
    Api api = api();
    call(api, "POST");
    assertEquals(2, requests());
    assertEquals(List.of(Duration.ofSeconds(3)), waits);
  }

  @Test
  void aPostIsNotRetriedAfterA429WithoutRetryAfter() {
    wm.stubFor(any(anyUrl()).willReturn(json(429, "{\"error\": {\"code\": \"SLOW_DOWN\"}}")));
    Api api = api();
    RateLimitException e = assertThrows(RateLimitException.class, () -> call(api, "POST"));
    assertFalse(e.quotaExhausted());
    assertEquals(Optional.empty(), e.retryAfter());
    assertEquals(1, requests());
  }

  @Test
  void aGetIsRetriedAfterA429WithoutRetryAfterUsingBackoff() {
    wm.stubFor(any(anyUrl()).willReturn(json(429, "")));
    Api api = api();
    assertThrows(RateLimitException.class, () -> call(api, "GET"));
    assertEquals(3, requests());
    assertBackoffWaits(2);
  }

  @Test
  void aPostToAPortWhereNothingListensIsRetried() throws IOException {
    int port = closedPort();
    transport =
        HttpTransport.builder("test")
            .baseUrl("http://127.0.0.1:" + port + "/api")
            .authorization("Bearer k")
            .sleeper(recording)
            .build();
    Api api = transport.create(Api.class);
    TransportException e =
        assertThrows(TransportException.class,
            () -> transport.execute(Operation.CREATE, api.create(Map.of("name", "x"))));
    assertInstanceOf(ConnectException.class, e.getCause(), String.valueOf(e.getCause()));
    assertEquals(Operation.CREATE, e.operation());
    assertBackoffWaits(2);
  }

  // ------------------------------------------------------------------ 429 and Retry-After

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST"})
  void aQuota429IsNeverRetried(String method) {
    wm.stubFor(any(anyUrl()).willReturn(
        json(429, "{\"error\": {\"code\": \"QUOTA\"}}").withHeader("Retry-After", "1")));
    Api api = api();
    RateLimitException e = assertThrows(RateLimitException.class, () -> call(api, method));
    assertTrue(e.quotaExhausted());
    assertFalse(e.retryable());
    assertEquals(Optional.of(Duration.ofSeconds(1)), e.retryAfter());
    assertEquals(1, requests());
    assertEquals(List.of(), waits);
  }

  @Test
  void aGetHonoursRetryAfterInsteadOfBackoff() {
    wm.stubFor(any(anyUrl()).willReturn(json(503, "").withHeader("Retry-After", "4")));
    Api api = api();
    assertThrows(ServerException.class, () -> call(api, "GET"));
    assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(4)), waits);
  }

  @Test
  void aRetryAfterBeyondMaxRetryAfterFailsAtOnce() {
    wm.stubFor(any(anyUrl()).willReturn(
        json(429, "{\"error\": {\"code\": \"SLOW_DOWN\"}}").withHeader("Retry-After", "66")));
    Api api = api();
    RateLimitException e = assertThrows(RateLimitException.class, () -> call(api, "GET"));
    assertEquals(Optional.of(Duration.ofSeconds(66)), e.retryAfter());
    assertFalse(e.quotaExhausted());
    assertEquals(1, requests());
    assertEquals(List.of(), waits);
  }

  @Test
  void aRetryAfterOfExactlyMaxRetryAfterIsWaitedFor() {
    firstThen("max", json(429, "").withHeader("Retry-After", "65"), ok());
    Api api = api();
    call(api, "POST");
    assertEquals(List.of(Duration.ofSeconds(65)), waits);
  }

  /** SnipURL answers Retry-After: 61 for its per-minute window (issue 11, item 11): the defaults wait. */
  @Test
  void theDefaultsWaitOutAOneMinuteWindowOf61Seconds() {
    firstThen("snipurl-window", json(429, "").withHeader("Retry-After", "61"), ok());
    Api api = api();
    call(api, "POST");
    assertEquals(List.of(Duration.ofSeconds(61)), waits);
    assertEquals(2, requests());
  }

  @Test
  void aLongRetryAfterOnA503FailsAtOnceToo() {
    wm.stubFor(any(anyUrl()).willReturn(json(503, "").withHeader("Retry-After", "3600")));
    Api api = api(b -> b.retryPolicy(RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(10)).build()));
    assertThrows(ServerException.class, () -> call(api, "GET"));
    assertEquals(1, requests());
  }

  @Test
  void anHttpDateRetryAfterIsHonouredRelativeToTheClock() {
    String in7s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(7), ZoneOffset.UTC));
    firstThen("date", json(429, "").withHeader("Retry-After", in7s), json(201, "{\"id\": \"9\"}"));
    Api api = api();
    call(api, "POST");
    assertEquals(List.of(Duration.ofSeconds(7)), waits);
    assertEquals(2, requests());
  }

  @Test
  void anHttpDateBeyondMaxRetryAfterFailsAtOnce() {
    String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(3600), ZoneOffset.UTC));
    wm.stubFor(any(anyUrl()).willReturn(json(429, "").withHeader("Retry-After", inAnHour)));
    Api api = api();
    RateLimitException e = assertThrows(RateLimitException.class, () -> call(api, "GET"));
    assertEquals(Optional.of(Duration.ofHours(1)), e.retryAfter());
    assertEquals(1, requests());
  }

  // ------------------------------------------------------------------ unreadable error bodies

  /**
   * A loopback server that answers each of {@code connections} requests with {@code status}, a
   * {@code Content-Length} of 100 and only {@code partialBody}, then closes the connection: an error
   * answer whose body breaks off. Returns the base URL; the number of requests served goes to
   * {@code served}.
   */
  private static String truncatingServer(int status, String partialBody, int connections,
      java.util.concurrent.atomic.AtomicInteger served) throws IOException {
    ServerSocket server = new ServerSocket(0, connections, InetAddress.getByName("127.0.0.1"));
    Thread thread = new Thread(() -> {
      try (server) {
        for (int i = 0; i < connections; i++) {
          try (java.net.Socket socket = server.accept()) {
            java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
              // skip the request line and headers
            }
            served.incrementAndGet();
            socket.getOutputStream().write(("HTTP/1.1 " + status + " Error\r\nContent-Type: text/html\r\n"
                + "Content-Length: 100\r\nConnection: close\r\n\r\n" + partialBody)
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
          }
        }
      } catch (IOException e) {
        // the test fails on its own assertions
      }
    }, "truncating-server");
    thread.setDaemon(true);
    thread.start();
    return "http://127.0.0.1:" + server.getLocalPort() + "/api";
  }

  @Test
  void anErrorStatusWhoseBodyBreaksOffIsStillMappedByStatusKeepingWhatArrived() throws IOException {
    java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
    String base = truncatingServer(404, "<html>Not fo", 1, served);
    Api api = api(b -> b.baseUrl(base));
    NotFoundException e = assertThrows(NotFoundException.class, () -> call(api, "GET"));
    assertEquals(404, e.statusCode());
    assertEquals("<html>Not fo", e.responseBody());
    assertEquals(1, served.get());
  }

  @Test
  void aGetWhoseRetryableErrorBodyBreaksOffIsStillRetried() throws IOException {
    java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
    String base = truncatingServer(503, "<html>bu", 3, served);
    Api api = api(b -> b.baseUrl(base));
    ServerException e = assertThrows(ServerException.class, () -> call(api, "GET"));
    assertEquals(503, e.statusCode());
    assertEquals(3, served.get());
    assertBackoffWaits(2);
  }

  // ------------------------------------------------------------------ interrupts

  @Test
  void anInterruptDuringTheWaitFailsTheCallAndKeepsTheInterruptFlag() {
    wm.stubFor(any(anyUrl()).willReturn(json(503, "")));
    RetryPolicy.Sleeper interrupted = duration -> {
      waits.add(duration);
      Thread.currentThread().interrupt(); // as if another thread interrupted us while we slept
      RetryPolicy.Sleeper.SYSTEM.sleep(Duration.ofSeconds(30));
    };
    Api api = api(b -> b.sleeper(interrupted));
    try {
      TransportException e = assertThrows(TransportException.class, () -> call(api, "GET"));
      assertInstanceOf(InterruptedIOException.class, e.getCause());
      assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag must survive");
      assertEquals(1, requests());
      assertEquals(1, waits.size());
    } finally {
      Thread.interrupted();
    }
  }

  // ------------------------------------------------------------------ rate limits and decoders

  @Test
  void rateLimitHeadersReachLastRateLimit() {
    wm.stubFor(any(anyUrl()).willReturn(ok()
        .withHeader("X-RateLimit-Limit", "100")
        .withHeader("X-RateLimit-Remaining", "42")
        .withHeader("X-RateLimit-Reset", "1772366400")));
    Api api = api();
    assertEquals(Optional.empty(), transport.lastRateLimit());
    call(api, "GET");
    assertEquals(
        Optional.of(RateLimitStatus.builder().limit(100).remaining(42).resetAt(Instant.ofEpochSecond(1772366400L)).build()),
        transport.lastRateLimit());
  }

  @Test
  void rateLimitHeadersOfAnErrorResponseAreKeptToo() {
    wm.stubFor(any(anyUrl()).willReturn(json(429, "{\"error\": {\"code\": \"QUOTA\"}}")
        .withHeader("X-RateLimit-Limit", "1000")
        .withHeader("X-RateLimit-Remaining", "0")));
    Api api = api();
    assertThrows(RateLimitException.class, () -> call(api, "GET"));
    assertEquals(Optional.of(RateLimitStatus.builder().limit(1000).remaining(0).build()), transport.lastRateLimit());
  }

  @Test
  void aRateLimitReadFromAnErrorBodyWinsOverTheHeaders() {
    wm.stubFor(any(anyUrl()).willReturn(json(429, "{\"error\": {\"code\": \"QUOTA\"}}")
        .withHeader("X-RateLimit-Limit", "1000")
        .withHeader("X-RateLimit-Remaining", "0")));
    RateLimitStatus fromBody = RateLimitStatus.builder().limit(60).remaining(0).window("1m").build();
    Api api = api(b -> b.errorDecoder((status, headers, body) ->
        VendorError.builder().quotaExhausted(true).rateLimit(fromBody).build()));
    assertThrows(RateLimitException.class, () -> call(api, "GET"));
    assertEquals(Optional.of(fromBody), transport.lastRateLimit());
  }

  @Test
  void aThrowingRateLimitParserNeverFailsTheCall() {
    wm.stubFor(any(anyUrl()).willReturn(ok().withHeader("X-RateLimit-Limit", "100")));
    Api api = api(b -> b.rateLimitParser(headers -> {
      throw new IllegalStateException("parser bug");
    }));
    assertEquals("7", ((JsonNode) call(api, "GET")).get("id").asText());
    assertEquals(Optional.empty(), transport.lastRateLimit());
  }

  @Test
  void aRateLimitParserReturningNullNeverFailsTheCall() {
    wm.stubFor(any(anyUrl()).willReturn(ok()));
    Api api = api(b -> b.rateLimitParser(headers -> null));
    assertEquals("7", ((JsonNode) call(api, "GET")).get("id").asText());
    assertEquals(Optional.empty(), transport.lastRateLimit());
  }

  @Test
  void aThrowingDecoderStillYieldsTheStatusBasedExceptionWithTheRawBody() {
    String body = "{\"error\": {\"code\": \"NOT_FOUND\"}}";
    wm.stubFor(any(anyUrl()).willReturn(json(404, body).withHeader("Retry-After", "5")));
    Api api = api(b -> b.errorDecoder((status, headers, text) -> {
      throw new IllegalStateException("decoder bug");
    }));
    NotFoundException e = assertThrows(NotFoundException.class, () -> call(api, "GET"));
    assertEquals(404, e.statusCode());
    assertEquals(body, e.responseBody());
    assertEquals(Optional.empty(), e.errorCode());
    assertEquals(1, requests());
  }

  @Test
  void aThrowingDecoderDoesNotStopRetries() {
    wm.stubFor(any(anyUrl()).willReturn(json(503, "<html>busy</html>")));
    Api api = api(b -> b.errorDecoder((status, headers, text) -> {
      throw new IllegalStateException("decoder bug");
    }));
    ServerException e = assertThrows(ServerException.class, () -> call(api, "GET"));
    assertEquals("<html>busy</html>", e.responseBody());
    assertEquals(3, requests());
  }

  @Test
  void aDecoderReturningNullIsTreatedAsSayingNothing() {
    wm.stubFor(any(anyUrl()).willReturn(json(409, "taken")));
    Api api = api(b -> b.errorDecoder((status, headers, text) -> null));
    ApiException e = assertThrows(ApiException.class, () -> call(api, "POST"));
    assertEquals(409, e.statusCode());
    assertEquals("taken", e.responseBody());
    assertEquals("test create failed: HTTP 409", e.getMessage());
  }

  @Test
  void aRequestIdHeaderFillsTheRequestIdWhenTheBodyNamesNone() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
        .withHeader("X-Request-Id", " rid-from-header ").withBody("<html>Not found</html>")));
    Api api = api();
    NotFoundException e = assertThrows(NotFoundException.class, () -> call(api, "GET"));
    assertEquals(Optional.of("rid-from-header"), e.requestId());
    assertTrue(e.getMessage().endsWith("(request id rid-from-header)"), e.getMessage());
    assertEquals("<html>Not found</html>", e.responseBody());
  }

  @Test
  void theBodysRequestIdWinsOverTheHeader() {
    wm.stubFor(any(anyUrl()).willReturn(json(409, "{}").withHeader("Request-Id", "rid-header")));
    Api api = api(b -> b.errorDecoder((status, headers, text) ->
        VendorError.builder().errorCode("TAKEN").requestId("rid-body").quotaExhausted(false).build()));
    ApiException e = assertThrows(ApiException.class, () -> call(api, "POST"));
    assertEquals(Optional.of("rid-body"), e.requestId());
    assertEquals(Optional.of("TAKEN"), e.errorCode());
  }

  @Test
  void withoutARequestIdAnywhereNoneIsInvented() {
    wm.stubFor(any(anyUrl()).willReturn(json(404, "{}").withHeader("X-Request-Id", " ")));
    Api api = api();
    NotFoundException e = assertThrows(NotFoundException.class, () -> call(api, "GET"));
    assertEquals(Optional.empty(), e.requestId());
  }

  @Test
  void theDecoderSeesStatusHeadersAndBody() {
    wm.stubFor(any(anyUrl()).willReturn(json(422, "{\"bad\": true}").withHeader("X-Request-Id", "rid-1")));
    List<String> seen = new CopyOnWriteArrayList<>();
    Api api = api(b -> b.errorDecoder((status, headers, text) -> {
      seen.add(status + " " + headers.get("X-Request-Id") + " " + text);
      return VendorError.builder().requestId(headers.get("X-Request-Id")).build();
    }));
    ApiException e = assertThrows(ApiException.class, () -> call(api, "PATCH"));
    assertEquals(List.of("422 rid-1 {\"bad\": true}"), seen);
    assertEquals(Optional.of("rid-1"), e.requestId());
    wm.verify(1, anyRequestedFor(urlPathEqualTo(THING)));
  }
}
