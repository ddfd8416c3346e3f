package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.Link;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code update}: the documented example, exact tri-state PATCH bodies, and what cannot change, rejected before any request. */
class XqrUpdateTest extends XqrWireMockTest {


  @Test
  void updateLinkExample() {
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH))
        .withHeader("Authorization", equalTo("Bearer " + XqrFixtures.DOCUMENTED_KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(fixture("update-link-request.json"), false, false))
        .willReturn(json(200, fixture("update-link-response.json"))));

    Link link = client.update(LinkId.of(XqrFixtures.DOCUMENTED_ID), LinkPatch.builder()
        .destination("https://example.com/summer-sale-v2?utm_source=qr")
        .labels(List.of("campaign", "summer", "updated"))
        .build());

    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
    Link expected = Link.builder()
        .providerId("xqr")
        .id(LinkId.of(XqrFixtures.DOCUMENTED_ID))
        .shortUrl(URI.create("https://xqr.co/summer24"))
        .shortCode("summer24")
        .destination(URI.create("https://example.com/summer-sale-v2?utm_source=qr"))
        .enabled(true)
        .labels(List.of("campaign", "summer", "updated"))
        .clicks(1483)
        .lastClickedAt(Instant.parse("2026-03-20T09:12:44Z"))
        .expiresAt(Instant.parse("2026-09-30T23:59:59Z"))
        .createdAt(Instant.parse("2026-03-01T10:00:00Z"))
        .updatedAt(Instant.parse("2026-03-21T15:45:00Z"))
        .providerFields(documentedFields(
            "https://example.com/summer-sale-v2?utm_source=qr", List.of("campaign", "summer", "updated"),
            "2026-03-21T15:45:00Z"))
        .build();
    assertEquals(expected, link);
    assertEquals(Optional.empty(), link.title());
    assertEquals(Optional.empty(), link.passwordProtected());
    assertEquals(Optional.empty(), link.redirectType());
    assertEquals(Optional.of("req_3c4d5e6f70890123"), client.lastRequestId());
  }

  @Test
  void disablingSendsOnlyEnabledFalse() {
    expectPatch("{\"enabled\": false}", updateResponse().replace("\"enabled\": true", "\"enabled\": false"));
    Link link = client.update(ID, LinkPatch.builder().enabled(false).build());
    assertEquals(Optional.of(false), link.enabled());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void enablingSendsOnlyEnabledTrue() {
    expectPatch("{\"enabled\": true}", updateResponse());
    assertEquals(Optional.of(true), client.update(ID, LinkPatch.builder().enabled(true).build()).enabled());
  }

  @Test
  void clearingLabelsSendsAnEmptyArray() {
    expectPatch("{\"labels\": []}", updateResponse().replace("[\"campaign\", \"summer\", \"updated\"]", "[]"));
    Link link = client.update(ID, LinkPatch.builder().clearLabels().build());
    assertEquals(List.of(), link.labels());
  }

  @Test
  void anEmptyLabelSetIsTheSameClear() {
    expectPatch("{\"labels\": []}", updateResponse());
    client.update(ID, LinkPatch.builder().labels(List.of()).build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)).withRequestBody(equalToJson("{\"labels\": []}", false, false)));
  }

  @Test
  void destinationAloneSendsOnlyUrl() {
    expectPatch("{\"url\": \"https://example.com/next\"}", updateResponse());
    client.update(ID, LinkPatch.builder().destination("https://example.com/next").build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void everyUpdatableFieldAndRulesTogether() {
    expectPatch("{\"url\": \"https://example.com/next\", \"labels\": [\"a\"], \"enabled\": true,"
        + " \"routing_rules\": [{\"destination\": \"https://m.example.com/promo\", \"priority\": 2,"
        + " \"conditions\": {\"device_types\": [\"mobile\"]}}]}", updateResponse());
    client.update(ID, LinkPatch.builder()
        .destination("https://example.com/next")
        .labels(List.of("a"))
        .enabled(true)
        .options(XqrOptions.builder().routingRules(MOBILE).build())
        .build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void clearingRoutingRulesSendsAnEmptyArray() {
    expectPatch("{\"routing_rules\": []}", updateResponse());
    client.update(ID, LinkPatch.builder().options(XqrOptions.builder().clearRoutingRules().build()).build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void slugAndExpiryCannotBeChangedOrClearedAfterCreation() {
    UnsupportedFieldException e = assertThrows(UnsupportedFieldException.class,
        () -> client.update(ID, LinkPatch.builder()
            .slug("new-slug")
            .expiresAt(Instant.parse("2030-01-01T00:00:00Z"))
            .clearTitle()
            .build()));
    assertEquals(Set.of(LinkField.SLUG, LinkField.EXPIRES_AT, LinkField.TITLE), e.fields());
    assertThrows(UnsupportedFieldException.class,
        () -> client.update(ID, LinkPatch.builder().clearExpiresAt().build()));
    assertNoRequests();
  }

  @Test
  void optionsThatSetNothingMakeAnEmptyPatch() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().options(XqrOptions.builder().build()).build()));
    assertEquals(true, e.violations().get(0).startsWith("patch: "), e.violations().toString());
    assertNoRequests();
  }
}
