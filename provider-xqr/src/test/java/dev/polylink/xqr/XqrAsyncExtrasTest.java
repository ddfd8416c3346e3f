package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.NotFoundException;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.testing.AsyncCancellation;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * xQR's typed extra without blocking, {@link XqrAsyncClient#analyticsSummary}: the same request and
 * mapping as the blocking call, vendor errors as the blocking exception, a null period as a failed
 * future with nothing sent, and cancellation of the call in flight.
 */
class XqrAsyncExtrasTest extends XqrWireMockTest {
  private static final String SUMMARY = "/api/v1/analytics/summary";
  private static final String ANSWER = "{\"data\": {\"total_scans\": 90, \"top_links\": []}, \"meta\": {}}";

  private final OkHttpClient http = new OkHttpClient();

  @Override
  protected XqrClient newClient() {
    return XqrClient.builder().apiKey(XqrFixtures.DOCUMENTED_KEY).baseUrl(wm.baseUrl() + "/api")
        .httpClient(http).retryPolicy(RetryPolicy.defaults()).sleeper(sleeper).scheduledExecutorService(scheduler)
        .rateLimit(RateLimit.none()).build();
  }

  private static Throwable failure(CompletableFuture<?> future) {
    return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void theAsyncViewIsTyped() {
    XqrAsyncClient async = client.async();
    assertEquals(XqrClient.PROVIDER_ID, async.providerId());
  }

  @Test
  void analyticsSummaryAnswersAsTheBlockingCall() throws Exception {
    wm.stubFor(get(urlPathEqualTo(SUMMARY)).withQueryParam("period", equalTo("30d")).willReturn(json(200, ANSWER)));
    XqrAnalyticsSummary blocking = client.analyticsSummary(XqrSummaryPeriod.DAYS_30);
    XqrAnalyticsSummary summary = client.async().analyticsSummary(XqrSummaryPeriod.DAYS_30).get(10, TimeUnit.SECONDS);
    assertEquals(blocking, summary);
    assertEquals(OptionalLong.of(90), summary.totalScans());
    assertEquals(List.of(), summary.data().get("top_links"));
    assertEquals(XqrSummaryPeriod.DAYS_30, summary.period());
    wm.verify(2, getRequestedFor(urlPathEqualTo(SUMMARY)).withQueryParam("period", equalTo("30d")));
  }

  @Test
  void aVendorErrorFailsTheFutureWithTheBlockingException() {
    String body = "{\"error\": {\"code\": \"NOT_FOUND\", \"message\": \"Not found\"}, \"meta\": {\"request_id\": \"req_s404\"}}";
    wm.stubFor(get(urlPathEqualTo(SUMMARY)).willReturn(json(404, body)));
    NotFoundException blocking = assertThrows(NotFoundException.class, () -> client.analyticsSummary(XqrSummaryPeriod.ALL));
    NotFoundException e = assertInstanceOf(NotFoundException.class, failure(client.async().analyticsSummary(XqrSummaryPeriod.ALL)));
    assertEquals(blocking.getMessage(), e.getMessage());
    assertEquals(blocking.requestId(), e.requestId());
    assertEquals(blocking.responseBody(), e.responseBody());
    assertEquals(404, e.statusCode());
  }

  @Test
  void aNullPeriodIsAFailedFutureAndNothingIsSent() {
    assertInstanceOf(NullPointerException.class, failure(client.async().analyticsSummary(null)));
    assertNoRequests();
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    wm.stubFor(get(urlPathEqualTo(SUMMARY))
        .willReturn(json(200, ANSWER).withFixedDelay(AsyncCancellation.ANSWER_DELAY_MILLIS)));
    AsyncCancellation.cancelsTheCallInFlight(http, wm, () -> client.async().analyticsSummary(XqrSummaryPeriod.DAYS_7));
    assertTrue(wm.findAllUnmatchedRequests().isEmpty());
  }
}
