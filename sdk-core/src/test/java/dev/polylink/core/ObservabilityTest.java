package dev.polylink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.LinkClientListener.AttemptFinished;
import dev.polylink.core.LinkClientListener.OperationFinished;
import dev.polylink.core.LinkClientListener.RateLimitRead;
import dev.polylink.core.LinkClientListener.RetryReason;
import dev.polylink.core.LinkClientListener.RetryScheduled;
import dev.polylink.core.fake.FakeLinkClient;
import dev.polylink.core.testing.CapturedLogs;
import dev.polylink.core.testing.RecordingListener;
import dev.polylink.core.testing.RecordingSleeper;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Listener events and the DEBUG log: rate-limit waits, quotas, I/O failures, the order of events. */
class ObservabilityTest {
  private static final String ID = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
  private static final String LINK =
      "{\"link\": {\"id\": \"" + ID + "\", \"short_url\": \"https://fk.example/abc\", \"code\": \"abc\"}}";

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private final RecordingListener listener = new RecordingListener();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  private FakeLinkClient client(String baseUrl) {
    return FakeLinkClient.builder().apiKey("very-secret-key").baseUrl(baseUrl)
        .clock(sleeper.clock()).sleeper(sleeper).addListener(listener).build();
  }

  private static CreateLinkRequest request() {
    return CreateLinkRequest.builder().destination("https://example.com/").build();
  }

