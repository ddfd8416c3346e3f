package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.ConflictException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import dev.polylink.core.UnsupportedFieldException;
import dev.polylink.core.spi.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** xQR's bulk create and bulk status on WireMock: exact batch bodies, partial answers, whole-batch failures, validation first. */
class XqrBulkTest extends XqrWireMockTest {
  private static final String BULK = "/api/v1/links/bulk";
  private static final String STATUS = "/api/v1/links/bulk/status";

  static String uuid(int i) {
    return String.format("00000000-0000-4000-8000-%012d", i);
  }

  static String slug(int i) {
    return String.format("sl-%04d", i);
  }

  static CreateLinkRequest request(int i) {
    return CreateLinkRequest.builder().destination("https://example.com/p" + i).slug(slug(i)).build();
  }

  static String itemBody(int i) {
    return "{\"url\":\"https://example.com/p" + i + "\",\"custom_slug\":\"" + slug(i) + "\"}";
  }

  static String createdLink(int i) {
    return "{\"id\":\"" + uuid(i) + "\",\"short_url\":\"https://xqr.co/" + slug(i) + "\",\"short_code\":\""
        + slug(i) + "\",\"destination\":\"https://example.com/p" + i + "\",\"enabled\":true}";
  }

  static String bulkBody(IntStream indexes) {
    return "{\"links\":[" + indexes.mapToObj(XqrBulkTest::itemBody).collect(Collectors.joining(",")) + "]}";
  }

  static String answer(List<String> created, List<String> errors) {
    return "{\"data\":{\"created\":[" + String.join(",", created) + "],\"errors\":[" + String.join(",", errors)
        + "]},\"meta\":{\"request_id\":\"req_bulk\"}}";
  }

  static List<String> created(IntStream indexes) {
    return indexes.mapToObj(XqrBulkTest::createdLink).collect(Collectors.toList());
  }

  private void stubBatch(int from, int to, int status, String body) {
    wm.stubFor(post(urlPathEqualTo(BULK))
        .withRequestBody(equalToJson(bulkBody(IntStream.range(from, to)), false, false))
        .willReturn(json(status, body)));
  }

  private static List<CreateLinkRequest> requests(int n) {
    return IntStream.range(0, n).mapToObj(XqrBulkTest::request).collect(Collectors.toList());
  }

  @Test
  void capabilitiesDeclareTheBulkEndpoints() {
    assertEquals(100, XqrClient.CAPABILITIES.bulk(Operation.CREATE).orElseThrow().maxBatchSize());
    assertEquals(200, XqrClient.CAPABILITIES.bulk(Operation.UPDATE).orElseThrow().maxBatchSize());
    assertTrue(XqrClient.CAPABILITIES.bulk(Operation.DELETE).isEmpty());
  }

