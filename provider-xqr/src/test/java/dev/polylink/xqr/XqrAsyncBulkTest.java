package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkResult;
import dev.polylink.core.ConflictException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.UnsupportedFieldException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code client.async()}'s bulk on xQR's bulk endpoints: the blocking path's batches, bodies and checks. */
class XqrAsyncBulkTest extends XqrWireMockTest {
  private static final String BULK = "/api/v1/links/bulk";
  private static final String STATUS = "/api/v1/links/bulk/status";

  @Override
  protected XqrClient newClient() {
    return XqrClient.builder()
        .apiKey(XqrFixtures.DOCUMENTED_KEY)
        .baseUrl(wm.baseUrl() + "/api")
        .retryPolicy(RetryPolicy.defaults())
        .sleeper(sleeper)
        .scheduledExecutorService(scheduler)
        .rateLimit(RateLimit.none())
        .build();
  }

  private static <T> T done(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private static List<CreateLinkRequest> requests(int n) {
    return IntStream.range(0, n).mapToObj(XqrBulkTest::request).collect(Collectors.toList());
  }

  private void stubBatch(int from, int to, int status, String body) {
    wm.stubFor(post(urlPathEqualTo(BULK))
        .withRequestBody(equalToJson(XqrBulkTest.bulkBody(IntStream.range(from, to)), false, false))
        .willReturn(json(status, body)));
  }

  @Test
  void twoHundredFiftyAsyncCreatesAreThreeBulkRequestsOf100_100_50() throws Exception {
    stubBatch(0, 100, 201, XqrBulkTest.answer(XqrBulkTest.created(IntStream.range(0, 100)), List.of()));
    stubBatch(100, 200, 201, XqrBulkTest.answer(XqrBulkTest.created(IntStream.range(100, 200)), List.of()));
    stubBatch(200, 250, 200, XqrBulkTest.answer(XqrBulkTest.created(IntStream.range(200, 250)), List.of()));

    BulkResult<Link> result = done(client.async().createAll(requests(250)));

    wm.verify(3, postRequestedFor(urlPathEqualTo(BULK)));
    wm.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/links")));
    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK)).withRequestBody(equalToJson(XqrBulkTest.bulkBody(IntStream.range(0, 100)))));
    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK)).withRequestBody(equalToJson(XqrBulkTest.bulkBody(IntStream.range(100, 200)))));
    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK)).withRequestBody(equalToJson(XqrBulkTest.bulkBody(IntStream.range(200, 250)))));
    assertEquals(250, result.succeededCount());
    for (int i = 0; i < 250; i++) {
      Link link = result.items().get(i).value().orElseThrow();
      assertEquals(XqrBulkTest.uuid(i), link.id().value());
      assertEquals(XqrBulkTest.slug(i), link.shortCode());
    }
  }

  @Test
  void partialAnswersAndWholeBatchFailuresAreAttributedAsInTheBlockingPath() throws Exception {
    String taken = "{\"index\":1,\"custom_slug\":\"" + XqrBulkTest.slug(101) + "\",\"code\":\"SLUG_TAKEN\","
        + "\"message\":\"taken\",\"status\":409}";
    stubBatch(0, 100, 500, "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"boom\",\"status\":500},\"meta\":{\"request_id\":\"req_500\"}}");
    stubBatch(100, 103, 201, XqrBulkTest.answer(List.of(XqrBulkTest.createdLink(100)), List.of(taken)));

    BulkResult<Link> result = done(client.async().createAll(requests(103)));

    for (int i = 0; i < 100; i++) {
      assertInstanceOf(ServerException.class, result.items().get(i).failure().orElseThrow(), "item " + i);
    }
    assertEquals(XqrBulkTest.slug(100), result.items().get(100).value().orElseThrow().shortCode());
    assertInstanceOf(ConflictException.class, result.items().get(101).failure().orElseThrow());
    dev.polylink.core.TransportException unaccounted = assertInstanceOf(dev.polylink.core.TransportException.class,
        result.items().get(102).failure().orElseThrow());
    assertTrue(unaccounted.requestMayHaveBeenProcessed());
    wm.verify(2, postRequestedFor(urlPathEqualTo(BULK)));
  }

  @Test
  void everyItemIsCheckedBeforeAnyRequestAndAnInvalidOneFailsAlone() throws Exception {
    wm.stubFor(post(urlPathEqualTo(BULK))
        .withRequestBody(equalToJson("{\"links\":[" + XqrBulkTest.itemBody(0) + "," + XqrBulkTest.itemBody(3) + "]}"))
        .willReturn(json(201, XqrBulkTest.answer(List.of(XqrBulkTest.createdLink(0), XqrBulkTest.createdLink(3)), List.of()))));
    List<CreateLinkRequest> requests = new ArrayList<>(requests(4));
    requests.set(1, CreateLinkRequest.builder().destination("https://example.com/p1").title("no titles").build());
    requests.set(2, CreateLinkRequest.builder().destination("https://example.com/p2").slug("bad slug!").build());

    BulkResult<Link> result = done(client.async().createAll(requests));

    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK)));
    assertEquals(XqrBulkTest.slug(0), result.items().get(0).value().orElseThrow().shortCode());
    assertInstanceOf(UnsupportedFieldException.class, result.items().get(1).failure().orElseThrow());
    assertInstanceOf(RequestValidationException.class, result.items().get(2).failure().orElseThrow());
    assertEquals(XqrBulkTest.slug(3), result.items().get(3).value().orElseThrow().shortCode());

    // all invalid: no request at all, each failing with its own exception
    wm.resetRequests();
    BulkResult<Link> none = done(client.async().createAll(List.of(requests.get(1), requests.get(2))));
    assertEquals(0, wm.getAllServeEvents().size());
    assertInstanceOf(UnsupportedFieldException.class, none.items().get(0).failure().orElseThrow());
    assertInstanceOf(RequestValidationException.class, none.items().get(1).failure().orElseThrow());
  }

  private static String statusBody(IntStream ids, boolean enabled) {
    return "{\"ids\":[" + ids.mapToObj(i -> "\"" + XqrBulkTest.uuid(i) + "\"").collect(Collectors.joining(","))
        + "],\"enabled\":" + enabled + "}";
  }

  @Test
  void enabledOnlyAsyncPatchesGoToBulkStatus200AtATime() throws Exception {
    wm.stubFor(patch(urlPathEqualTo(STATUS)).withRequestBody(equalToJson(statusBody(IntStream.range(0, 200), false)))
        .willReturn(json(200, "{\"data\":{\"updated\":200},\"meta\":{}}")));
    wm.stubFor(patch(urlPathEqualTo(STATUS)).withRequestBody(equalToJson(statusBody(IntStream.range(200, 250), false)))
        .willReturn(json(200, "{\"data\":{\"updated\":50},\"meta\":{}}")));
    List<LinkId> ids = IntStream.range(0, 250).mapToObj(i -> LinkId.of(XqrBulkTest.uuid(i))).collect(Collectors.toList());

    BulkResult<Link> result = done(client.async().updateAll(ids, LinkPatch.builder().enabled(false).build()));

    wm.verify(2, patchRequestedFor(urlPathEqualTo(STATUS)));
    assertEquals(250, result.succeededCount());
    assertFalse(result.items().get(0).value().isPresent(), "xQR returns a count, not links");
  }

  @Test
  void cancellingTheBulkFutureCancelsTheBatchInFlightAndSendsNoMore() throws Exception {
    client.close();
    client = XqrClient.builder().apiKey(XqrFixtures.DOCUMENTED_KEY).baseUrl(wm.baseUrl() + "/api")
        .sleeper(sleeper).scheduledExecutorService(scheduler).rateLimit(RateLimit.none()).bulkConcurrency(1).build();
    wm.stubFor(post(urlPathEqualTo(BULK)).willReturn(json(201, XqrBulkTest.answer(List.of(), List.of()))
        .withFixedDelay(5_000)));
    CompletableFuture<BulkResult<Link>> future = client.async().createAll(requests(250));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (wm.getAllServeEvents().isEmpty() && wm.findAllUnmatchedRequests().isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    long start = System.nanoTime();
    assertTrue(future.cancel(true));
    assertTrue(future.isCancelled());
    // the in-flight bulk call was cancelled: nothing further is sent, none of the other batches
    Thread.sleep(50);
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "cancel did not wait for the answer");
    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK)));
  }

  @Test
  void mixedAsyncPatchesAreGroupedByEnabledAndTheRestSentSinglyAsInTheBlockingPath() throws Exception {
    java.util.Map<LinkId, LinkPatch> patches = new java.util.LinkedHashMap<>();
    patches.put(LinkId.of(XqrBulkTest.uuid(0)), LinkPatch.builder().enabled(true).build());
    patches.put(LinkId.of(XqrBulkTest.uuid(2)), LinkPatch.builder().destination("https://example.com/new").build());
    patches.put(LinkId.of(XqrBulkTest.uuid(3)), LinkPatch.builder().enabled(true).build());
    wm.stubFor(patch(urlPathEqualTo(STATUS)).withRequestBody(equalToJson("{\"ids\":[\"" + XqrBulkTest.uuid(0) + "\",\""
        + XqrBulkTest.uuid(3) + "\"],\"enabled\":true}", false, false)).willReturn(json(200, "{\"data\":{\"updated\":2},\"meta\":{}}")));
    wm.stubFor(patch(urlPathEqualTo("/api/v1/links/" + XqrBulkTest.uuid(2)))
        .withRequestBody(equalToJson("{\"url\":\"https://example.com/new\"}", false, false))
        .willReturn(json(200, "{\"data\":" + linkJson(XqrBulkTest.uuid(2), "ccccccc") + ",\"meta\":{}}")));

    BulkResult<Link> result = done(client.async().updateAll(patches));

    wm.verify(1, patchRequestedFor(urlPathEqualTo(STATUS)));
    wm.verify(1, patchRequestedFor(urlPathEqualTo("/api/v1/links/" + XqrBulkTest.uuid(2))));
    assertTrue(result.items().get(0).confirmedWithoutValue());
    assertEquals("ccccccc", result.items().get(1).value().orElseThrow().shortCode());
    assertTrue(result.items().get(2).confirmedWithoutValue());
  }

  @Test
  void aShortAsyncCountIsResolvedByReadingTheIdsBack() throws Exception {
    wm.stubFor(patch(urlPathEqualTo(STATUS)).withRequestBody(equalToJson(statusBody(IntStream.range(0, 3), false)))
        .willReturn(json(200, "{\"data\":{\"updated\":2},\"meta\":{}}")));
    for (int i : new int[] {0, 2}) {
      wm.stubFor(get(urlPathEqualTo("/api/v1/links/" + XqrBulkTest.uuid(i))).willReturn(json(200, "{\"data\":"
          + linkJson(XqrBulkTest.uuid(i), "code00" + i).replace("\"enabled\": true", "\"enabled\": false") + ",\"meta\":{}}")));
    }
    wm.stubFor(get(urlPathEqualTo("/api/v1/links/" + XqrBulkTest.uuid(1))).willReturn(json(404,
        "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Link not found.\",\"status\":404},\"meta\":{}}")));
    List<LinkId> ids = IntStream.range(0, 3).mapToObj(i -> LinkId.of(XqrBulkTest.uuid(i))).collect(Collectors.toList());

    BulkResult<Link> result = done(client.async().updateAll(ids, LinkPatch.builder().enabled(false).build()));

    wm.verify(1, patchRequestedFor(urlPathEqualTo(STATUS)));
    wm.verify(3, getRequestedFor(urlPathMatching("/api/v1/links/.*")));
    assertEquals("code000", result.items().get(0).value().orElseThrow().shortCode());
    assertEquals(false, result.items().get(0).value().get().enabled().orElseThrow());
    assertInstanceOf(dev.polylink.core.NotFoundException.class, result.items().get(1).failure().orElseThrow());
    assertEquals("code002", result.items().get(2).value().orElseThrow().shortCode());
  }
}
