package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.TransportException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code list} and {@code listAll}: offset cursors from {@code has_more} (else {@code total}), CarrierX's {@code filter=}, and the empty-page guard. */
class CarrierxListTest extends CarrierxWireMockTest {

  private void stubPages() {
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS))
        .withQueryParam("limit", equalTo("2")).withQueryParam("offset", absent())
        .willReturn(json(200, fixture("list-links-page-1.json"))));
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS))
        .withQueryParam("limit", equalTo("2")).withQueryParam("offset", equalTo("2"))
        .willReturn(json(200, fixture("list-links-page-2.json"))));
  }

  @Test
  void pagesFollowHasMoreWithTheNextOffsetAsCursor() {
    stubPages();
    Page<Link> first = client.list(ListLinksRequest.builder().pageSize(2).build());
    assertEquals(2, first.items().size());
    assertEquals(Optional.of("2"), first.nextCursor());
    assertEquals(OptionalLong.empty(), first.total(), "total: null");
    assertEquals(LinkId.of(CarrierxFixtures.SID), first.items().get(0).id());
    Link second = first.items().get(1);
    assertEquals(Optional.of(RedirectType.TEMPORARY), second.redirectType());
    assertEquals(Optional.of(Instant.parse("2024-01-19T19:26:02Z")), second.expiresAt());
    assertEquals(Optional.of(Instant.parse("2024-02-01T08:15:30Z")), second.lastClickedAt());
    assertEquals(OptionalLong.of(7), second.clicks());

    Page<Link> last = client.list(ListLinksRequest.builder().pageSize(2).cursor("2").build());
    assertEquals(1, last.items().size());
    assertEquals(Optional.empty(), last.nextCursor());
    assertEquals(OptionalLong.of(3), last.total());
    assertEquals(Optional.empty(), last.items().get(0).redirectType(), "proxy_pass has no redirect type");
    assertEquals(List.of("GET " + CarrierxFixtures.LINKS + "?limit=2", "GET " + CarrierxFixtures.LINKS + "?limit=2&offset=2"),
        requestLines());
  }

  @Test
  void listAllIsLazy() {
    stubPages();
    ListLinksRequest request = ListLinksRequest.builder().pageSize(2).build();
    try (Stream<Link> links = client.listAll(request)) {
      assertEquals(List.of("eOtEtO"), links.limit(1).map(Link::shortCode).collect(Collectors.toList()));
    }
    assertEquals(1, requests().size(), "the second page is not fetched before it is needed");
    wm.resetRequests();
    try (Stream<Link> links = client.listAll(request)) {
      assertEquals(List.of("eOtEtO", "spring", "summer"), links.map(Link::shortCode).collect(Collectors.toList()));
    }
    assertEquals(2, requests().size());
  }

  @Test
  void aFilterExpressionIsPassedAsIs() {
    String filter = "destination_url like '%example%'";
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS))
        .withQueryParam("filter", equalTo(filter))
        .willReturn(json(200, fixture("list-links-page-2.json"))));
    Page<Link> page = client.list(filter, ListLinksRequest.defaults());
    assertEquals(1, page.items().size());
    assertEquals(1, requests().size());
    assertTrue(requests().get(0).getUrl().contains("filter=destination_url%20like%20%27%25example%25%27")
        || requests().get(0).getUrl().contains("filter=destination_url+like+%27%25example%25%27"),
        requests().get(0).getUrl());
  }

  @Test
  void aBlankFilterOrAForeignCursorIsRejectedBeforeSending() {
    assertThrows(RequestValidationException.class, () -> client.list(" ", ListLinksRequest.defaults()));
    for (String cursor : List.of("-1", "abc", "01", "2.5")) {
      RequestValidationException e = assertThrows(RequestValidationException.class,
          () -> client.list(ListLinksRequest.builder().cursor(cursor).build()));
      assertEquals(List.of("cursor: must be an offset from Page.nextCursor() (was \"" + cursor + "\")"),
          e.violations());
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void withoutHasMoreTheTotalDecides() {
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS)).willReturn(json(200,
        fixture("list-links-page-1.json").replace("\"has_more\": true,", "")
            .replace("\"total\": null", "\"total\": 5"))));
    Page<Link> page = client.list(ListLinksRequest.defaults());
    assertEquals(Optional.of("2"), page.nextCursor());
    assertEquals(OptionalLong.of(5), page.total());
  }

  @Test
  void anEmptyPageClaimingMoreEndsTheListing() {
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS)).willReturn(json(200,
        "{\"count\": 0, \"has_more\": true, \"items\": [], \"limit\": 10, \"offset\": 40,"
            + " \"pagination\": {}, \"total\": null}")));
    Page<Link> page = client.list(ListLinksRequest.builder().cursor("40").build());
    assertEquals(List.of(), page.items());
    assertEquals(Optional.empty(), page.nextCursor());
  }

  @Test
  void aListAnswerWithoutItemsIsATransportException() {
    wm.stubFor(get(urlPathEqualTo(CarrierxFixtures.LINKS)).willReturn(json(200, "{\"count\": 0}")));
    TransportException e = assertThrows(TransportException.class, () -> client.list(ListLinksRequest.defaults()));
    assertEquals(Operation.LIST, e.operation());
  }
}
