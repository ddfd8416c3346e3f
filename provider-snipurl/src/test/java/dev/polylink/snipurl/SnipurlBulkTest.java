package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.ApiException;
import dev.polylink.core.BadRequestException;
import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.BulkSupport;
import dev.polylink.core.ConflictException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** createAll on POST links/bulk and deleteAll on DELETE links/bulk, 50 items a request. */
class SnipurlBulkTest extends SnipurlWireMockTest {
  private static final String BULK_PATH = "/api/v1/links/bulk";

  @Override
  protected SnipurlClient newClient() {
    return builder().bulkConcurrency(1).build();
  }

  private static CreateLinkRequest request(int i) {
    return CreateLinkRequest.builder().destination("https://example.com/" + i).slug("code-" + i).build();
  }

  private static List<CreateLinkRequest> requests(int count) {
    return IntStream.range(0, count).mapToObj(SnipurlBulkTest::request).collect(Collectors.toList());
  }

  /** {"links":[...]} as the client must send it for requests {@code from} to {@code to} - 1. */
  private static String body(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> "{\"url\":\"https://example.com/" + i + "\",\"custom_alias\":\"code-" + i + "\"}")
        .collect(Collectors.joining(",", "{\"links\":[", "]}"));
  }

  /** A success item exactly as SnipURL's bulk route writes it: shorter than a link object. */
  private static String successItem(int i) {
    return "{\"id\":\"" + uuid(i) + "\",\"short_code\":\"code-" + i + "\",\"short_url\":\"https://snipurl.click/code-"
        + i + "\",\"original_url\":\"https://example.com/" + i + "\",\"title\":\"https://example.com/" + i
        + "\",\"created_at\":\"2025-06-20T10:00:00.000Z\"}";
  }

  private static String uuid(int i) {
    return new UUID(0x1111_0000_4000L, 0x8000_0000_0000_0000L | (i + 1L)).toString();
  }

  /** The answer for requests {@code from} to {@code to} - 1, with {@code failed} as given. */
  private static String answer(int from, int to, List<Integer> failedIndexes, String failed) {
    String success = IntStream.range(from, to).filter(i -> !failedIndexes.contains(i - from))
        .mapToObj(SnipurlBulkTest::successItem).collect(Collectors.joining(","));
    return "{\"success\":true,\"data\":{\"success\":[" + success + "],\"failed\":[" + failed + "]}}";
  }

  @Test
  void theCapabilitiesDeclareBulkCreateAndBulkDeleteOfFifty() {
    assertEquals(Optional.of(BulkSupport.of(50)), SnipurlClient.CAPABILITIES.bulk(Operation.CREATE));
    assertEquals(Optional.of(BulkSupport.of(50)), SnipurlClient.CAPABILITIES.bulk(Operation.DELETE));
    assertEquals(Optional.empty(), SnipurlClient.CAPABILITIES.bulk(Operation.UPDATE));
  }

  @Test
  void sixtyCreatesAreTwoRequestsAndAFailedItemFailsAtItsIndexOnly() {
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(0, 50), false, false))
        .willReturn(json(201, answer(0, 50, List.of(), ""))));
    String failed = "{\"index\":3,\"error\":\"Alias already taken\"},{\"index\":7,\"error\":\"\\\"admin\\\" is a reserved"
        + " word and cannot be used as an alias.\"},{\"index\":9,\"error\":\"Internal error creating link\"}";
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(50, 60), false, false))
        .willReturn(json(201, answer(50, 60, List.of(3, 7, 9), failed))));

    BulkResult<Link> result = client.createAll(requests(60));

    wm.verify(2, postRequestedFor(urlPathEqualTo(BULK_PATH)));
    assertEquals(60, result.items().size());
    assertEquals(57, result.succeededCount());
    assertEquals(List.of(53, 57, 59), result.failures().stream().map(BulkItem::index).toList());
    ConflictException taken = assertInstanceOf(ConflictException.class, result.items().get(53).failure().orElseThrow());
    assertEquals(409, taken.statusCode());
    assertEquals(Optional.of("Alias already taken"), taken.vendorMessage());
    assertEquals(Optional.empty(), taken.errorCode());
    assertEquals("{\"index\":3,\"error\":\"Alias already taken\"}", taken.responseBody());
    assertEquals(Operation.CREATE, taken.operation());
    assertInstanceOf(BadRequestException.class, result.items().get(57).failure().orElseThrow());
    assertInstanceOf(ServerException.class, result.items().get(59).failure().orElseThrow());

    for (int i : List.of(0, 49, 50, 52, 54, 58)) {
      Link link = result.items().get(i).value().orElseThrow(() -> new AssertionError(result.toString()));
      assertEquals("code-" + i, link.shortCode());
      assertEquals(LinkId.of(uuid(i)), link.id());
      assertEquals(Optional.of(java.net.URI.create("https://example.com/" + i)), link.destination());
    }
    Link short54 = result.items().get(54).value().orElseThrow();
    assertEquals(Optional.of(Instant.parse("2025-06-20T10:00:00Z")), short54.createdAt());
    // What the bulk answer does not carry is unknown, not invented.
    assertEquals(Optional.empty(), short54.enabled());
    assertEquals(Optional.empty(), short54.expiresAt());
    assertEquals(Optional.empty(), short54.passwordProtected());
    assertEquals(OptionalLong.empty(), short54.clicks());
    assertEquals(Optional.empty(), short54.updatedAt());
  }

  static Stream<Arguments> wholeBatchFailures() {
    return Stream.of(
        Arguments.of(400, error("VALIDATION_ERROR", "Invalid request. Provide 1-50 links."), BadRequestException.class),
        Arguments.of(403, error("FORBIDDEN", "Link limit would be exceeded. Current: 990, limit: 1000, requested: 10."),
            PermissionDeniedException.class),
        Arguments.of(500, "", ServerException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wholeBatchFailures")
  void aBatchRefusedAsAWholeFailsEveryItemOfItAndTheOtherBatchStillRuns(
      int status, String body, Class<? extends ApiException> type) {
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(0, 50), false, false))
        .willReturn(json(201, answer(0, 50, List.of(), ""))));
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(50, 60), false, false))
        .willReturn(json(status, body)));

    BulkResult<Link> result = client.createAll(requests(60));

    wm.verify(2, postRequestedFor(urlPathEqualTo(BULK_PATH)));
    assertEquals(50, result.succeededCount());
    assertEquals(IntStream.range(50, 60).boxed().toList(), result.failures().stream().map(BulkItem::index).toList());
    PolylinkException first = result.items().get(50).failure().orElseThrow();
    ApiException api = assertInstanceOf(type, first);
    assertEquals(status, api.statusCode());
    for (int i = 51; i < 60; i++) {
      assertSame(first, result.items().get(i).failure().orElseThrow(), "the batch's one failure, for item " + i);
    }
  }

  @Test
  void invalidRequestsFailAloneAndAreNeverSent() {
    List<CreateLinkRequest> requests = new ArrayList<>(requests(4));
    requests.set(1, CreateLinkRequest.builder().destination("https://example.com/1").slug("-bad-").build());
    requests.set(2, CreateLinkRequest.builder().destination("https://example.com/2").domain("links.example.com").build());
    String sent = "{\"links\":[{\"url\":\"https://example.com/0\",\"custom_alias\":\"code-0\"},"
        + "{\"url\":\"https://example.com/3\",\"custom_alias\":\"code-3\"}]}";
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(sent, false, false))
        .willReturn(json(201, "{\"success\":true,\"data\":{\"success\":[" + successItem(0) + "," + successItem(3)
            + "],\"failed\":[]}}")));

    BulkResult<Link> result = client.createAll(requests);

    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK_PATH)));
    assertEquals("code-0", result.items().get(0).value().orElseThrow().shortCode());
    assertEquals("code-3", result.items().get(3).value().orElseThrow().shortCode());
    RequestValidationException slug =
        assertInstanceOf(RequestValidationException.class, result.items().get(1).failure().orElseThrow());
    assertTrue(slug.getMessage().contains("slug"), slug.getMessage());
    RequestValidationException domain =
        assertInstanceOf(RequestValidationException.class, result.items().get(2).failure().orElseThrow());
    assertTrue(domain.getMessage().contains("domain"), domain.getMessage());
  }

  @Test
  void onlyInvalidRequestsSendNothing() {
    BulkResult<Link> result = client.createAll(List.of(
        CreateLinkRequest.builder().destination("https://example.com").title("t".repeat(256)).build()));
    assertInstanceOf(RequestValidationException.class, result.items().get(0).failure().orElseThrow());
    assertNoRequests();
  }

  @Test
  void anAnswerThatDoesNotAddUpIsNeverTakenAsASuccess() {
    // Three sent, one failed, one created listed: the two positions left cannot be told apart.
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(0, 3), false, false))
        .willReturn(json(201, "{\"success\":true,\"data\":{\"success\":[" + successItem(0)
            + "],\"failed\":[{\"index\":1,\"error\":\"Alias already taken\"}]}}")));

    BulkResult<Link> result = client.createAll(requests(3));

    assertInstanceOf(ConflictException.class, result.items().get(1).failure().orElseThrow());
    for (int i : List.of(0, 2)) {
      TransportException e = assertInstanceOf(TransportException.class, result.items().get(i).failure().orElseThrow());
      assertTrue(e.requestMayHaveBeenProcessed(), e.getMessage());
    }
  }

  @Test
  void aSuccessItemWhoseCodeIsNotTheAliasAskedForIsNotPlaced() {
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(0, 2), false, false))
        .willReturn(json(201, "{\"success\":true,\"data\":{\"success\":[" + successItem(1) + "," + successItem(0)
            + "],\"failed\":[]}}")));

    BulkResult<Link> result = client.createAll(requests(2));

    assertEquals(2, result.failedCount());
    result.failures().forEach(item -> assertTrue(
        assertInstanceOf(TransportException.class, item.failure().orElseThrow()).requestMayHaveBeenProcessed()));
  }

  @Test
  void anUnreadableAnswerFailsTheBatchAsMayHaveBeenCreated() {
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).willReturn(json(201, "{\"success\":true,\"data\":{\"created\":[]}}")));

    BulkResult<Link> result = client.createAll(requests(2));

    for (BulkItem<Link> item : result.items()) {
      TransportException e = assertInstanceOf(TransportException.class, item.failure().orElseThrow());
      assertTrue(e.requestMayHaveBeenProcessed(), e.getMessage());
    }
    wm.verify(1, postRequestedFor(urlPathEqualTo(BULK_PATH)));
  }

  private static List<LinkId> ids(int count) {
    return IntStream.range(0, count).mapToObj(i -> LinkId.of(uuid(i))).collect(Collectors.toList());
  }

  private static String idsJson(List<LinkId> ids) {
    return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"ids\":[", "]}"));
  }

  @Test
  void deleteAllSendsBatchesOfFiftyAndAnIdTheBulkRuleRefusesFailsAloneWithoutARequest() {
    List<LinkId> ids = new ArrayList<>(ids(61));
    LinkId versionZero = LinkId.of("550e8400-e29b-01d4-a716-446655440000");
    ids.set(10, versionZero);
    List<LinkId> valid = new ArrayList<>(ids);
    valid.remove(10);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(valid.subList(0, 50)), false, false))
        .willReturn(json(200, "{\"success\":true,\"data\":{\"deleted\":48}}")));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(valid.subList(50, 60)), false, false))
        .willReturn(json(400, error("VALIDATION_ERROR", "Invalid request. Provide 1-50 link IDs."))));

    BulkResult<LinkId> result = client.deleteAll(ids);

    wm.verify(2, deleteRequestedFor(urlPathEqualTo(BULK_PATH)));
    assertEquals(61, result.items().size());
    RequestValidationException refused =
        assertInstanceOf(RequestValidationException.class, result.items().get(10).failure().orElseThrow());
    assertTrue(refused.getMessage().contains(versionZero.value()), refused.getMessage());
    // SnipURL skips ids it does not hold: 48 of 50 is still a success for every id of the batch.
    for (int i = 0; i < 51; i++) {
      if (i != 10) {
        assertEquals(Optional.of(ids.get(i)), result.items().get(i).value(), "item " + i);
      }
    }
    for (int i = 51; i < 61; i++) {
      assertInstanceOf(BadRequestException.class, result.items().get(i).failure().orElseThrow(), "item " + i);
    }
  }

  @Test
  void deleteAllSendsARepeatedIdOnceAndACountAboveTheIdsIsUnreadable() {
    List<LinkId> ids = List.of(LinkId.of(uuid(1)), LinkId.of(uuid(2)), LinkId.of(uuid(1)));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH))
        .withRequestBody(equalToJson(idsJson(List.of(LinkId.of(uuid(1)), LinkId.of(uuid(2)))), false, false))
        .willReturn(json(200, "{\"success\":true,\"data\":{\"deleted\":3}}")));

    BulkResult<LinkId> result = client.deleteAll(ids);

    wm.verify(1, deleteRequestedFor(urlPathEqualTo(BULK_PATH)));
    for (BulkItem<LinkId> item : result.items()) {
      assertTrue(assertInstanceOf(TransportException.class, item.failure().orElseThrow()).requestMayHaveBeenProcessed());
    }
  }

  @Test
  void aFailedItemWithoutAKnownMessageKeepsTheBulkAnswersStatus() {
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(0, 3), false, false))
        .willReturn(json(201, "{\"success\":true,\"data\":{\"success\":[" + successItem(2)
            + "],\"failed\":[{\"index\":0},{\"index\":1,\"error\":\"Destination unreachable\"}]}}")));

    BulkResult<Link> result = client.createAll(requests(3));

    for (int i : List.of(0, 1)) {
      ApiException e = assertInstanceOf(ApiException.class, result.items().get(i).failure().orElseThrow());
      assertEquals(201, e.statusCode(), "item " + i);
    }
    assertEquals(Optional.of("Destination unreachable"), assertInstanceOf(ApiException.class,
        result.items().get(1).failure().orElseThrow()).vendorMessage());
    assertEquals("code-2", result.items().get(2).value().orElseThrow().shortCode());
  }

  @Test
  void aFailedIndexPastTheBatchPlacesNothing() {
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(0, 2), false, false))
        .willReturn(json(201, "{\"success\":true,\"data\":{\"success\":[" + successItem(0)
            + "],\"failed\":[{\"index\":2,\"error\":\"Alias already taken\"}]}}")));

    BulkResult<Link> result = client.createAll(requests(2));

    for (BulkItem<Link> item : result.items()) {
      assertTrue(assertInstanceOf(TransportException.class, item.failure().orElseThrow()).requestMayHaveBeenProcessed());
    }
  }

  @Test
  void updateAllSendsEachPatchAloneAndANullIdOrPatchFailsUnsent() {
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH)).withRequestBody(equalToJson("{\"title\": \"Renamed\"}", false, false))
        .willReturn(json(200, fixture("update-response.json"))));
    Map<LinkId, LinkPatch> patches = new LinkedHashMap<>();
    patches.put(DOC_ID, LinkPatch.builder().title("Renamed").build());
    patches.put(null, LinkPatch.builder().title("Renamed").build());
    patches.put(LinkId.of(uuid(1)), null);

    BulkResult<Link> result = client.updateAll(patches);

    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
    assertEquals(DOC_ID, result.items().get(0).value().orElseThrow().id());
    assertEquals(List.of("id: must not be null"), assertInstanceOf(RequestValidationException.class,
        result.items().get(1).failure().orElseThrow()).violations());
    assertEquals(List.of("patch: must not be null"), assertInstanceOf(RequestValidationException.class,
        result.items().get(2).failure().orElseThrow()).violations());
  }

  @Test
  void deleteAllTakesACountOfEveryIdAsASuccess() {
    List<LinkId> ids = List.of(LinkId.of(uuid(1)), LinkId.of(uuid(2)));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(ids), false, false))
        .willReturn(json(200, "{\"success\":true,\"data\":{\"deleted\":2}}")));

    assertEquals(ids, client.deleteAll(ids).values());
  }
}
