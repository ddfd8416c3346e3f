package dev.polylink.xqr;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Page;
import dev.polylink.core.RequestValidationException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Offset pagination, filters and the lazy {@code listAll}. */
class XqrListTest extends XqrWireMockTest {

  private static final String LIST_PATH = "/api/v1/links";

  private static final String[] IDS = {
    "00000000-0000-4000-8000-000000000001",
    "00000000-0000-4000-8000-000000000002",
    "00000000-0000-4000-8000-000000000003",
    "00000000-0000-4000-8000-000000000004",
    "00000000-0000-4000-8000-000000000005",
  };

  private static String page(Integer total, int limit, int offset, int... indexes) {
    String links = java.util.Arrays.stream(indexes)
        .mapToObj(i -> linkJson(IDS[i], "code" + (i + 1)))
        .collect(Collectors.joining(", "));
    return "{\"data\": [" + links + "], \"meta\": {\"request_id\": \"req_page" + offset + "\","
        + (total == null ? "" : " \"total\": " + total + ",")
        + " \"limit\": " + limit + ", \"offset\": " + offset + "}}";
  }

  @Test
  void listLinksExampleWithLabelFilter() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH))
        .withQueryParam("limit", equalTo("10"))
        .withQueryParam("label", equalTo("campaign"))
        .withQueryParam("offset", absent())
        .withQueryParam("enabled", absent())
        .willReturn(json(200, fixture("list-links-response.json"))));

    Page<Link> page = client.list(ListLinksRequest.builder().pageSize(10).label("campaign").build());

    assertEquals(2, page.items().size());
    assertEquals(OptionalLong.of(42), page.total());
    assertEquals(Optional.of("2"), page.nextCursor(), "offset 0 + 2 links < 42");
    Link second = page.items().get(1);
    assertEquals(LinkId.of("a83c1d4e-2f5b-4890-bc7a-abcdef012345"), second.id());
    assertEquals("docs-v2", second.shortCode());
    assertEquals(URI.create("https://xqr.co/docs-v2"), second.shortUrl());
    assertEquals(Optional.of(URI.create("https://docs.example.com/v2")), second.destination());
    assertEquals(List.of("campaign"), second.labels());
    assertEquals(OptionalLong.of(327), second.clicks());
    assertEquals(Optional.of(Instant.parse("2026-03-19T16:45:02Z")), second.lastClickedAt());
    assertEquals(Optional.empty(), second.expiresAt(), "expires_at is null");
    assertEquals(false, second.providerFields().containsKey("expires_at"));
    assertEquals(Optional.of("req_1a2b3c4d5e6f7890"), client.lastRequestId());
  }

  @Test
  void enabledFilterAndCursorBecomeQueryParameters() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH))
        .withQueryParam("enabled", equalTo("false"))
        .withQueryParam("offset", equalTo("20"))
        .withQueryParam("limit", absent())
        .withQueryParam("label", absent())
        .willReturn(json(200, page(22, 50, 20, 0, 1))));

    Page<Link> page = client.list(ListLinksRequest.builder().enabled(false).cursor("20").build());

    assertEquals(List.of(LinkId.of(IDS[0]), LinkId.of(IDS[1])),
        page.items().stream().map(Link::id).collect(Collectors.toList()));
    assertEquals(Optional.empty(), page.nextCursor(), "20 + 2 links reach the total of 22");
  }

  @Test
  void listAllFetchesOnlyThePagesItConsumes() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", absent())
        .willReturn(json(200, page(5, 2, 0, 0, 1))));
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", equalTo("2"))
        .willReturn(json(200, page(5, 2, 2, 2, 3))));
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", equalTo("4"))
        .willReturn(json(200, page(5, 2, 4, 4))));
    ListLinksRequest request = ListLinksRequest.builder().pageSize(2).build();

    try (Stream<Link> links = client.listAll(request)) {
      assertNoRequests();
      List<LinkId> firstThree = links.limit(3).map(Link::id).collect(Collectors.toList());
      assertEquals(List.of(LinkId.of(IDS[0]), LinkId.of(IDS[1]), LinkId.of(IDS[2])), firstThree);
    }
    wm.verify(2, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    wm.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", absent()));
    wm.verify(1, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", equalTo("2")));
    wm.verify(0, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", equalTo("4")));

    wm.resetRequests();
    try (Stream<Link> links = client.listAll(request)) {
      assertEquals(Stream.of(IDS).map(LinkId::of).collect(Collectors.toList()),
          links.map(Link::id).collect(Collectors.toList()));
    }
    wm.verify(3, getRequestedFor(urlPathEqualTo(LIST_PATH)));
    wm.verify(3, getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("limit", equalTo("2")));
  }

  @Test
  void anEmptyPageEndsTheListingWhateverTheTotalSays() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(json(200, page(10, 50, 0))));
    Page<Link> page = client.list(ListLinksRequest.defaults());
    assertEquals(List.of(), page.items());
    assertEquals(Optional.empty(), page.nextCursor());
    assertEquals(OptionalLong.of(10), page.total());
  }

  @Test
  void withoutATotalAFullPageMayHaveASuccessor() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", absent())
        .willReturn(json(200, page(null, 2, 0, 0, 1))));
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", equalTo("2"))
        .willReturn(json(200, page(null, 2, 2, 2))));
    Page<Link> full = client.list(ListLinksRequest.builder().pageSize(2).build());
    assertEquals(Optional.of("2"), full.nextCursor());
    assertEquals(OptionalLong.empty(), full.total());
    Page<Link> partial = client.list(ListLinksRequest.builder().pageSize(2).cursor("2").build());
    assertEquals(Optional.empty(), partial.nextCursor());
  }

  @Test
  void theLastPageHasNoCursor() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(json(200, page(3, 2, 2, 2))));
    Page<Link> page = client.list(ListLinksRequest.builder().pageSize(2).cursor("2").build());
    assertEquals(Optional.empty(), page.nextCursor());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "2.5", "1e3", "9999999999"})
  void aCursorThatIsNotAnOffsetIsRejected(String cursor) {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.list(ListLinksRequest.builder().cursor(cursor).build()));
    assertEquals(true, e.violations().get(0).startsWith("cursor: "), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void searchIsNotAnXqrFilter() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.list(ListLinksRequest.builder().search("summer").build()));
    assertEquals(true, e.violations().get(0).contains("search"), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void aPageOf200IsAllowedAnd201IsNot() {
    assertThrows(RequestValidationException.class,
        () -> client.list(ListLinksRequest.builder().pageSize(201).build()));
    assertNoRequests();
    assertEquals(200, client.capabilities().maxPageSize());
  }

  /** The offset rule (was OffsetCursorTest): no cursor is handed out that would be refused. */
  @Test
  void noCursorBeyondTheLargestOffsetACursorMayName() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", equalTo("2147483642"))
        .willReturn(json(200, page(null, 5, 2147483642, 0, 1, 2, 3, 4))));
    assertEquals(Optional.of("2147483647"),
        client.list(ListLinksRequest.builder().pageSize(5).cursor("2147483642").build()).nextCursor());
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", equalTo("2147483643"))
        .willReturn(json(200, page(null, 5, 2147483643, 0, 1, 2, 3, 4))));
    assertEquals(Optional.empty(),
        client.list(ListLinksRequest.builder().pageSize(5).cursor("2147483643").build()).nextCursor());
    assertThrows(RequestValidationException.class,
        () -> client.list(ListLinksRequest.builder().cursor("2147483648").build()));
  }

  @Test
  void withoutALimitInTheRequestTheAnswersLimitDecidesAFullPage() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(json(200, page(null, 2, 0, 0, 1))));
    assertEquals(Optional.of("2"), client.list(ListLinksRequest.defaults()).nextCursor());
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(json(200, page(null, 3, 0, 0, 1))));
    assertEquals(Optional.empty(), client.list(ListLinksRequest.defaults()).nextCursor());
  }

  @Test
  void asyncListSendsTheSameQueryAndReadsTheSamePage() throws Exception {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("offset", equalTo("2")).withQueryParam("limit", equalTo("2"))
        .willReturn(json(200, page(3, 2, 2, 2))));
    ListLinksRequest request = ListLinksRequest.builder().pageSize(2).cursor("2").build();
    Page<Link> page = client.async().list(request).get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(1, page.items().size());
    assertEquals(client.list(request), page);
  }

  @Test
  void asyncListOfAPageAbove200FailsBeforeSending() {
    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> client.async().list(ListLinksRequest.builder().pageSize(201).build()).get(10, java.util.concurrent.TimeUnit.SECONDS));
    RequestValidationException cause = assertInstanceOf(RequestValidationException.class, e.getCause());
    assertTrue(cause.violations().get(0).startsWith("pageSize:"), cause.violations().toString());
    assertNoRequests();
  }
}
