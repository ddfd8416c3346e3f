package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.polylink.core.BulkOperationException;
import dev.polylink.core.LinkId;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.ServerException;
import dev.polylink.core.testing.AsyncCancellation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * SnipURL's typed extras without blocking ({@link SnipurlAsyncClient}): the analytics settings,
 * the QR image of a short code, the analytics summary and the multi-id delete send what the
 * blocking calls send (exact bodies), answer as they do, fail with their exceptions (a part-way
 * multi-id delete with the same {@link BulkOperationException}), refuse bad input as failed
 * futures with nothing sent, and cancel the call in flight.
 */
class SnipurlAsyncExtrasTest extends SnipurlWireMockTest {
  private static final String BULK_PATH = "/api/v1/links/bulk";
  private static final String SUMMARY = "{\"success\": true, \"data\": {\"total_links\": 12, \"active_links\": 10,"
      + " \"total_clicks\": 300, \"clicks_over_time\": [{\"date\": \"2026-11-01\", \"clicks\": 300}],"
      + " \"top_links\": [{\"short_code\": \"abc\", \"clicks\": 200}]}}";

  private final OkHttpClient http = new OkHttpClient();

  @Override
  protected SnipurlClient newClient() {
    return builder().httpClient(http).scheduledExecutorService(scheduler).rateLimit(RateLimit.none()).build();
  }

  private SnipurlAsyncClient async() {
    return client.async();
  }

  private static <T> T done(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<?> future) {
    return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
  }

  private static List<LinkId> ids(int count) {
    return SnipurlDeleteTest.ids(count);
  }

  private static String idsJson(List<LinkId> ids) {
    return SnipurlDeleteTest.idsJson(ids);
  }

  private static String deleted(int n) {
    return SnipurlDeleteTest.deleted(n);
  }

