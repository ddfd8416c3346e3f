package dev.polylink.core.spi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.polylink.core.LinkClientBuilder;
import dev.polylink.core.Operation;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.TransportException;
import dev.polylink.core.internal.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

class HttpTransportTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  interface Api {
    @GET("things/{id}")
    Call<JsonNode> get(@Path("id") String id);
  }

  private static HttpTransport.Builder builder() {
    return HttpTransport.builder("demo")
        .baseUrl(wm.baseUrl() + "/api")
        .authorization("Bearer very-secret-key")
        .sleeper(duration -> {});
  }

  private static void stubOk() {
    wm.stubFor(any(anyUrl()).willReturn(
        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\": \"1\"}")));
  }

  private static LoggedRequest onlyRequest() {
    assertEquals(1, wm.getAllServeEvents().size());
    return wm.getAllServeEvents().get(0).getRequest();
  }

  /** Issue 13: the rate-limit headers are parsed once per response, for the decoder and the provider too. */
  @Test
  void rateLimitHeadersAreParsedOncePerResponseAndHandedOn() {
    java.util.concurrent.atomic.AtomicInteger parses = new java.util.concurrent.atomic.AtomicInteger();
    RateLimitParser counting = headers -> {
      parses.incrementAndGet();
      return RateLimitHeaders.read(headers, "minute", "X-RateLimit-");
    };
    java.util.List<java.util.List<RateLimitStatus>> decoded = new java.util.concurrent.CopyOnWriteArrayList<>();
    ErrorDecoder decoder = new ErrorDecoder() {
      @Override
      public VendorError decode(int statusCode, okhttp3.Headers headers, String body) {
        throw new AssertionError("the client passes the windows it read");
      }

      @Override
      public VendorError decode(int statusCode, okhttp3.Headers headers, String body, java.util.List<RateLimitStatus> rateLimits) {
        decoded.add(rateLimits);
        return VendorError.none();
      }
    };
    wm.stubFor(any(urlPathEqualTo("/api/things/1")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Limit", "60")
        .withHeader("X-RateLimit-Remaining", "59").withBody("{\"id\": \"1\"}")));
    wm.stubFor(any(urlPathEqualTo("/api/things/2")).willReturn(aResponse().withStatus(404)
        .withHeader("X-RateLimit-Limit", "60").withHeader("X-RateLimit-Remaining", "58").withBody("{}")));
    RateLimitStatus first = RateLimitStatus.builder().limit(60).remaining(59).window("minute").build();
    RateLimitStatus second = RateLimitStatus.builder().limit(60).remaining(58).window("minute").build();
    try (HttpTransport transport = builder().rateLimitParser(counting).errorDecoder(decoder).build()) {
      retrofit2.Response<JsonNode> ok = transport.exchange(Operation.GET, transport.create(Api.class).get("1"));
      assertEquals(java.util.List.of(first), transport.rateLimits(ok));
      assertEquals(1, parses.get());
      assertThrows(dev.polylink.core.NotFoundException.class,
          () -> transport.execute(Operation.GET, transport.create(Api.class).get("2")));
      assertEquals(2, parses.get());
      assertEquals(java.util.List.of(java.util.List.of(second)), decoded);
      assertEquals(Optional.of(second), transport.lastRateLimit());
    }
  }

  @Test
  void theVersionIsTheProjectVersion() {
    assertTrue(Version.get().matches("\\d+\\.\\d+\\.\\d+.*"), Version.get());
  }

  @Test
  void sendsUserAgentAuthorizationAndAccept() {
    stubOk();
    try (HttpTransport transport = builder().userAgent("my-app/2.0").build()) {
      JsonNode body = transport.execute(Operation.GET, transport.create(Api.class).get("1"));
      assertEquals("1", body.get("id").asText());
    }
    LoggedRequest request = onlyRequest();
    assertEquals("polylink-java/" + Version.get() + " (demo) my-app/2.0", request.getHeader("User-Agent"));
    assertEquals("Bearer very-secret-key", request.getHeader("Authorization"));
    assertEquals("application/json", request.getHeader("Accept"));
  }

  @Test
  void theUserAgentWithoutAnAppendix() {
    stubOk();
    try (HttpTransport transport = builder().build()) {
      transport.execute(Operation.GET, transport.create(Api.class).get("1"));
    }
    assertEquals("polylink-java/" + Version.get() + " (demo)", onlyRequest().getHeader("User-Agent"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v2", "/api/v2/"})
  void aBaseUrlWithOrWithoutTrailingSlashKeepsItsPathPrefix(String prefix) {
    stubOk();
    try (HttpTransport transport = builder().baseUrl(wm.baseUrl() + prefix).build()) {
      transport.execute(Operation.GET, transport.create(Api.class).get("42"));
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/things/42")));
  }

  @Test
  void aClientOfItsOwnGetsTheDefaultTimeoutAndIsShutDownOnClose() {
    HttpTransport transport = builder().build();
    OkHttpClient okHttp = transport.okHttpClient();
    long defaultMillis = HttpTransport.DEFAULT_TIMEOUT.toMillis();
    assertEquals(defaultMillis, okHttp.connectTimeoutMillis());
    assertEquals(defaultMillis, okHttp.readTimeoutMillis());
    assertEquals(defaultMillis, okHttp.writeTimeoutMillis());
    assertFalse(okHttp.retryOnConnectionFailure(), "OkHttp must not resend POSTs on its own");
    transport.close();
    assertTrue(okHttp.dispatcher().executorService().isShutdown());
  }

  @Test
  void aDispatcherOfItsOwnRunsAsManyAsynchronousCallsToTheVendorsHostAsItsPoolHolds() {
    try (HttpTransport transport = builder().build()) {
      okhttp3.Dispatcher dispatcher = transport.okHttpClient().dispatcher();
      assertEquals(64, dispatcher.getMaxRequestsPerHost(), "OkHttp's 5 would cap the asynchronous client at 5");
      assertEquals(64, dispatcher.getMaxRequests());
    }
  }

  @Test
  void aUsersSchedulerIsNotShutDownOnClose() throws Exception {
    stubOk();
    java.util.concurrent.ScheduledExecutorService users = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      try (HttpTransport transport = builder().scheduledExecutorService(users).build()) {
        transport.executeAsync(Operation.GET, transport.create(Api.class).get("1")).get(5, java.util.concurrent.TimeUnit.SECONDS);
      }
      assertFalse(users.isShutdown(), "a user's scheduler is left alone");
    } finally {
      users.shutdownNow();
    }
  }

  @Test
  void aClientOfItsOwnNeverFollowsRedirectsAndHasAPoolOfItsOwn() {
    try (HttpTransport transport = builder().build()) {
      OkHttpClient okHttp = transport.okHttpClient();
      assertFalse(okHttp.followRedirects());
      assertFalse(okHttp.followSslRedirects());
      assertEquals(0, okHttp.callTimeoutMillis(), "deadlines are per attempt and per operation instead");
    }
  }

  @Test
  void anExplicitConnectionIdleTimeoutGivesAUsersClientAPoolOfItsOwnAndLeavesTheUsersAlone() {
    OkHttpClient users = new OkHttpClient.Builder().build();
    try (HttpTransport shared = builder().httpClient(users).build();
        HttpTransport own = builder().httpClient(users).connectionIdleTimeout(Duration.ofSeconds(2)).build()) {
      assertSame(users.connectionPool(), shared.okHttpClient().connectionPool(), "shared by default");
      assertNotSame(users.connectionPool(), own.okHttpClient().connectionPool());
      assertSame(users.dispatcher(), own.okHttpClient().dispatcher(), "the dispatcher stays shared");
    } finally {
      users.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void anExplicitTimeoutAppliesToAClientOfItsOwn() {
    try (HttpTransport transport = builder().timeout(Duration.ofSeconds(4)).build()) {
      assertEquals(4_000, transport.okHttpClient().connectTimeoutMillis());
      assertEquals(4_000, transport.okHttpClient().readTimeoutMillis());
      assertEquals(4_000, transport.okHttpClient().writeTimeoutMillis());
    }
  }

  @Test
  void aUsersClientKeepsItsTimeoutsAndIsNeverShutDown() throws Exception {
    stubOk();
    OkHttpClient users =
        new OkHttpClient.Builder()
            .connectTimeout(3, TimeUnit.SECONDS)
            .readTimeout(7, TimeUnit.SECONDS)
            .writeTimeout(9, TimeUnit.SECONDS)
            .retryOnConnectionFailure(true)
            .build();
    try {
      HttpTransport transport = builder().httpClient(users).build();
      OkHttpClient derived = transport.okHttpClient();
      assertNotSame(users, derived);
      assertEquals(3_000, derived.connectTimeoutMillis());
      assertEquals(7_000, derived.readTimeoutMillis());
      assertEquals(9_000, derived.writeTimeoutMillis());
      assertSame(users.connectionPool(), derived.connectionPool(), "the pool is shared");
      assertSame(users.dispatcher(), derived.dispatcher(), "the dispatcher is shared");
      assertFalse(derived.retryOnConnectionFailure());
      transport.execute(Operation.GET, transport.create(Api.class).get("1"));
      transport.close();

      assertFalse(users.dispatcher().executorService().isShutdown());
      assertTrue(users.retryOnConnectionFailure(), "the user's client is not modified");
      assertTrue(users.interceptors().isEmpty(), "the user's client is not modified");
      try (Response response = users.newCall(new Request.Builder().url(wm.baseUrl() + "/api/things/2").build()).execute()) {
        assertEquals(200, response.code(), "the user's client still works after close()");
      }
      LoggedRequest own = wm.findAll(getRequestedFor(urlPathEqualTo("/api/things/2"))).get(0);
      assertFalse(own.containsHeader("Authorization"), "the user's own calls carry no Polylink credentials");
    } finally {
      users.dispatcher().executorService().shutdown();
      users.connectionPool().evictAll();
    }
  }

  @Test
  void anExplicitTimeoutOverridesTheUsersClientTimeouts() {
    OkHttpClient users = new OkHttpClient.Builder().readTimeout(7, TimeUnit.SECONDS).build();
    try (HttpTransport transport = builder().httpClient(users).timeout(Duration.ofSeconds(2)).build()) {
      assertEquals(2_000, transport.okHttpClient().connectTimeoutMillis());
      assertEquals(2_000, transport.okHttpClient().readTimeoutMillis());
      assertEquals(2_000, transport.okHttpClient().writeTimeoutMillis());
      assertEquals(7_000, users.readTimeoutMillis());
    } finally {
      users.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void executeForBodyRejectsAnEmptyBody() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    try (HttpTransport transport = builder().build()) {
      Api api = transport.create(Api.class);
      assertEquals(null, transport.execute(Operation.GET, api.get("1")));
      TransportException e =
          assertThrows(TransportException.class, () -> transport.executeForBody(Operation.GET, api.get("1")));
      assertEquals(Operation.GET, e.operation());
      assertTrue(e.getMessage().startsWith("demo get failed: "), e.getMessage());
    }
  }

  @Test
  void anUnreadableSuccessBodyIsATransportException() {
    wm.stubFor(any(anyUrl()).willReturn(
        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\": ")));
    try (HttpTransport transport = builder().build()) {
      TransportException e =
          assertThrows(TransportException.class,
              () -> transport.execute(Operation.LIST, transport.create(Api.class).get("1")));
      assertTrue(e.getMessage().contains("could not be read as the expected JSON"), e.getMessage());
      assertInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class, e.getCause());
      assertFalse(e.getMessage().contains("very-secret-key"));
    }
  }

  @Test
  void exchangeGivesTheHeaders() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("X-Total", "12").withBody("{}")));
    try (HttpTransport transport = builder().build()) {
      retrofit2.Response<JsonNode> response = transport.exchange(Operation.LIST, transport.create(Api.class).get("1"));
      assertEquals("12", response.headers().get("X-Total"));
    }
  }

  @Test
  void recordRateLimitIgnoresEmptyStatuses() {
    try (HttpTransport transport = builder().build()) {
      transport.recordRateLimit(RateLimitStatus.builder().build());
      assertEquals(Optional.empty(), transport.lastRateLimit());
      RateLimitStatus status = RateLimitStatus.builder().remaining(3).window("monthly").build();
      transport.recordRateLimit(status);
      assertEquals(Optional.of(status), transport.lastRateLimit());
    }
  }

  @Test
  void theClockIsKept() {
    Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    try (HttpTransport transport = builder().clock(clock).build()) {
      assertSame(clock, transport.clock());
    }
  }

  @Test
  void requiredSettingsAndNulls() {
    assertThrows(NullPointerException.class, () -> HttpTransport.builder(null));
    assertThrows(NullPointerException.class, () -> HttpTransport.builder("x").authorization("a").build());
    assertThrows(NullPointerException.class, () -> HttpTransport.builder("x").baseUrl(wm.baseUrl()).build());
    assertThrows(NullPointerException.class, () -> builder().errorDecoder(null));
    assertThrows(NullPointerException.class, () -> builder().rateLimitParser(null));
    assertThrows(NullPointerException.class, () -> builder().retryPolicy(null));
    assertThrows(NullPointerException.class, () -> builder().sleeper(null));
    assertThrows(NullPointerException.class, () -> builder().clock(null));
  }

  @Test
  void rateLimitsAreTheLatestOfEachWindowOrderedByName() {
    try (HttpTransport transport = builder().build()) {
      RateLimitStatus month = RateLimitStatus.builder().remaining(5).window("month").build();
      RateLimitStatus day = RateLimitStatus.builder().remaining(3).window("day").build();
      RateLimitStatus laterDay = RateLimitStatus.builder().remaining(2).window("day").build();
      transport.recordRateLimit(month);
      transport.recordRateLimit(day);
      assertEquals(java.util.List.of(day, month), transport.rateLimits());
      transport.recordRateLimit(laterDay);
      assertEquals(java.util.List.of(laterDay, month), transport.rateLimits());
    }
  }

  @Test
  void exchangeAsyncGivesTheResponse() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("X-Total", "12").withBody("{\"id\": \"1\"}")));
    try (HttpTransport transport = builder().build()) {
      retrofit2.Response<JsonNode> response =
          transport.exchangeAsync(Operation.GET, transport.create(Api.class).get("1")).get(5, TimeUnit.SECONDS);
      assertEquals("12", response.headers().get("X-Total"));
      assertEquals("1", response.body().get("id").asText());
    }
  }

  @Test
  void theDefaultErrorDecoderStillMapsTheStatus() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withBody("{}")));
    try (HttpTransport transport = builder().build()) {
      assertThrows(dev.polylink.core.NotFoundException.class,
          () -> transport.execute(Operation.GET, transport.create(Api.class).get("1")));
    }
  }

  /** A retry wait of an asynchronous call runs on a scheduler of the transport's own, a daemon thread stopped on close. */
  @Test
  void anAsynchronousRetryWaitsOnADaemonSchedulerOfItsOwnThatCloseStops() throws Exception {
    wm.stubFor(any(anyUrl()).inScenario("retry").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("ok"));
    wm.stubFor(any(anyUrl()).inScenario("retry").whenScenarioStateIs("ok").willReturn(
        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\": \"1\"}")));
    String name = "polylink-sched1-scheduler";
    HttpTransport transport = HttpTransport.builder("sched1").baseUrl(wm.baseUrl() + "/api").authorization("Bearer k")
        .retryPolicy(dev.polylink.core.RetryPolicy.builder().initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(2)).build())
        .build();
    try {
      JsonNode body = transport.executeAsync(Operation.GET, transport.create(Api.class).get("1")).get(5, TimeUnit.SECONDS);
      assertEquals("1", body.get("id").asText());
      assertEquals(2, wm.getAllServeEvents().size());
      Thread scheduler = thread(name);
      assertTrue(scheduler != null, "the waits ran on " + name);
      assertTrue(scheduler.isDaemon());
    } finally {
      transport.close();
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (thread(name) != null && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertEquals(null, thread(name), "close shut the scheduler down");
  }

  private static Thread thread(String name) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive())
        .findFirst().orElse(null);
  }

  @Test
  void builderSettingsReturnTheBuilderAndTheSmallestBodyLimitIsOneByte() {
    HttpTransport.Builder b = builder();
    assertSame(b, b.documentedRateLimit("minute", 60, Duration.ofMinutes(1), 1));
    assertSame(b, b.quotaWindow("month"));
    assertSame(b, b.maxResponseBodySize(1));
    assertThrows(dev.polylink.core.RequestValidationException.class, () -> b.maxResponseBodySize(0));
    b.build().close();
  }
}
