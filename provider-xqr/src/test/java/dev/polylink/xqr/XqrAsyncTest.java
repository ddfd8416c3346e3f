package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.AsyncLinkClient;
import dev.polylink.core.BulkResult;
import dev.polylink.core.ConflictException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.FeatureNotAvailableException;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import dev.polylink.core.UnsupportedFieldException;
import dev.polylink.core.testing.RecordingScheduler;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link XqrClient#async()}: the documented examples through the asynchronous view (exact bodies),
 * vendor errors as the blocking exceptions, a retry on the scheduler, the operation deadline,
 * cancellation, checks as failed futures, the statistics' second path as a composed step, and bulk.
 */
class XqrAsyncTest extends XqrWireMockTest {
  private static final String LINKS = "/api/v1/links";

  @Override
  protected XqrClient newClient() {
    return XqrClient.builder()
        .apiKey(XqrFixtures.DOCUMENTED_KEY)
        .baseUrl(wm.baseUrl() + "/api")
        .retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper)
        .scheduledExecutorService(scheduler)
        .rateLimit(RateLimit.none()) // pacing off: the waits counted here are the retries' alone
        .build();
  }

  private AsyncLinkClient async() {
    return client.async();
  }

  private static <T> T done(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> future) {
    return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
  }

  private static CreateLinkRequest documentedCreate() {
    return CreateLinkRequest.builder()
        .destination("https://example.com/summer-sale?utm_source=qr")
        .slug("summer24")
        .addLabels("campaign", "summer")
        .expiresAt(Instant.parse("2026-09-30T23:59:59Z"))
        .build();
  }

  @Test
  void createSendsTheDocumentedBodyAndMapsTheAnswer() throws Exception {
    wm.stubFor(post(urlPathEqualTo(LINKS))
        .withHeader("Authorization", equalTo("Bearer " + XqrFixtures.DOCUMENTED_KEY))
        .withRequestBody(equalToJson(fixture("create-link-request.json"), false, false))
        .willReturn(json(201, fixture("create-link-response.json"))));
    Link link = done(async().create(documentedCreate()));
    assertEquals(LinkId.of(XqrFixtures.DOCUMENTED_ID), link.id());
    assertEquals(URI.create("https://xqr.co/summer24"), link.shortUrl());
    assertEquals(List.of("campaign", "summer"), link.labels());
    assertEquals(OptionalLong.of(0), link.clicks());
    assertEquals(Optional.of(Instant.parse("2026-09-30T23:59:59Z")), link.expiresAt());
    wm.verify(1, postRequestedFor(urlPathEqualTo(LINKS)));
    assertEquals(client.create(documentedCreate()), link, "the same Link as the blocking create");
  }

  @Test
  void getListUpdateAndDeleteMapAsTheBlockingCalls() throws Exception {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("get-link-response.json"))));
    wm.stubFor(get(urlPathEqualTo(LINKS)).willReturn(json(200, fixture("list-links-response.json"))));
    expectPatch(fixture("update-link-request.json"), updateResponse());
    wm.stubFor(delete(urlPathEqualTo(LINK_PATH)).willReturn(aResponse().withStatus(204)));

    assertEquals(client.get(ID), done(async().get(ID)));
    Page<Link> page = done(async().list(ListLinksRequest.builder().build()));
    assertEquals(client.list(ListLinksRequest.builder().build()), page);
    LinkPatch patch = LinkPatch.builder().destination("https://example.com/summer-sale-v2?utm_source=qr")
        .labels(List.of("campaign", "summer", "updated")).build();
    Link updated = done(async().update(ID, patch));
    assertEquals(client.update(ID, patch), updated);
    assertNull(done(async().delete(ID)));
    wm.verify(1, deleteRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void vendorErrorsFailTheFutureWithTheBlockingException() {
    String body = "{\"error\": {\"code\": \"SLUG_TAKEN\", \"message\": \"The requested custom slug is already in use\","
        + " \"status\": 409}, \"meta\": {\"request_id\": \"req_abc123\"}}";
    wm.stubFor(post(urlPathEqualTo(LINKS)).willReturn(json(409, body)));
    ConflictException e = assertInstanceOf(ConflictException.class, failure(async().create(documentedCreate())));
    assertEquals(Optional.of("SLUG_TAKEN"), e.errorCode());
    assertEquals(Optional.of("req_abc123"), e.requestId());
    assertEquals(body, e.responseBody());
    assertEquals(Operation.CREATE, e.operation());
    wm.verify(1, postRequestedFor(urlPathEqualTo(LINKS)));
  }

  @Test
  void a503IsRetriedOnTheSchedulerWithoutSleeping() throws Exception {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2").withBody("")).willSetStateTo("up"));
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).inScenario("busy").whenScenarioStateIs("up")
        .willReturn(json(200, fixture("get-link-response.json"))));
    assertEquals(ID, done(async().get(ID)).id());
    assertEquals(List.of(Duration.ofSeconds(2)), scheduler.delays(), "Retry-After, waited on the scheduler");
    assertTrue(sleeper.waits().isEmpty(), "no thread slept");
    wm.verify(2, getRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void aPostAnswered503IsNotResent() {
    wm.stubFor(post(urlPathEqualTo(LINKS)).willReturn(aResponse().withStatus(503).withBody("")));
    assertInstanceOf(ServerException.class, failure(async().create(documentedCreate())));
    wm.verify(1, postRequestedFor(urlPathEqualTo(LINKS)));
    assertTrue(scheduler.delays().isEmpty());
  }

  @Test
  void theOperationDeadlineEndsTheRetries() {
    client.close();
    client = XqrClient.builder().apiKey(XqrFixtures.DOCUMENTED_KEY).baseUrl(wm.baseUrl() + "/api")
        .sleeper(sleeper).scheduledExecutorService(scheduler).operationTimeout(Duration.ofSeconds(3))
        .rateLimit(RateLimit.none()).build();
    wm.stubFor(get(urlPathEqualTo(LINK_PATH))
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2").withBody("")));
    TransportException e = assertInstanceOf(TransportException.class, failure(async().get(ID)));
    assertTrue(e.getMessage().contains("would pass the operation deadline"), e.getMessage());
    assertEquals(List.of(Duration.ofSeconds(2)), scheduler.delays());
    wm.verify(2, getRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void cancellingDuringAWaitMakesNoFurtherAttempt() throws Exception {
    RecordingScheduler manual = RecordingScheduler.manual();
    client.close();
    client = XqrClient.builder().apiKey(XqrFixtures.DOCUMENTED_KEY).baseUrl(wm.baseUrl() + "/api")
        .sleeper(sleeper).scheduledExecutorService(manual).rateLimit(RateLimit.none()).build();
    try {
      wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(aResponse().withStatus(503).withBody("")));
      CompletableFuture<Link> future = async().get(ID);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (manual.pendingCount() == 0 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      assertEquals(1, manual.pendingCount(), "waiting to retry");
      assertTrue(future.cancel(true));
      assertEquals(0, manual.runPending(), "the wait was cancelled");
      wm.verify(1, getRequestedFor(urlPathEqualTo(LINK_PATH)));
    } finally {
      manual.shutdownNow();
    }
  }

  @Test
  void checksFailTheFutureBeforeAnyRequest() {
    RequestValidationException id = assertInstanceOf(RequestValidationException.class,
        failure(async().get(LinkId.of("lnk_xyz789"))));
    assertTrue(id.violations().get(0).startsWith("id"), id.violations().toString());
    UnsupportedFieldException title = assertInstanceOf(UnsupportedFieldException.class,
        failure(async().create(CreateLinkRequest.builder().destination("https://example.com").title("t").build())));
    assertEquals(Operation.CREATE, title.operation());
    assertInstanceOf(RequestValidationException.class,
        failure(async().update(ID, LinkPatch.builder().build())), "an empty patch");
    assertInstanceOf(RequestValidationException.class,
        failure(async().qrCode(ID, QrOptions.builder().size(51).build())), "a size above 50");
    assertNoRequests();
  }

  @Test
  void statsAskTheExamplesPathAsASecondStepAndKeepIt() throws Exception {
    String stats = "{\"data\": {\"link_id\": \"" + XqrFixtures.DOCUMENTED_ID + "\", \"total_scans\": 1423},"
        + " \"meta\": {\"request_id\": \"req_stats1\"}}";
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/links/" + XqrFixtures.DOCUMENTED_ID)).willReturn(json(404,
        "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No such endpoint.\",\"status\":404},\"meta\":{}}")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/links/" + XqrFixtures.DOCUMENTED_ID + "/stats"))
        .willReturn(json(200, stats)));
    assertEquals(OptionalLong.of(1423), done(async().stats(ID)).totalClicks());
    assertEquals(OptionalLong.of(1423), done(async().stats(ID)).totalClicks());
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/analytics/links/" + XqrFixtures.DOCUMENTED_ID)));
    wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/analytics/links/" + XqrFixtures.DOCUMENTED_ID + "/stats")));
    assertEquals(Optional.of("req_stats1"), client.lastRequestId());
  }

  @Test
  void statsMissingUnderBothPathsIsNotFound() {
    String notFound = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Link not found.\",\"status\":404},\"meta\":{}}";
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/links/" + XqrFixtures.DOCUMENTED_ID)).willReturn(json(404, notFound)));
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/links/" + XqrFixtures.DOCUMENTED_ID + "/stats"))
        .willReturn(json(404, notFound)));
    NotFoundException e = assertInstanceOf(NotFoundException.class, failure(async().stats(ID)));
    assertEquals(Operation.STATS, e.operation());
  }

  @Test
  void qrCodeAndUsage() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    wm.stubFor(get(urlPathEqualTo(LINK_PATH + "/qr")).withQueryParam("format", equalTo("png"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png")
            .withHeader("X-Request-Id", "req_qr1").withBody(png)));
    QrCode qr = done(async().qrCode(ID, QrOptions.builder().format(QrFormat.PNG).build()));
    assertEquals(QrFormat.PNG, qr.format());
    assertEquals(Optional.of("req_qr1"), client.lastRequestId());
    wm.stubFor(get(urlPathEqualTo("/api/v1/workspace/usage")).willReturn(json(200,
        "{\"data\": {\"plan\": \"pro\", \"features\": {\"routing_rules\": false}}, \"meta\": {}}")));
    AccountUsage usage = done(async().accountUsage());
    assertEquals(Optional.of("pro"), usage.plan());
    // The usage read asynchronously switches the plan check on for both views.
    XqrOptions rules = XqrOptions.builder().routingRules(List.of(RoutingRule.builder()
        .destination("https://m.example.com").priority(1).deviceTypes(DeviceType.MOBILE).build())).build();
    assertInstanceOf(FeatureNotAvailableException.class, failure(async().create(
        CreateLinkRequest.builder().destination("https://example.com").options(rules).build())));
  }

  @Test
  void bulkCreateChecksEveryItemFirstAndUsesTheBulkEndpoint() throws Exception {
    wm.stubFor(post(urlPathEqualTo(LINKS + "/bulk"))
        .withRequestBody(equalToJson("{\"links\": [{\"url\": \"https://example.com/a\"}, {\"url\": \"https://example.com/c\"}]}"))
        .willReturn(json(201, "{\"data\": {\"created\": [" + linkJson("11111111-1111-4111-8111-111111111111", "a")
            + "], \"errors\": [{\"index\": 1, \"code\": \"SLUG_TAKEN\", \"message\": \"taken\", \"status\": 409}]},"
            + " \"meta\": {}}")));
    BulkResult<Link> result = done(async().createAll(List.of(
        CreateLinkRequest.builder().destination("https://example.com/a").build(),
        CreateLinkRequest.builder().destination("https://example.com/b").title("no titles at xQR").build(),
        CreateLinkRequest.builder().destination("https://example.com/c").build())));
    assertEquals(3, result.items().size());
    assertEquals("a", result.items().get(0).value().orElseThrow().shortCode());
    assertInstanceOf(UnsupportedFieldException.class, result.items().get(1).failure().orElseThrow());
    assertInstanceOf(ConflictException.class, result.items().get(2).failure().orElseThrow());
    wm.verify(1, postRequestedFor(urlPathEqualTo(LINKS + "/bulk")));
    wm.verify(0, postRequestedFor(urlPathEqualTo(LINKS)));
  }

  @Test
  void bulkDeleteRunsEveryItemAlone() throws Exception {
    LinkId other = LinkId.of("22222222-2222-4222-8222-222222222222");
    wm.stubFor(delete(urlPathEqualTo(LINK_PATH)).willReturn(aResponse().withStatus(204)));
    wm.stubFor(delete(urlPathEqualTo(LINKS + "/" + other.value())).willReturn(json(404,
        "{\"error\": {\"code\": \"NOT_FOUND\", \"message\": \"Link not found.\", \"status\": 404}, \"meta\": {}}")));
    BulkResult<LinkId> result = done(async().deleteAll(List.of(ID, other, LinkId.of("not-a-uuid"))));
    assertEquals(ID, result.items().get(0).value().orElseThrow());
    assertInstanceOf(NotFoundException.class, result.items().get(1).failure().orElseThrow());
    assertInstanceOf(RequestValidationException.class, result.items().get(2).failure().orElseThrow());
    assertFalse(result.items().get(2).value().isPresent());
  }
}
