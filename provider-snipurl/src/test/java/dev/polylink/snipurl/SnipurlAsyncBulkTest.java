package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.polylink.core.BadRequestException;
import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.ConflictException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RequestValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code client.async()}'s bulk on SnipURL's bulk create and bulk delete: the blocking path's batches of 50 and bodies. */
class SnipurlAsyncBulkTest extends SnipurlWireMockTest {
  private static final String BULK_PATH = "/api/v1/links/bulk";

  @Override
  protected SnipurlClient newClient() {
    return builder().scheduledExecutorService(scheduler).rateLimit(dev.polylink.core.RateLimit.none()).build();
  }

  private static CreateLinkRequest request(int i) {
    return CreateLinkRequest.builder().destination("https://example.com/" + i).slug("code-" + i).build();
  }

  private static String body(List<Integer> indexes) {
    return indexes.stream()
        .map(i -> "{\"url\":\"https://example.com/" + i + "\",\"custom_alias\":\"code-" + i + "\"}")
        .collect(Collectors.joining(",", "{\"links\":[", "]}"));
  }

  private static String successItem(int i) {
    return "{\"id\":\"" + uuid(i) + "\",\"short_code\":\"code-" + i + "\",\"short_url\":\"https://snipurl.click/code-"
        + i + "\",\"original_url\":\"https://example.com/" + i + "\",\"title\":\"https://example.com/" + i
        + "\",\"created_at\":\"2025-06-20T10:00:00.000Z\"}";
  }

  private static String uuid(int i) {
    return new UUID(0x1111_0000_4000L, 0x8000_0000_0000_0000L | (i + 1L)).toString();
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().collect(Collectors.toList());
  }

  private static String answer(List<Integer> succeeded, String failed) {
    return "{\"success\":true,\"data\":{\"success\":[" + succeeded.stream().map(SnipurlAsyncBulkTest::successItem)
        .collect(Collectors.joining(",")) + "],\"failed\":[" + failed + "]}}";
  }

  @Test
  void oneHundredTwentyAsyncCreatesAreBulkRequestsOf50_50_20AndAnInvalidOneIsNotSent() throws Exception {
    List<CreateLinkRequest> requests = IntStream.range(0, 121).mapToObj(SnipurlAsyncBulkTest::request)
        .collect(Collectors.toList());
    requests.set(120, CreateLinkRequest.builder().destination("https://example.com/x").slug("bad alias!").build());
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(range(0, 50)), false, false))
        .willReturn(json(201, answer(range(0, 50), ""))));
    List<Integer> second = range(51, 100);
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(range(50, 100)), false, false))
        .willReturn(json(201, answer(second, "{\"index\":0,\"error\":\"Alias already taken\"}"))));
    wm.stubFor(post(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(body(range(100, 120)), false, false))
        .willReturn(json(201, answer(range(100, 120), ""))));

    BulkResult<Link> result = client.async().createAll(requests).get(10, TimeUnit.SECONDS);

    wm.verify(3, postRequestedFor(urlPathEqualTo(BULK_PATH)));
    wm.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/links")));
    assertEquals(119, result.succeededCount());
    assertEquals(List.of(50, 120), result.failures().stream().map(BulkItem::index).toList());
    assertInstanceOf(ConflictException.class, result.items().get(50).failure().orElseThrow());
    assertInstanceOf(RequestValidationException.class, result.items().get(120).failure().orElseThrow());
    for (int i : List.of(0, 49, 51, 99, 100, 119)) {
      assertEquals("code-" + i, result.items().get(i).value().orElseThrow().shortCode());
    }
  }

  private static String idsJson(List<LinkId> ids) {
    return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "{\"ids\":[", "]}"));
  }

  @Test
  void asyncDeleteAllSendsBatchesOfFiftyAndAWholeBatchFailureFailsEachOfItsIds() throws Exception {
    List<LinkId> ids = new ArrayList<>(IntStream.range(0, 61).mapToObj(i -> LinkId.of(uuid(i))).toList());
    LinkId versionZero = LinkId.of("550e8400-e29b-01d4-a716-446655440000");
    ids.set(10, versionZero);
    List<LinkId> valid = new ArrayList<>(ids);
    valid.remove(10);
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(valid.subList(0, 50)), false, false))
        .willReturn(json(200, "{\"success\":true,\"data\":{\"deleted\":48}}")));
    wm.stubFor(delete(urlPathEqualTo(BULK_PATH)).withRequestBody(equalToJson(idsJson(valid.subList(50, 60)), false, false))
        .willReturn(json(400, error("VALIDATION_ERROR", "Invalid request. Provide 1-50 link IDs."))));

    BulkResult<LinkId> result = client.async().deleteAll(ids).get(10, TimeUnit.SECONDS);

    wm.verify(2, deleteRequestedFor(urlPathEqualTo(BULK_PATH)));
    wm.verify(0, deleteRequestedFor(urlPathMatching("/api/v1/links/[0-9a-f-]{36}")));
    assertInstanceOf(RequestValidationException.class, result.items().get(10).failure().orElseThrow());
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
  void asyncUpdateAllSendsEachPatchAloneAndANullPatchFailsUnsent() throws Exception {
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH)).withRequestBody(equalToJson("{\"is_active\": false}", false, false))
        .willReturn(json(200, fixture("update-response.json"))));
    java.util.Map<LinkId, LinkPatch> patches = new java.util.LinkedHashMap<>();
    patches.put(DOC_ID, LinkPatch.builder().enabled(false).build());
    patches.put(LinkId.of(uuid(1)), null);

    BulkResult<Link> result = client.async().updateAll(patches).get(10, TimeUnit.SECONDS);

    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
    assertEquals(DOC_ID, result.items().get(0).value().orElseThrow().id());
    assertEquals(List.of("patch: must not be null"), assertInstanceOf(RequestValidationException.class,
        result.items().get(1).failure().orElseThrow()).violations());
  }
}