  @Test
  void aBurst429IsARateLimitWaitAndEveryRateLimitStateIsReported() {
    wm.stubFor(post(urlPathEqualTo("/api/links")).inScenario("burst").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
            .withHeader("X-RateLimit-Limit", "10").withHeader("X-RateLimit-Remaining", "0")
            .withBody("{\"error\": {\"code\": \"BURST\", \"request_id\": \"req-1\"}}"))
        .willSetStateTo("calm"));
    wm.stubFor(post(urlPathEqualTo("/api/links")).inScenario("burst").whenScenarioStateIs("calm")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withHeader("X-RateLimit-Limit", "10").withHeader("X-RateLimit-Remaining", "9").withBody(LINK)));
    try (CapturedLogs logs = CapturedLogs.of("dev.polylink.client", Level.DEBUG);
        FakeLinkClient client = client(wm.baseUrl() + "/api")) {
      client.create(request());

      assertEquals(List.of(
          "operationStarted CREATE",
          "attemptStarted POST /links #1",
          "rateLimitRead",
          "attemptFinished #1 429",
          "retryScheduled #1 RATE_LIMITED",
          "attemptStarted POST /links #2",
          "rateLimitRead",
          "attemptFinished #2 201",
          "operationFinished CREATE success attempts=2 retries=1"), listener.lines());
      RetryScheduled retry = listener.events(RetryScheduled.class).get(0);
      assertTrue(retry.rateLimitWait());
      assertTrue(retry.retryAfter());
      assertEquals(Duration.ofSeconds(2), retry.delay());
      assertEquals(OptionalInt.of(429), retry.status());
      assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits());
      AttemptFinished first = listener.events(AttemptFinished.class).get(0);
      assertEquals("BURST", first.vendorCode().orElseThrow());
      assertEquals("req-1", first.requestId().orElseThrow());
      assertFalse(first.quotaExhausted());
      List<RateLimitRead> reads = listener.events(RateLimitRead.class);
      assertEquals(OptionalLong.of(0), reads.get(0).status().remaining());
      assertEquals(OptionalLong.of(9), reads.get(1).status().remaining());
      assertEquals(client.lastRateLimit().orElseThrow(), reads.get(1).status());

      assertEquals(2, logs.lines().size(), logs.lines().toString());
      assertEquals("polylink fake create: POST /links attempt 1 got 429; retrying in 2000 ms (RATE_LIMITED, Retry-After)",
          logs.lines().get(0));
      assertTrue(logs.lines().get(1).matches("polylink fake create: succeeded in \\d+ ms \\(2 attempt\\(s\\)\\)"),
          logs.lines().get(1));
    }
  }

  @Test
  void aQuotaIsNeverRetriedAndEndsTheOperationWithItsException() {
    wm.stubFor(get(urlPathEqualTo("/api/links/" + ID)).willReturn(aResponse().withStatus(429)
        .withHeader("X-Request-Id", "hdr-7").withBody("{\"error\": {\"code\": \"QUOTA\"}}")));
    try (CapturedLogs logs = CapturedLogs.of("dev.polylink.client", Level.DEBUG);
        FakeLinkClient client = client(wm.baseUrl() + "/api")) {
      RateLimitException e = assertThrows(RateLimitException.class, () -> client.get(LinkId.of(ID)));
      assertEquals(List.of(
          "operationStarted GET",
          "attemptStarted GET /links/{id} #1",
          "attemptFinished #1 429",
          "operationFinished GET RateLimitException attempts=1 retries=0"), listener.lines());
      AttemptFinished attempt = listener.events(AttemptFinished.class).get(0);
      assertTrue(attempt.quotaExhausted());
      assertEquals("QUOTA", attempt.vendorCode().orElseThrow());
      assertEquals("hdr-7", attempt.requestId().orElseThrow());
      assertEquals(e, listener.events(OperationFinished.class).get(0).failure().orElseThrow());
      assertEquals(List.of("polylink fake get: failed in " + listener.events(OperationFinished.class).get(0).duration().toMillis()
          + " ms (1 attempt(s)) with RateLimitException status=429 code=QUOTA requestId=hdr-7"), logs.lines());
    }
  }

  @Test
  void aConnectionThatNeverOpensIsRetriedEvenForAPost() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (FakeLinkClient client = client("http://127.0.0.1:" + closedPort + "/api")) {
      assertThrows(TransportException.class, () -> client.create(request()));
    }
    assertEquals(List.of(
        "operationStarted CREATE",
        "attemptStarted POST /links #1", "attemptFinished #1 ConnectException", "retryScheduled #1 NOT_SENT",
        "attemptStarted POST /links #2", "attemptFinished #2 ConnectException", "retryScheduled #2 NOT_SENT",
        "attemptStarted POST /links #3", "attemptFinished #3 ConnectException",
        "operationFinished CREATE TransportException attempts=3 retries=2"), listener.lines());
    assertInstanceOf(ConnectException.class, listener.events(AttemptFinished.class).get(0).failure().orElseThrow());
    assertEquals(sleeper.waits(), listener.events(RetryScheduled.class).stream().map(RetryScheduled::delay).toList());
    assertTrue(listener.events(RetryScheduled.class).stream().noneMatch(RetryScheduled::retryAfter));
  }

  @Test
  void anIdempotentRequestIsRetriedAfterAnIoError() {
    wm.stubFor(get(urlPathEqualTo("/api/links/" + ID)).inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo("/api/links/" + ID)).inScenario("reset").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(LINK)));
    try (FakeLinkClient client = client(wm.baseUrl() + "/api")) {
      client.get(LinkId.of(ID));
    }
    List<String> lines = listener.lines();
    assertEquals("retryScheduled #1 IO_ERROR", lines.get(3), lines.toString());
    assertEquals("operationFinished GET success attempts=2 retries=1", lines.get(lines.size() - 1));
    assertEquals(RetryReason.IO_ERROR, listener.events(RetryScheduled.class).get(0).reason());
    assertEquals(OptionalInt.empty(), listener.events(RetryScheduled.class).get(0).status());
  }

  @Test
  void aPostResetMidwayIsNotRetriedAndItsFailureIsReported() {
    wm.stubFor(post(urlPathEqualTo("/api/links")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (FakeLinkClient client = client(wm.baseUrl() + "/api")) {
      TransportException e = assertThrows(TransportException.class, () -> client.create(request()));
      assertEquals(List.of(
          "operationStarted CREATE",
          "attemptStarted POST /links #1",
          listener.lines().get(2),
          "operationFinished CREATE TransportException attempts=1 retries=0"), listener.lines());
      assertTrue(listener.lines().get(2).startsWith("attemptFinished #1 "), listener.lines().get(2));
      assertTrue(listener.events(AttemptFinished.class).get(0).failure().isPresent());
      assertEquals(e, listener.events(OperationFinished.class).get(0).failure().orElseThrow());
    }
  }

  @Test
  void aRedirectIsAnAnsweredAttemptThatIsNotFollowed() {
    wm.stubFor(get(urlPathEqualTo("/api/links/" + ID))
        .willReturn(aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/")));
    try (FakeLinkClient client = client(wm.baseUrl() + "/api")) {
      assertThrows(RedirectException.class, () -> client.get(LinkId.of(ID)));
    }
    assertEquals(List.of(
        "operationStarted GET",
        "attemptStarted GET /links/{id} #1",
        "attemptFinished #1 302",
        "operationFinished GET RedirectException attempts=1 retries=0"), listener.lines());
    assertFalse(listener.events(AttemptFinished.class).get(0).succeeded());
  }

  @Test
  void aBodyAboveTheLimitIsAFailedAttempt() {
    wm.stubFor(get(urlPathEqualTo("/api/links/" + ID)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"link\": \"" + "x".repeat(4096) + "\"}")));
    try (FakeLinkClient client = FakeLinkClient.builder().apiKey("k").baseUrl(wm.baseUrl() + "/api")
        .maxResponseBodySize(1024).clock(sleeper.clock()).sleeper(sleeper).addListener(listener).build()) {
      assertThrows(TransportException.class, () -> client.get(LinkId.of(ID)));
    }
    List<String> lines = listener.lines();
    assertEquals("attemptStarted GET /links/{id} #1", lines.get(1), lines.toString());
    assertTrue(lines.get(2).startsWith("attemptFinished #1 "), lines.toString());
    assertTrue(listener.events(AttemptFinished.class).get(0).failure().isPresent(), lines.toString());
    assertEquals("operationFinished GET TransportException attempts=1 retries=0", lines.get(lines.size() - 1));
  }

  @Test
  void withoutListenersOrDebugNothingIsLogged() {
    wm.stubFor(get(urlPathEqualTo("/api/links/" + ID))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(LINK)));
    try (CapturedLogs logs = CapturedLogs.of("dev.polylink", Level.INFO);
        FakeLinkClient client = FakeLinkClient.builder().apiKey("k").baseUrl(wm.baseUrl() + "/api").wireLog(true).build()) {
      client.get(LinkId.of(ID));
      assertEquals(List.of(), logs.lines());
    }
  }
}