  @Test
  void analyticsSettingsAnswerAsTheBlockingCall() throws Exception {
    String link = linkJson(DOC_ID.value(), "my-article");
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, "{\"success\":true,\"data\":"
        + link.substring(0, link.length() - 1) + ",\"analytics_public\":true,\"analytics_shared_fields\":[\"clicks\"]}}")));
    SnipurlOptions blocking = client.analyticsSettings(DOC_ID);
    SnipurlOptions settings = done(async().analyticsSettings(DOC_ID));
    assertEquals(blocking, settings);
    assertEquals(java.util.Optional.of(true), settings.analyticsPublic());
    assertEquals(java.util.Optional.of(java.util.EnumSet.of(AnalyticsSection.CLICKS)), settings.analyticsSharedFields());
    wm.verify(2, getRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void analyticsSettingsOfAMalformedIdAreAFailedFuture() {
    assertInstanceOf(RequestValidationException.class, failure(async().analyticsSettings(LinkId.of("not-a-uuid"))));
    assertNoRequests();
  }

  @Test
  void theQrImageOfAShortCodeIsOneRequest() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/qr/my-link"))
        .withQueryParam("format", equalTo("svg")).withQueryParam("size", absent()).withQueryParam("ec", absent())
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/svg+xml").withBody("<svg></svg>")));
    QrCode qr = done(async().qrCode("my-link", QrOptions.builder().format(QrFormat.SVG).build()));
    assertEquals(QrFormat.SVG, qr.format());
    assertArrayEquals("<svg></svg>".getBytes(StandardCharsets.UTF_8), qr.bytes());
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/qr/my-link")));
  }

  @Test
  void theQrImageOfAnotherAccountsCodeIsTheBlockingNotFound() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/qr/theirs")).willReturn(json(404, error("NOT_FOUND", "Link not found."))));
    NotFoundException blocking = assertThrows(NotFoundException.class, () -> client.qrCode("theirs", QrOptions.defaults()));
    NotFoundException e = assertInstanceOf(NotFoundException.class, failure(async().qrCode("theirs", QrOptions.defaults())));
    assertEquals(blocking.getMessage(), e.getMessage());
    assertEquals(blocking.errorCode(), e.errorCode());
  }

  @Test
  void badQrInputIsAFailedFutureAndNothingIsSent() {
    assertInstanceOf(RequestValidationException.class, failure(async().qrCode("a/b", QrOptions.defaults())));
    assertInstanceOf(RequestValidationException.class, failure(async().qrCode("abc", QrOptions.builder().size(99).build())));
    assertNoRequests();
  }

  @Test
  void theAnalyticsSummaryAnswersAsTheBlockingCall() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/summary")).willReturn(json(200, SUMMARY)));
    SnipurlAnalyticsSummary blocking = client.analyticsSummary();
    SnipurlAnalyticsSummary summary = done(async().analyticsSummary());
    assertEquals(blocking, summary);
    assertEquals(OptionalLong.of(12), summary.totalLinks());
    assertEquals(OptionalLong.of(300), summary.totalClicks());
  }

  @Test
  void aHundredAndTwentyIdsAreDeletedInThreeRequestsOneAfterTheOther() throws Exception {
    List<LinkId> ids = ids(120);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(0, 50)), false, false))
        .willReturn(json(200, deleted(50))));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(50, 100)), false, false))
        .willReturn(json(200, deleted(49))));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(100, 120)), false, false))
        .willReturn(json(200, deleted(20))));
    assertEquals(OptionalInt.of(119), done(async().delete(ids)));
    List<LoggedRequest> requests = wm.findAll(deleteRequestedFor(urlPathEqualTo(BULK_PATH)));
    assertEquals(3, requests.size());
    assertEquals(List.of(idsJson(ids.subList(0, 50)), idsJson(ids.subList(50, 100)), idsJson(ids.subList(100, 120))),
        requests.stream().map(LoggedRequest::getBodyAsString).map(String::strip).collect(Collectors.toList()));
  }

  @Test
  void anEmptyCollectionSendsNothing() throws Exception {
    assertEquals(OptionalInt.of(0), done(async().delete(List.of())));
    assertNoRequests();
  }

  @Test
  void idsBreakingTheBulkRuleAreAFailedFutureAndNothingIsSent() {
    LinkId versionZero = LinkId.of("550e8400-e29b-01d4-a716-446655440000");
    RequestValidationException e = assertInstanceOf(RequestValidationException.class,
        failure(async().delete(List.of(ids(1).get(0), versionZero, LinkId.of("nope")))));
    assertEquals(2, e.violations().size(), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void aSecondRequestThatFailsSaysWhatTheFirstDeleted() {
    List<LinkId> ids = ids(120);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(0, 50)), false, false))
        .willReturn(json(200, deleted(48))));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids.subList(50, 100)), false, false))
        .willReturn(aResponse().withStatus(500)));
    BulkOperationException e = assertInstanceOf(BulkOperationException.class, failure(async().delete(ids)));
    assertEquals(Operation.DELETE, e.operation());
    assertEquals(ids.subList(0, 50), e.completed());
    assertEquals(OptionalLong.of(48), e.completedCount());
    assertEquals(ids.subList(50, 100), e.failed());
    assertEquals(ids.subList(100, 120), e.notSent());
    ServerException cause = assertInstanceOf(ServerException.class, e.failure());
    assertSame(cause, e.getCause());
    assertTrue(wm.findAll(deleteRequestedFor(urlPathEqualTo(BULK_PATH))).stream()
        .noneMatch(r -> r.getBodyAsString().contains(ids.get(100).value())), "the third request was never sent");
  }

  @Test
  void aFirstRequestThatFailsFailsAsItIs() {
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).willReturn(json(404, error("NOT_FOUND", "Not found"))));
    assertInstanceOf(NotFoundException.class, failure(async().delete(ids(3))));
  }

  @Test
  void cancellingTheMultiIdDeleteCancelsTheRequestInFlightAndSendsNoMore() throws Exception {
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH))
        .willReturn(json(200, deleted(50)).withFixedDelay(AsyncCancellation.ANSWER_DELAY_MILLIS)));
    AsyncCancellation.cancelsTheCallInFlight(http, wm, () -> async().delete(ids(120)));
  }

  @Test
  void cancellingTheSummaryCancelsItsCall() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/summary"))
        .willReturn(json(200, SUMMARY).withFixedDelay(AsyncCancellation.ANSWER_DELAY_MILLIS)));
    AsyncCancellation.cancelsTheCallInFlight(http, wm, () -> async().analyticsSummary());
  }
}
