package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkResult;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code createAll} and {@code updateAll}, blocking and through {@code client.async()}: ShortPen
 * has no bulk endpoint for them, so every item is checked first, an invalid one fails alone and
 * unsent, and each valid one is its own request with the exact body of the single operation.
 */
class ShortpenBulkTest extends ShortpenWireMockTest {
  private static final String GENERATE_BODY = "{\"url\": \"https://example.com/launch\", \"domain_id\": 1}";

  @Override
  protected ShortpenClient newClient() {
    return client(b -> b.defaultDomainId(1).scheduledExecutorService(scheduler).rateLimit(RateLimit.none()));
  }

  private static List<CreateLinkRequest> createRequests() {
    return List.of(
        CreateLinkRequest.builder().destination("https://example.com/launch").build(),
        CreateLinkRequest.builder().destination("https://example.com/launch").domain("go.example.com").build());
  }

  private static void createAnswers() {
    wm.stubFor(post(urlEqualTo("/v1/generate")).withRequestBody(equalToJson(GENERATE_BODY, false, false))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
  }

  private static void updateAnswers(long... ids) {
    for (long id : ids) {
      wm.stubFor(put(urlEqualTo("/v1/links"))
          .withRequestBody(equalToJson("{\"url_id\": " + id + ", \"title\": \"Winter campaign\"}", false, false))
          .willReturn(json(200, ShortpenFixtures.UPDATE_RESPONSE)));
    }
  }

  private static void assertCreated(BulkResult<Link> result) {
    assertEquals(2, result.items().size());
    assertEquals(LinkId.of(501), result.items().get(0).value().orElseThrow().id());
    RequestValidationException e = assertInstanceOf(RequestValidationException.class,
        result.items().get(1).failure().orElseThrow());
    assertTrue(e.violations().get(0).startsWith("domain: must be a ShortPen domain id"), e.violations().toString());
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/generate")));
  }

  private static LinkPatch winter() {
    return LinkPatch.builder().title("Winter campaign").build();
  }

  private static Map<LinkId, LinkPatch> patches() {
    Map<LinkId, LinkPatch> patches = new LinkedHashMap<>();
    patches.put(LinkId.of(501), winter());
    patches.put(LinkId.of("abc"), winter());
    return patches;
  }

  private static void assertUpdated(BulkResult<Link> result) {
    assertEquals(2, result.items().size());
    Link link = result.items().get(0).value().orElseThrow();
    assertEquals(LinkId.of(501), link.id());
    assertEquals(Optional.of("Winter campaign"), link.title());
    assertInstanceOf(RequestValidationException.class, result.items().get(1).failure().orElseThrow());
    wm.verify(1, putRequestedFor(urlEqualTo("/v1/links")));
  }

  @Test
  void createAllSendsEachValidRequestAndFailsAnInvalidOneUnsent() {
    createAnswers();
    assertCreated(client.createAll(createRequests()));
  }

  @Test
  void asyncCreateAllIsTheBlockingOne() throws Exception {
    createAnswers();
    assertCreated(client.async().createAll(createRequests()).get(10, TimeUnit.SECONDS));
  }

  @Test
  void updateAllSendsEachValidPatchAndFailsAnInvalidIdUnsent() {
    updateAnswers(501);
    assertUpdated(client.updateAll(patches()));
  }

  @Test
  void asyncUpdateAllIsTheBlockingOne() throws Exception {
    updateAnswers(501);
    assertUpdated(client.async().updateAll(patches()).get(10, TimeUnit.SECONDS));
  }

  @Test
  void onePatchForManyIdsIsOneRequestEach() throws Exception {
    updateAnswers(501, 502);
    BulkResult<Link> result = client.updateAll(List.of(LinkId.of(501), LinkId.of(502)), winter());
    assertEquals(List.of(LinkId.of(501), LinkId.of(502)), result.values().stream().map(Link::id).toList());
    wm.verify(2, putRequestedFor(urlEqualTo("/v1/links")));
    wm.resetRequests();
    BulkResult<Link> async = client.async().updateAll(List.of(LinkId.of(501), LinkId.of(502)), winter())
        .get(10, TimeUnit.SECONDS);
    assertEquals(result.values(), async.values());
    wm.verify(2, putRequestedFor(urlEqualTo("/v1/links")));
  }
}
