package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkResult;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClientListener;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RequestValidationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code client.async()}'s bulk on CarrierX (no bulk endpoint): as the blocking path, every item's
 * checks run before the first request, then one request per valid item, results in input order.
 */
class CarrierxAsyncBulkTest extends CarrierxWireMockTest {
  private static final String SID_B = "7f1e2d3c-4b5a-4968-8776-655443322110";
  /** The longest lifetime CarrierX is sent, {@code Lifetime.MAX_SECONDS}. */
  private static final long MAX_LIFETIME = Integer.MAX_VALUE;

  /** The operations the listener saw start, in order. */
  private final List<Operation> started = new CopyOnWriteArrayList<>();

  /** One request at a time; every finished attempt moves the clock an hour on. */
  @Override
  protected CarrierxClient newClient() {
    return builder().scheduledExecutorService(scheduler).rateLimit(RateLimit.none()).bulkConcurrency(1)
        .addListener(new LinkClientListener() {
          @Override
          public void operationStarted(OperationStarted event) {
            started.add(event.operation());
          }

          @Override
          public void attemptFinished(AttemptFinished event) {
            sleeper.passTime(Duration.ofHours(1));
          }
        })
        .build();
  }

  private static <T> T done(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private static String linkWithSid(String sid) {
    return CarrierxFixtures.documentedLink().replace(CarrierxFixtures.SID, sid);
  }

  private void stubCreate(String destination, String sid) {
    wm.stubFor(post(urlPathEqualTo(CarrierxFixtures.LINKS))
        .withRequestBody(equalToJson("{\"destination_url\": \"" + destination + "\"}", true, true))
        .willReturn(json(200, linkWithSid(sid))));
  }

  @Test
  void everyCreateIsCheckedBeforeTheFirstRequestAndTheValidOnesAreSentInOrder() throws Exception {
    stubCreate("https://example.com/a", CarrierxFixtures.SID);
    stubCreate("https://example.com/b", SID_B);
    List<CreateLinkRequest> requests = List.of(
        CreateLinkRequest.builder().destination("https://example.com/a").build(),
        // too far for CarrierX's lifetime now; an hour later (after the first request) it would not be
        CreateLinkRequest.builder().destination("https://example.com/far")
            .expiresAt(NOW.plusSeconds(MAX_LIFETIME + 1800)).build(),
        CreateLinkRequest.builder().destination("https://example.com/past").expiresAt(NOW.minusSeconds(5)).build(),
        CreateLinkRequest.builder().destination("https://example.com/b").build());

    BulkResult<Link> result = done(client.async().createAll(requests));

    wm.verify(2, postRequestedFor(urlPathEqualTo(CarrierxFixtures.LINKS)));
    wm.verify(0, postRequestedFor(urlPathEqualTo(CarrierxFixtures.LINKS))
        .withRequestBody(equalToJson("{\"destination_url\": \"https://example.com/far\"}", true, true)));
    assertEquals(4, result.items().size());
    assertEquals(LinkId.of(CarrierxFixtures.SID), result.items().get(0).value().orElseThrow().id());
    for (int i : new int[] {1, 2}) {
      RequestValidationException e =
          assertInstanceOf(RequestValidationException.class, result.items().get(i).failure().orElseThrow());
      assertTrue(e.getMessage().contains("expiresAt"), e.getMessage());
    }
    assertEquals(LinkId.of(SID_B), result.items().get(3).value().orElseThrow().id());
  }

  @Test
  void updateAllAndDeleteAllCheckEveryIdFirstAndSendTheValidOnesInOrder() throws Exception {
    String linkA = CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID;
    String linkB = CarrierxFixtures.LINKS + "/" + SID_B;
    String newDestination = "{\"destination_url\": \"https://example.com/new\"}";
    wm.stubFor(patch(urlEqualTo(linkA)).withRequestBody(equalToJson(newDestination))
        .willReturn(json(200, linkWithSid(CarrierxFixtures.SID))));
    wm.stubFor(patch(urlEqualTo(linkB)).withRequestBody(equalToJson(newDestination))
        .willReturn(json(200, linkWithSid(SID_B))));
    wm.stubFor(delete(urlEqualTo(linkA)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.noContent()));
    wm.stubFor(delete(urlEqualTo(linkB)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.noContent()));
    List<LinkId> ids = List.of(LinkId.of(CarrierxFixtures.SID), LinkId.of("nope"), LinkId.of(SID_B));
    LinkPatch patch = LinkPatch.builder().destination("https://example.com/new").build();

    BulkResult<Link> updated = done(client.async().updateAll(ids, patch));
    BulkResult<LinkId> deleted = done(client.async().deleteAll(ids));

    // the malformed id was refused while checking, before the bulk started any operation
    assertEquals(List.of(Operation.UPDATE, Operation.UPDATE, Operation.DELETE, Operation.DELETE), started);

    wm.verify(1, patchRequestedFor(urlEqualTo(linkA)));
    wm.verify(1, patchRequestedFor(urlEqualTo(linkB)));
    wm.verify(1, deleteRequestedFor(urlEqualTo(linkA)));
    wm.verify(1, deleteRequestedFor(urlEqualTo(linkB)));
    assertEquals(4, wm.getAllServeEvents().size());
    assertEquals(LinkId.of(CarrierxFixtures.SID), updated.items().get(0).value().orElseThrow().id());
    assertInstanceOf(RequestValidationException.class, updated.items().get(1).failure().orElseThrow());
    assertEquals(LinkId.of(SID_B), updated.items().get(2).value().orElseThrow().id());
    assertEquals(LinkId.of(CarrierxFixtures.SID), deleted.items().get(0).value().orElseThrow());
    assertInstanceOf(RequestValidationException.class, deleted.items().get(1).failure().orElseThrow());
    assertEquals(LinkId.of(SID_B), deleted.items().get(2).value().orElseThrow());

    // a patch CarrierX's rules refuse (an expiry in the past) fails every entry before any request
    wm.resetRequests();
    BulkResult<Link> refused = done(client.async().updateAll(Map.of(LinkId.of(CarrierxFixtures.SID),
        LinkPatch.builder().expiresAt(NOW.minusSeconds(5)).build())));
    assertEquals(0, wm.getAllServeEvents().size());
    assertInstanceOf(RequestValidationException.class, refused.items().get(0).failure().orElseThrow());
    assertEquals(4, started.size());
  }
}
