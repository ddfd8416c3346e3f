package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Page;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import dev.polylink.core.testing.AsyncCancellation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * CarrierX's typed extras without blocking ({@link CarrierxAsyncClient}): {@code replace}'s GET and
 * exact PUT as two steps of one future, the filtered list, vendor errors as the blocking
 * exceptions, checks as failed futures with nothing sent, and cancellation between or during the
 * steps.
 */
class CarrierxAsyncExtrasTest extends CarrierxWireMockTest {
  private static final LinkId ID = LinkId.of(CarrierxFixtures.SID);
  private static final String LINK = CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID;

  private final OkHttpClient http = new OkHttpClient();

  @Override
  protected CarrierxClient newClient() {
    return builder().httpClient(http).scheduledExecutorService(scheduler).rateLimit(RateLimit.none()).build();
  }

  private CarrierxAsyncClient async() {
    return client.async();
  }

  private static Throwable failure(CompletableFuture<?> future) {
    return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void replaceReadsTheLinkThenPutsItWholeWithTheClearedExpiry() throws Exception {
    String stored = fixture("link-with-ttl.json").replace("5f0c9a52-3c1e-4b7a-9d55-2f4b8c1e6a10", CarrierxFixtures.SID);
    String expectedPut = stored.replace("\"maximum_ttl\": 86400", "\"maximum_ttl\": -1");
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, stored)));
    wm.stubFor(put(urlEqualTo(LINK)).withRequestBody(equalToJson(expectedPut, false, false))
        .willReturn(json(200, expectedPut)));
    Link blocking = client.replace(ID, LinkPatch.builder().clearExpiresAt().build());
    List<String> blockingRequests = requestLines();
    wm.resetRequests();
    Link link = async().replace(ID, LinkPatch.builder().clearExpiresAt().build()).get(10, TimeUnit.SECONDS);
    assertEquals(blocking, link);
    assertEquals(Optional.empty(), link.expiresAt());
    assertEquals(List.of("GET " + LINK, "PUT " + LINK), requestLines());
    assertEquals(blockingRequests, requestLines());
    wm.verify(1, putRequestedFor(urlEqualTo(LINK)).withRequestBody(equalToJson(expectedPut, false, false)));
    wm.verify(0, patchRequestedFor(anyUrl()));
  }

  @Test
  void aMissingLinkIsTheBlockingNotFoundAndNothingIsPut() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(404, "{\"message\": \"Cannot find item by SID\"}")));
    NotFoundException blocking = assertThrows(NotFoundException.class,
        () -> client.replace(ID, LinkPatch.builder().slug("x1").build()));
    NotFoundException e = assertInstanceOf(NotFoundException.class,
        failure(async().replace(ID, LinkPatch.builder().slug("x1").build())));
    assertEquals(blocking.getMessage(), e.getMessage());
    assertEquals(blocking.responseBody(), e.responseBody());
    wm.verify(0, putRequestedFor(anyUrl()));
  }

  @Test
  void badPatchesAreFailedFuturesBeforeTheRead() {
    assertInstanceOf(RequestValidationException.class, failure(async().replace(ID, LinkPatch.builder().build())));
    assertInstanceOf(RequestValidationException.class,
        failure(async().replace(LinkId.of("42"), LinkPatch.builder().slug("x").build())));
    assertInstanceOf(UnsupportedFieldException.class, failure(async().replace(ID, LinkPatch.builder().title("t").build())));
    assertNoRequests();
  }

  @Test
  void cancellingReplaceDuringTheReadSendsNoPut() throws Exception {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, CarrierxFixtures.documentedLink())
        .withFixedDelay(AsyncCancellation.ANSWER_DELAY_MILLIS)));
    AsyncCancellation.cancelsTheCallInFlight(http, wm,
        () -> async().replace(ID, LinkPatch.builder().destination("https://example.com/x").build()));
    wm.verify(0, putRequestedFor(anyUrl()));
  }

  @Test
  void aFilteredListSendsTheExpressionAsIs() throws Exception {
    String filter = "destination_url like '%example%'";
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS)).withQueryParam("filter", equalTo(filter))
        .willReturn(json(200, fixture("list-links-page-2.json"))));
    Page<Link> blocking = client.list(filter, ListLinksRequest.defaults());
    Page<Link> page = async().list(filter, ListLinksRequest.defaults()).get(10, TimeUnit.SECONDS);
    assertEquals(blocking, page);
    assertEquals(1, page.items().size());
    assertEquals(2, requests().size());
    assertEquals(requests().get(0).getUrl(), requests().get(1).getUrl());
  }

  @Test
  void aBlankOrNullFilterIsAFailedFuture() {
    assertInstanceOf(RequestValidationException.class, failure(async().list(" ", ListLinksRequest.defaults())));
    assertInstanceOf(NullPointerException.class, failure(async().list(null, ListLinksRequest.defaults())));
    assertNoRequests();
  }

  @Test
  void cancellingTheFilteredListCancelsItsCall() throws Exception {
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS))
        .willReturn(json(200, fixture("list-links-page-2.json")).withFixedDelay(AsyncCancellation.ANSWER_DELAY_MILLIS)));
    AsyncCancellation.cancelsTheCallInFlight(http, wm, () -> async().list("hits gt 1", ListLinksRequest.defaults()));
  }
}
