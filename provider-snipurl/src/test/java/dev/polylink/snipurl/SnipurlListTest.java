package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.Link;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Page;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.TransportException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** GET links: filters, page/per_page cursors, lazy listAll. */
class SnipurlListTest extends SnipurlWireMockTest {
  private static final String LIST_PATH = "/api/v1/links";

  private static String page(int page, int perPage, int total, int totalPages, String... codes) {
    String data = Stream.of(codes)
        .map(code -> linkJson(String.format("00000000-0000-4000-8000-%012d", Math.abs(code.hashCode())), code))
        .collect(Collectors.joining(","));
    return "{\"success\":true,\"data\":[" + data + "],\"meta\":{\"page\":" + page + ",\"per_page\":" + perPage
        + ",\"total\":" + total + ",\"total_pages\":" + totalPages + "}}";
  }

  @Test
  void filtersAndPageSizeAreSentAsSnipurlsQueryParameters() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH))
        .withQueryParam("per_page", equalTo("2"))
        .withQueryParam("search", equalTo("example article"))
        .withQueryParam("is_active", equalTo("false"))
        .withQueryParam("page", absent())
        .willReturn(json(200, page(1, 2, 5, 3, "aaa", "bbb"))));
    Page<Link> first = client.list(ListLinksRequest.builder()
        .pageSize(2).search("example article").enabled(false).build());
    assertEquals(List.of("aaa", "bbb"), first.items().stream().map(Link::shortCode).collect(Collectors.toList()));
    assertEquals(Optional.of("2"), first.nextCursor());
    assertEquals(OptionalLong.of(5), first.total());
  }

  @Test
  void enabledTrueIsTheStringTrue() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("is_active", equalTo("true"))
        .willReturn(json(200, page(1, 20, 1, 1, "aaa"))));
    assertEquals(1, client.list(ListLinksRequest.builder().enabled(true).build()).items().size());
  }

  @Test
  void defaultsSendNoQueryParameters() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(json(200, page(1, 20, 0, 0))));
    Page<Link> empty = client.list(ListLinksRequest.defaults());
    assertEquals(List.of(), empty.items());
    assertEquals(Optional.empty(), empty.nextCursor());
    assertEquals(OptionalLong.of(0), empty.total());
    assertEquals(0, wm.getAllServeEvents().get(0).getRequest().getQueryParams().size());
  }

  @Test
  void theCursorIsTheNextPageNumberUntilTheLastPage() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page", equalTo("3"))
        .willReturn(json(200, page(3, 2, 5, 3, "eee"))));
    Page<Link> last = client.list(ListLinksRequest.builder().pageSize(2).cursor("3").build());
    assertEquals(1, last.items().size());
    assertEquals(Optional.empty(), last.nextCursor());
    wm.verify(getRequestedFor(urlPathEqualTo(LIST_PATH)).withQueryParam("per_page", equalTo("2")));
  }

  @Test
  void listAllFetchesPagesLazilyAndStopsAtTheLast() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page", absent())
        .willReturn(json(200, page(1, 2, 5, 3, "aaa", "bbb"))));
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page", equalTo("2"))
        .willReturn(json(200, page(2, 2, 5, 3, "ccc", "ddd"))));
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page", equalTo("3"))
        .willReturn(json(200, page(3, 2, 5, 3, "eee"))));
    ListLinksRequest request = ListLinksRequest.builder().pageSize(2).build();

    List<String> firstTwo = client.listAll(request).limit(2).map(Link::shortCode).collect(Collectors.toList());
    assertEquals(List.of("aaa", "bbb"), firstTwo);
    assertEquals(1, wm.getAllServeEvents().size(), "only the first page was needed");

    wm.resetRequests();
    List<String> all = client.listAll(request).map(Link::shortCode).collect(Collectors.toList());
    assertEquals(List.of("aaa", "bbb", "ccc", "ddd", "eee"), all);
    assertEquals(3, wm.getAllServeEvents().size());
  }

  @Test
  void aCursorThatIsNotAPageNumberIsRejectedBeforeSending() {
    for (String cursor : List.of("abc", "0", "-1", "2.5", "01")) {
      RequestValidationException e = assertThrows(RequestValidationException.class,
          () -> client.list(ListLinksRequest.builder().cursor(cursor).build()));
      assertEquals(List.of("cursor: must be a page number from Page.nextCursor() (was \"" + cursor + "\")"),
          e.violations());
    }
    assertNoRequests();
  }

  @Test
  void aLinkWithoutItsIdIsAnUnreadableResponse() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(json(200,
        "{\"success\":true,\"data\":[{\"short_code\":\"x\",\"short_url\":\"https://snipurl.click/x\"}]}")));
    TransportException e = assertThrows(TransportException.class, () -> client.list(ListLinksRequest.defaults()));
    assertEquals("snipurl list failed: unexpected response: the link has no \"id\"", e.getMessage());
  }

  @Test
  void aListWithoutMetaHasNoNextCursorAndNoTotal() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(json(200,
        "{\"success\":true,\"data\":[" + linkJson("00000000-0000-4000-8000-000000000001", "aaa") + "]}")));
    Page<Link> page = client.list(ListLinksRequest.defaults());
    assertEquals(1, page.items().size());
    assertEquals(Optional.empty(), page.nextCursor());
    assertEquals(OptionalLong.empty(), page.total());
  }

  /** Bug fix (issue 12): an empty page that claims more pages used to make listAll page for ever. */
  @Test
  void anEmptyPageEndsTheListingWhateverMetaClaims() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).withQueryParam("page", equalTo("2"))
        .willReturn(json(200, page(2, 2, 9, 5))));
    Page<Link> empty = client.list(ListLinksRequest.builder().pageSize(2).cursor("2").build());
    assertEquals(List.of(), empty.items());
    assertEquals(Optional.empty(), empty.nextCursor());
    assertEquals(OptionalLong.of(9), empty.total());
  }

  /** Bug fix (issue 12): a relative short URL or destination was accepted as a link's URL. */
  @Test
  void relativeUrlsAreNotReadAsUrls() {
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(json(200, "{\"success\":true,\"data\":["
        + linkJson("00000000-0000-4000-8000-000000000001", "aaa").replace("\"https://example.com/aaa\"", "\"/aaa\"")
        + "]}")));
    Link link = client.list(ListLinksRequest.defaults()).items().get(0);
    assertEquals(Optional.empty(), link.destination());
    assertEquals("/aaa", link.providerFields().get("original_url"));

    wm.resetAll();
    wm.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(json(200, "{\"success\":true,\"data\":["
        + linkJson("00000000-0000-4000-8000-000000000001", "aaa").replace("https://snipurl.click/aaa", "aaa")
        + "]}")));
    TransportException e = assertThrows(TransportException.class, () -> client.list(ListLinksRequest.defaults()));
    assertEquals("snipurl list failed: unexpected response: the link has no readable \"short_url\"", e.getMessage());
  }
}
