package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Operation;
import dev.polylink.core.Page;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.TransportException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code list} and {@code listAll}: page-number cursors, the shared leniency policy for list items. */
class ShortpenListTest extends ShortpenWireMockTest {

  @Test
  void listMapsEveryDocumentedItemField() {
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));

    Page<Link> page = client.list(ListLinksRequest.defaults());

    assertEquals(OptionalLong.of(1), page.total());
    assertEquals(Optional.empty(), page.nextCursor());
    Link link = page.items().get(0);
    assertEquals(LinkId.of(501), link.id());
    assertEquals(URI.create("https://go.shortpen.com/summer-2025"), link.shortUrl());
    assertEquals("summer-2025", link.shortCode());
    assertEquals(Optional.of(URI.create("https://example.com/launch")), link.destination());
    assertEquals(Optional.of("Summer campaign"), link.title());
    assertEquals(Optional.of(true), link.passwordProtected());
    assertEquals(Optional.of(RedirectType.PERMANENT), link.redirectType());
    assertEquals(Optional.of(Instant.parse("2025-06-01T09:30:00Z")), link.createdAt());
    assertEquals(Optional.of(Instant.parse("2025-06-02T10:15:00Z")), link.updatedAt());
    assertEquals(Optional.empty(), link.enabled());
    assertEquals(List.of(), link.labels());
    assertEquals(Optional.empty(), link.expiresAt());
    assertEquals(OptionalLong.empty(), link.clicks());
    assertEquals(Optional.empty(), link.lastClickedAt());
    assertEquals(
        List.of("id", "title", "url", "link", "short_url", "starred", "redirect_type", "domain_id", "folder_id",
            "workspace_id", "organization_id", "link_cloak", "hide_referer", "with_password", "params",
            "social_share_title", "created_at", "updated_at"),
        List.copyOf(link.providerFields().keySet()));
  }

  @Test
  void listSendsThePageSizeAsLimitAndTheCursorAsPage() {
    wm.stubFor(get(urlPathEqualTo("/v1/links"))
        .withQueryParam("page", equalTo("3"))
        .withQueryParam("limit", equalTo("2"))
        .willReturn(json(200, ShortpenFixtures.page(3, 10, ShortpenFixtures.items(5, 2)))));

    Page<Link> page = client.list(ListLinksRequest.builder().pageSize(2).cursor("3").build());

    assertEquals(List.of(LinkId.of(5), LinkId.of(6)), page.items().stream().map(Link::id).collect(Collectors.toList()));
    assertEquals(Optional.of("4"), page.nextCursor());
    assertEquals(OptionalLong.of(10), page.total());
    wm.verify(getRequestedFor(urlPathEqualTo("/v1/links")).withoutQueryParam("workspace_id"));
  }

  @Test
  void withoutATotalAFullPageHasANextCursorAndAShortOneDoesNot() {
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, -1, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, -1, ShortpenFixtures.items(101, 3)))));
    Page<Link> first = client.list(ListLinksRequest.defaults());
    assertEquals(Optional.of("2"), first.nextCursor());
    assertEquals(OptionalLong.empty(), first.total());
    Page<Link> second = client.list(ListLinksRequest.builder().cursor("2").build());
    assertEquals(Optional.empty(), second.nextCursor());
  }

  @Test
  void aCursorThatIsNotAPageNumberIsRejectedBeforeSending() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.list(ListLinksRequest.builder().cursor("abc").build()));
    assertEquals(List.of("cursor: must be a page number from Page.nextCursor() (was \"abc\")"), e.violations());
    assertNoRequests();
  }

  @Test
  void listAllFetchesTheNextPageOnlyWhenConsumed() {
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 150, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 150, ShortpenFixtures.items(101, 50)))));

    try (Stream<Link> links = client.listAll(ListLinksRequest.defaults())) {
      assertEquals(10, links.limit(10).count());
    }
    assertEquals(1, wm.getAllServeEvents().size());

    try (Stream<Link> links = client.listAll(ListLinksRequest.defaults())) {
      assertEquals(150, links.count());
    }
    assertEquals(3, wm.getAllServeEvents().size());
  }

  @Test
  void anItemWithoutAnIdIsATransportException() {
    wm.stubFor(listPage(1).willReturn(json(200,
        ShortpenFixtures.page(1, 1, "{\"link\": \"https://go.shortpen.com/x\"}"))));
    TransportException e = assertThrows(TransportException.class, () -> client.list(ListLinksRequest.defaults()));
    assertEquals(Operation.LIST, e.operation());
    assertTrue(e.getMessage().contains("has no integer \"id\""), e.getMessage());
  }

  @Test
  void dataThatIsNotAnArrayIsATransportException() {
    wm.stubFor(listPage(1).willReturn(json(200, "{\"success\": true, \"data\": {}}")));
    TransportException e = assertThrows(TransportException.class, () -> client.list(ListLinksRequest.defaults()));
    assertTrue(e.getMessage().contains("\"data\" is not an array"), e.getMessage());
  }

  @Test
  void lenientValuesAreReadAndUnknownOnesLeftEmpty() {
    String item = "{\"id\": \"42\", \"link\": \"https://go.shortpen.com/x\", \"url\": \"not a uri\","
        + " \"title\": \"\", \"with_password\": 1, \"redirect_type\": \"302\", \"created_at\": 1717234200,"
        + " \"updated_at\": \"yesterday\"}";
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 1, item))));
    Link link = client.list(ListLinksRequest.defaults()).items().get(0);
    assertEquals(LinkId.of(42), link.id());
    assertEquals(Optional.empty(), link.destination());
    assertEquals(Optional.empty(), link.title());
    assertEquals(Optional.of(true), link.passwordProtected());
    assertEquals(Optional.of(RedirectType.TEMPORARY), link.redirectType());
    assertEquals(Optional.of(Instant.ofEpochSecond(1717234200)), link.createdAt());
    assertEquals(Optional.empty(), link.updatedAt());
    assertEquals("yesterday", link.providerFields().get("updated_at"));
  }

  @Test
  void rateLimitIsEmptyWithoutHeadersAndReadWhenTheyAppear() {
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    client.list(ListLinksRequest.defaults());
    assertEquals(Optional.empty(), client.lastRateLimit());

    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)
        .withHeader("X-RateLimit-Limit", "60").withHeader("X-RateLimit-Remaining", "59")));
    client.list(ListLinksRequest.defaults());
    RateLimitStatus status = client.lastRateLimit().orElseThrow();
    assertEquals(OptionalLong.of(60), status.limit());
    assertEquals(OptionalLong.of(59), status.remaining());
    assertEquals(List.of(status), client.rateLimits());
  }

  /** Bug fix (issue 12): relative URLs were read as a link's short URL and destination. */
  @Test
  void relativeUrlsAreNotReadAsUrls() {
    String item = "{\"id\": 42, \"link\": \"/x\", \"short_url\": \"https://go.shortpen.com/x\", \"url\": \"/landing\"}";
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 1, item))));
    Link link = client.list(ListLinksRequest.defaults()).items().get(0);
    assertEquals(URI.create("https://go.shortpen.com/x"), link.shortUrl(), "the relative link is skipped for short_url");
    assertEquals(Optional.empty(), link.destination());
    assertEquals("/landing", link.providerFields().get("url"));

    wm.resetAll();
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 1, "{\"id\": 42, \"link\": \"x\"}"))));
    TransportException e = assertThrows(TransportException.class, () -> client.list(ListLinksRequest.defaults()));
    assertTrue(e.getMessage().endsWith("the link has no readable \"link\" or \"short_url\""), e.getMessage());
  }
}
