package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.LinkId;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.testing.AsyncCancellation;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * ShortPen's typed extra without blocking, {@link ShortpenAsyncClient#delete(java.util.Collection)}:
 * the exact multi-id body and count of the blocking call, its errors, checks as a failed future
 * with nothing sent, and cancellation of the call in flight.
 */
class ShortpenAsyncExtrasTest extends ShortpenWireMockTest {
  private final OkHttpClient http = new OkHttpClient();

  @Override
  protected ShortpenClient newClient() {
    return client(b -> b.defaultDomainId(1).httpClient(http).scheduledExecutorService(scheduler).rateLimit(RateLimit.none()));
  }

  private static String deleted(int count) {
    return "{\"success\": true, \"status_code\": 200, \"data\": {\"deleted\": " + count + "}, \"message\": \"\"}";
  }

  private static Throwable failure(CompletableFuture<?> future) {
    return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void multiIdDeleteSendsTheBlockingBodyOnceAndReturnsTheCount() throws Exception {
    wm.stubFor(delete(urlEqualTo("/v1/links"))
        .withRequestBody(equalToJson("{\"url_id\": [501, 502, 7]}", false, false))
        .willReturn(json(200, deleted(2))));
    ShortpenAsyncClient async = client.async();
    OptionalInt count = async.delete(List.of(LinkId.of(501), LinkId.of(502), LinkId.of(501), LinkId.of(7)))
        .get(10, TimeUnit.SECONDS);
    assertEquals(OptionalInt.of(2), count);
    wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/links"))
        .withRequestBody(equalToJson("{\"url_id\": [501, 502, 7]}", false, false)));
  }

  @Test
  void nothingMatchedIsTheBlockingNotFound() {
    wm.stubFor(delete(urlEqualTo("/v1/links"))
        .willReturn(json(404, ShortpenFixtures.error(404, "No matching links found."))));
    List<LinkId> ids = List.of(LinkId.of(501), LinkId.of(502));
    NotFoundException blocking = assertThrows(NotFoundException.class, () -> client.delete(ids));
    NotFoundException e = assertInstanceOf(NotFoundException.class, failure(client.async().delete(ids)));
    assertEquals(blocking.getMessage(), e.getMessage());
    assertEquals(blocking.responseBody(), e.responseBody());
  }

  @Test
  void malformedIdsAndNoIdsAreFailedFuturesAndNothingIsSent() {
    RequestValidationException e = assertInstanceOf(RequestValidationException.class, failure(client.async()
        .delete(List.of(LinkId.of(501), LinkId.of("abc"), LinkId.of("1b4e28ba-2fa1-11d2-883f-0016d3cca427")))));
    assertEquals(2, e.violations().size(), e.violations().toString());
    assertInstanceOf(RequestValidationException.class, failure(client.async().delete(List.<LinkId>of())));
    assertNoRequests();
  }

  @Test
  void cancellingTheFutureCancelsTheCall() throws Exception {
    wm.stubFor(delete(urlEqualTo("/v1/links"))
        .willReturn(json(200, deleted(1)).withFixedDelay(AsyncCancellation.ANSWER_DELAY_MILLIS)));
    AsyncCancellation.cancelsTheCallInFlight(http, wm, () -> client.async().delete(List.of(LinkId.of(501))));
    assertTrue(wm.findAllUnmatchedRequests().isEmpty());
  }
}
