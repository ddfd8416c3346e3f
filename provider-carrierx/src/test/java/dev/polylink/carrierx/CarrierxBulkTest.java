package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkResult;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RequestValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CarrierX has no bulk endpoint: one request per item, CarrierX's own rules checked for every item before the first request. */
class CarrierxBulkTest extends CarrierxWireMockTest {
  @Test
  void noBulkEndpointIsDeclared() {
    assertTrue(CarrierxClient.CAPABILITIES.bulkOperations().isEmpty());
  }

  @Test
  void carrierxsOwnRulesRunForEveryItemBeforeTheFirstRequest() {
    Instant now = Instant.parse("2024-01-18T19:26:01Z");
    wm.stubFor(post(urlPathEqualTo(CarrierxFixtures.LINKS))
        .withRequestBody(equalToJson("{\"destination_url\": \"http://destinationurl.com\"}", true, true))
        .willReturn(json(200, CarrierxFixtures.documentedLink())));
    try (CarrierxClient fixed = builder().clock(Clock.fixed(now, ZoneOffset.UTC)).bulkConcurrency(1).build()) {
      BulkResult<Link> result = fixed.createAll(List.of(
          CreateLinkRequest.builder().destination("http://destinationurl.com").build(),
          // an expiry that is not after now: CarrierX's rule (a lifetime in seconds), not a capability
          CreateLinkRequest.builder().destination("http://destinationurl.com").expiresAt(now.minusSeconds(5)).build()));

      wm.verify(1, postRequestedFor(urlPathEqualTo(CarrierxFixtures.LINKS)));
      assertEquals(LinkId.of(CarrierxFixtures.SID), result.items().get(0).value().orElseThrow().id());
      RequestValidationException e =
          assertInstanceOf(RequestValidationException.class, result.items().get(1).failure().orElseThrow());
      assertTrue(e.getMessage().contains("expiresAt"), e.getMessage());
    }
  }

  @Test
  void malformedIdsFailAloneInUpdateAllAndDeleteAll() {
    BulkResult<Link> updated = client.updateAll(List.of(LinkId.of("nope")),
        LinkPatch.builder().destination("https://example.com/x").build());
    BulkResult<LinkId> deleted = client.deleteAll(List.of(LinkId.of("nope")));
    assertInstanceOf(RequestValidationException.class, updated.items().get(0).failure().orElseThrow());
    assertInstanceOf(RequestValidationException.class, deleted.items().get(0).failure().orElseThrow());
    assertNoRequests();
  }
}