  @Test
  void twoHundredFiftyCreatesAreThreeRequestsOf100_100_50() {
    stubBatch(0, 100, 201, answer(created(IntStream.range(0, 100)), List.of()));
    stubBatch(100, 200, 201, answer(created(IntStream.range(100, 200)), List.of()));
    stubBatch(200, 250, 200, answer(created(IntStream.range(200, 250)), List.of()));

    BulkResult<Link> result = client.createAll(requests(250));

    wm.verify(3, postRequestedFor(urlPathEqualTo(BULK)));
    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK)).withRequestBody(equalToJson(bulkBody(IntStream.range(0, 100)))));
    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK)).withRequestBody(equalToJson(bulkBody(IntStream.range(100, 200)))));
    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK)).withRequestBody(equalToJson(bulkBody(IntStream.range(200, 250)))));
    assertEquals(250, result.succeededCount());
    for (int i = 0; i < 250; i++) {
      Link link = result.items().get(i).value().orElseThrow();
      assertEquals(uuid(i), link.id().value());
      assertEquals(slug(i), link.shortCode());
    }
    // Only what xQR returned: no clicks, no labels, no timestamps it did not send.
    Link first = result.items().get(0).value().get();
    assertTrue(first.clicks().isEmpty());
    assertTrue(first.createdAt().isEmpty());
    assertEquals(Json.toPlainMap(Json.tryParse(createdLink(0)).get()), first.providerFields());
  }

  @Test
  void partialFailureMapsCreatedAndErrorsExactly() {
    String error = "{\"index\":1,\"custom_slug\":\"" + slug(1) + "\",\"code\":\"SLUG_TAKEN\","
        + "\"message\":\"The slug 'sl-0001' is already in use.\"}";
    stubBatch(0, 3, 200, answer(List.of(createdLink(0), createdLink(2)), List.of(error)));

    BulkResult<Link> result = client.createAll(requests(3));

    assertEquals(2, result.succeededCount());
    assertEquals(slug(0), result.items().get(0).value().orElseThrow().shortCode());
    assertEquals(slug(2), result.items().get(2).value().orElseThrow().shortCode());
    ConflictException taken = assertInstanceOf(ConflictException.class, result.items().get(1).failure().orElseThrow());
    assertEquals(409, taken.statusCode());
    assertEquals("SLUG_TAKEN", taken.errorCode().orElseThrow());
    assertEquals("The slug 'sl-0001' is already in use.", taken.vendorMessage().orElseThrow());
    assertEquals("req_bulk", taken.requestId().orElseThrow());
    assertEquals(Json.tryParse(error).get(), Json.tryParse(taken.responseBody()).get());
  }

  @Test
  void errorsWithoutIndexAreMatchedBySlugAndUnreportedItemsAreNeverSuccesses() {
    // A lenient errors item (no index, a nested error), and item 2 appears nowhere in the answer.
    String error = "{\"slug\":\"" + slug(1) + "\",\"error\":{\"code\":\"PLAN_LIMIT_EXCEEDED\",\"message\":\"limit\"}}";
    stubBatch(0, 3, 201, answer(List.of(createdLink(0)), List.of(error)));

    BulkResult<Link> result = client.createAll(requests(3));

    assertTrue(result.items().get(0).succeeded());
    ApiExceptionCheck.assertStatus(403, "PLAN_LIMIT_EXCEEDED", result.items().get(1));
    TransportException unknown = assertInstanceOf(TransportException.class, result.items().get(2).failure().orElseThrow());
    assertTrue(unknown.requestMayHaveBeenProcessed());
  }

  @Test
  void createdLinksWithoutSlugAreMatchedByDestination() {
    List<CreateLinkRequest> requests = List.of(
        CreateLinkRequest.builder().destination("https://example.com/a").build(),
        CreateLinkRequest.builder().destination("https://example.com/b").build());
    wm.stubFor(post(urlPathEqualTo(BULK))
        .withRequestBody(equalToJson("{\"links\":[{\"url\":\"https://example.com/a\"},{\"url\":\"https://example.com/b\"}]}"))
        .willReturn(json(201, answer(List.of(
            "{\"id\":\"" + uuid(2) + "\",\"short_url\":\"https://xqr.co/bbbbbbb\",\"short_code\":\"bbbbbbb\",\"destination\":\"https://example.com/b\"}",
            "{\"id\":\"" + uuid(1) + "\",\"short_url\":\"https://xqr.co/aaaaaaa\",\"short_code\":\"aaaaaaa\",\"destination\":\"https://example.com/a\"}"),
            List.of()))));

    BulkResult<Link> result = client.createAll(requests);

    assertEquals("aaaaaaa", result.items().get(0).value().orElseThrow().shortCode());
    assertEquals("bbbbbbb", result.items().get(1).value().orElseThrow().shortCode());
  }

  @Test
  void aBatchFailingAsAWholeFailsEachOfItsItemsOnly() {
    stubBatch(0, 100, 500, "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"boom\",\"status\":500},\"meta\":{\"request_id\":\"req_500\"}}");
    stubBatch(100, 200, 429, "{\"error\":{\"code\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"Monthly quota\",\"status\":429},\"meta\":{}}");
    stubBatch(200, 250, 201, answer(created(IntStream.range(200, 250)), List.of()));

    BulkResult<Link> result = client.createAll(requests(250));

    PolylinkException first = result.items().get(0).failure().orElseThrow();
    assertInstanceOf(ServerException.class, first);
    PolylinkException quota = result.items().get(100).failure().orElseThrow();
    assertTrue(assertInstanceOf(RateLimitException.class, quota).quotaExhausted());
    for (int i = 0; i < 100; i++) {
      assertSame(first, result.items().get(i).failure().orElseThrow());
      assertSame(quota, result.items().get(100 + i).failure().orElseThrow());
    }
    for (int i = 200; i < 250; i++) {
      assertTrue(result.items().get(i).succeeded());
    }
    assertEquals(50, result.succeededCount());
    // A POST that may have been processed is never sent twice: one request per batch.
    wm.verify(3, postRequestedFor(urlPathEqualTo(BULK)));
  }

  @Test
  void invalidItemsFailAloneAndAreNotSent() {
    List<CreateLinkRequest> requests = new ArrayList<>();
    requests.add(request(0));
    requests.add(CreateLinkRequest.builder().destination("https://example.com/x").slug("a").build());
    requests.add(CreateLinkRequest.builder().destination("https://example.com/x").title("no titles at xQR").build());
    requests.add(request(3));
    requests.add(CreateLinkRequest.builder().destination("https://example.com/x").labels(labels(11)).build());
    wm.stubFor(post(urlPathEqualTo(BULK))
        .withRequestBody(equalToJson("{\"links\":[" + itemBody(0) + "," + itemBody(3) + "]}"))
        .willReturn(json(201, answer(List.of(createdLink(0), createdLink(3)), List.of()))));

    BulkResult<Link> result = client.createAll(requests);

    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK)));
    assertTrue(result.items().get(0).succeeded());
    RequestValidationException slugRule =
        assertInstanceOf(RequestValidationException.class, result.items().get(1).failure().orElseThrow());
    assertTrue(slugRule.getMessage().contains("slug"), slugRule.getMessage());
    assertInstanceOf(UnsupportedFieldException.class, result.items().get(2).failure().orElseThrow());
    assertTrue(result.items().get(3).succeeded());
    RequestValidationException labelRule =
        assertInstanceOf(RequestValidationException.class, result.items().get(4).failure().orElseThrow());
    assertTrue(labelRule.getMessage().contains("labels"), labelRule.getMessage());
  }

  @Test
  void nothingIsSentWhenEveryItemIsInvalid() {
    BulkResult<Link> result = client.createAll(List.of(
        CreateLinkRequest.builder().destination("https://example.com/x").slug("a").build()));
    assertEquals(1, result.failedCount());
    assertNoRequests();
  }

  private static String statusBody(IntStream ids, boolean enabled) {
    return "{\"ids\":[" + ids.mapToObj(i -> "\"" + uuid(i) + "\"").collect(Collectors.joining(",")) + "],\"enabled\":"
        + enabled + "}";
  }

  private static List<LinkId> ids(int n) {
    return IntStream.range(0, n).mapToObj(i -> LinkId.of(uuid(i))).collect(Collectors.toList());
  }

  @Test
  void enabledOnlyPatchesGoToBulkStatus200AtATime() {
    wm.stubFor(patch(urlPathEqualTo(STATUS)).withRequestBody(equalToJson(statusBody(IntStream.range(0, 200), false)))
        .willReturn(json(200, "{\"data\":{\"updated\":200},\"meta\":{\"request_id\":\"r1\"}}")));
    wm.stubFor(patch(urlPathEqualTo(STATUS)).withRequestBody(equalToJson(statusBody(IntStream.range(200, 250), false)))
        .willReturn(json(200, "{\"data\":{\"updated\":50},\"meta\":{\"request_id\":\"r2\"}}")));

    BulkResult<Link> result = client.updateAll(ids(250), LinkPatch.builder().enabled(false).build());

    wm.verify(2, patchRequestedFor(urlPathEqualTo(STATUS)));
    assertEquals(250, result.succeededCount());
    BulkItem<Link> item = result.items().get(7);
    assertTrue(item.confirmedWithoutValue());
    assertTrue(item.value().isEmpty(), "xQR returned no link: none is made up");
    assertEquals(List.of(), result.values());
  }

  @Test
  void mixedPatchesAreGroupedByEnabledAndTheRestSentSingly() {
    Map<LinkId, LinkPatch> patches = new LinkedHashMap<>();
    patches.put(LinkId.of(uuid(0)), LinkPatch.builder().enabled(true).build());
    patches.put(LinkId.of(uuid(1)), LinkPatch.builder().enabled(false).build());
    patches.put(LinkId.of(uuid(2)), LinkPatch.builder().destination("https://example.com/new").build());
    patches.put(LinkId.of(uuid(3)), LinkPatch.builder().enabled(true).build());
    patches.put(LinkId.of("not-a-uuid"), LinkPatch.builder().enabled(true).build());
    wm.stubFor(patch(urlPathEqualTo(STATUS)).withRequestBody(equalToJson("{\"ids\":[\"" + uuid(0) + "\",\"" + uuid(3)
        + "\"],\"enabled\":true}")).willReturn(json(200, "{\"data\":{\"updated\":2},\"meta\":{}}")));
    wm.stubFor(patch(urlPathEqualTo(STATUS)).withRequestBody(equalToJson("{\"ids\":[\"" + uuid(1) + "\"],\"enabled\":false}"))
        .willReturn(json(200, "{\"data\":{\"updated\":1},\"meta\":{}}")));
    wm.stubFor(patch(urlPathEqualTo("/api/v1/links/" + uuid(2)))
        .withRequestBody(equalToJson("{\"url\":\"https://example.com/new\"}"))
        .willReturn(json(200, "{\"data\":" + linkJson(uuid(2), "ccccccc") + ",\"meta\":{}}")));

    BulkResult<Link> result = client.updateAll(patches);

    wm.verify(2, patchRequestedFor(urlPathEqualTo(STATUS)));
    wm.verify(1, patchRequestedFor(urlPathEqualTo("/api/v1/links/" + uuid(2))));
    assertEquals(3, requests().size());
    assertTrue(result.items().get(0).confirmedWithoutValue());
    assertTrue(result.items().get(1).confirmedWithoutValue());
    assertEquals("ccccccc", result.items().get(2).value().orElseThrow().shortCode());
    assertTrue(result.items().get(3).confirmedWithoutValue());
    assertInstanceOf(RequestValidationException.class, result.items().get(4).failure().orElseThrow());
  }

  @Test
  void aShortCountIsResolvedByReadingTheIdsBack() {
    wm.stubFor(patch(urlPathEqualTo(STATUS)).withRequestBody(equalToJson(statusBody(IntStream.range(0, 3), false)))
        .willReturn(json(200, "{\"data\":{\"updated\":2},\"meta\":{}}")));
    for (int i : new int[] {0, 2}) {
      wm.stubFor(get(urlPathEqualTo("/api/v1/links/" + uuid(i))).willReturn(json(200, "{\"data\":"
          + linkJson(uuid(i), "code00" + i).replace("\"enabled\": true", "\"enabled\": false") + ",\"meta\":{}}")));
    }
    wm.stubFor(get(urlPathEqualTo("/api/v1/links/" + uuid(1))).willReturn(json(404,
        "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Link not found.\",\"status\":404},\"meta\":{}}")));

    BulkResult<Link> result = client.updateAll(ids(3), LinkPatch.builder().enabled(false).build());

    wm.verify(1, patchRequestedFor(urlPathEqualTo(STATUS)));
    assertEquals("code000", result.items().get(0).value().orElseThrow().shortCode());
    assertEquals(false, result.items().get(0).value().get().enabled().orElseThrow());
    assertInstanceOf(NotFoundException.class, result.items().get(1).failure().orElseThrow());
    assertEquals("code002", result.items().get(2).value().orElseThrow().shortCode());
  }

  @Test
  void aWholeBulkStatusFailureFailsEachOfItsIds() {
    wm.stubFor(patch(urlPathEqualTo(STATUS)).willReturn(json(429,
        "{\"error\":{\"code\":\"RATE_LIMIT_EXCEEDED\",\"message\":\"quota\",\"status\":429},\"meta\":{}}")));
    BulkResult<Link> result = client.updateAll(ids(3), LinkPatch.builder().enabled(true).build());
    assertEquals(3, result.failedCount());
    PolylinkException failure = result.items().get(0).failure().orElseThrow();
    assertInstanceOf(RateLimitException.class, failure);
    assertSame(failure, result.items().get(2).failure().orElseThrow());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(STATUS)));
  }

  @Test
  void deleteAllIsOneRequestPerIdAfterCheckingEveryId() {
    wm.stubFor(WireMock.delete(urlPathMatching("/api/v1/links/.*")).willReturn(WireMock.aResponse().withStatus(204)));
    List<LinkId> ids = new ArrayList<>(ids(3));
    ids.add(1, LinkId.of("42"));

    BulkResult<LinkId> result = client.deleteAll(ids);

    wm.verify(3, deleteRequestedFor(urlPathMatching("/api/v1/links/.*")));
    assertInstanceOf(RequestValidationException.class, result.items().get(1).failure().orElseThrow());
    assertEquals(List.of(LinkId.of(uuid(0)), LinkId.of(uuid(1)), LinkId.of(uuid(2))), result.values());
    assertFalse(result.allSucceeded());
  }

  @Test
  void bulkConcurrencyIsABuilderOptionAndOneMeansInputOrder() {
    RequestValidationException e = org.junit.jupiter.api.Assertions.assertThrows(RequestValidationException.class,
        () -> XqrClient.builder().bulkConcurrency(0));
    assertTrue(e.getMessage().contains("bulkConcurrency"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(RequestValidationException.class,
        () -> XqrClient.builder().bulkConcurrency(65));
    wm.stubFor(WireMock.delete(urlPathMatching("/api/v1/links/.*")).willReturn(WireMock.aResponse().withStatus(204)));
    try (XqrClient sequential = XqrClient.builder().apiKey(XqrFixtures.DOCUMENTED_KEY).baseUrl(wm.baseUrl() + "/api")
        .clock(sleeper.clock()).sleeper(sleeper).bulkConcurrency(1).build()) {
      sequential.deleteAll(ids(12));
    }
    assertEquals(IntStream.range(0, 12).mapToObj(i -> "DELETE /api/v1/links/" + uuid(i)).collect(Collectors.toList()),
        requestLines());
  }

  @Test
  void aBulkStatusResentAfterALostAnswerIsConfirmedByReadingBack() {
    wm.stubFor(patch(urlPathEqualTo(STATUS)).inScenario("lost").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("again"));
    wm.stubFor(patch(urlPathEqualTo(STATUS)).inScenario("lost").whenScenarioStateIs("again")
        .willReturn(json(200, "{\"data\":{\"updated\":2},\"meta\":{}}")));
    for (int i = 0; i < 2; i++) {
      wm.stubFor(get(urlPathEqualTo("/api/v1/links/" + uuid(i))).willReturn(json(200, "{\"data\":"
          + linkJson(uuid(i), "code00" + i).replace("\"enabled\": true", "\"enabled\": false") + ",\"meta\":{}}")));
    }

    BulkResult<Link> result = client.updateAll(ids(2), LinkPatch.builder().enabled(false).build());

    // the count of a resent request covers its own attempt only: the links are read back
    wm.verify(2, patchRequestedFor(urlPathEqualTo(STATUS)).withRequestBody(equalToJson(statusBody(IntStream.range(0, 2), false))));
    assertEquals(List.of("code000", "code001"), result.values().stream().map(Link::shortCode).collect(Collectors.toList()));
  }

  @Test
  void aBulkCreateWhoseAnswerIsLostIsNotResentAndItsItemsMayHaveBeenCreated() {
    wm.stubFor(post(urlPathEqualTo(BULK)).willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    BulkResult<Link> result = client.createAll(requests(3));

    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK)));
    for (int i = 0; i < 3; i++) {
      TransportException e = assertInstanceOf(TransportException.class, result.items().get(i).failure().orElseThrow());
      assertTrue(e.requestMayHaveBeenProcessed());
    }
  }

  /** Asserts the status and vendor code of a failed item. */
  static final class ApiExceptionCheck {
    static void assertStatus(int status, String code, BulkItem<?> item) {
      dev.polylink.core.ApiException e =
          assertInstanceOf(dev.polylink.core.ApiException.class, item.failure().orElseThrow());
      assertEquals(status, e.statusCode());
      assertEquals(code, e.errorCode().orElseThrow());
    }
  }

  @Test
  void aNullIdOrPatchFailsItsItemAloneUnsent() {
    Map<LinkId, LinkPatch> patches = new LinkedHashMap<>();
    patches.put(null, LinkPatch.builder().enabled(true).build());
    patches.put(LinkId.of(uuid(1)), null);

    BulkResult<Link> result = client.updateAll(patches);

    assertEquals(List.of("id: must not be null"), assertInstanceOf(RequestValidationException.class,
        result.items().get(0).failure().orElseThrow()).violations());
    assertEquals(List.of("patch: must not be null"), assertInstanceOf(RequestValidationException.class,
        result.items().get(1).failure().orElseThrow()).violations());
    assertNoRequests();
  }
}
