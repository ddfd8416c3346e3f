package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The default {@link LinkClient#listAll}: lazy, one page at a time, following cursors. */
class ListAllTest {

  /** A client whose only working method is {@code list}, serving fixed pages keyed by cursor. */
  static final class PagedClient implements LinkClient {
    /** Cursor ("" for the first page) to the codes on that page and the next cursor (null: last). */
    private final Map<String, Map.Entry<List<String>, String>> pages;
    final List<ListLinksRequest> requests = new ArrayList<>();

    PagedClient(Map<String, Map.Entry<List<String>, String>> pages) {
      this.pages = pages;
    }

    @Override
    public Page<Link> list(ListLinksRequest request) {
      requests.add(request);
      Map.Entry<List<String>, String> page = pages.get(request.cursor().orElse(""));
      if (page == null) {
        throw new AssertionError("no page for " + request);
      }
      List<Link> links = page.getKey().stream().map(ListAllTest::link).collect(Collectors.toList());
      return Page.of(links, Optional.ofNullable(page.getValue()), OptionalLong.empty());
    }

    @Override
    public String providerId() {
      return "paged";
    }

    @Override
    public Capabilities capabilities() {
      throw new AssertionError("listAll must use list() only");
    }

    @Override
    public Link create(CreateLinkRequest request) {
      throw new AssertionError("listAll must use list() only");
    }

    @Override
    public Link get(LinkId id) {
      throw new AssertionError("listAll must use list() only");
    }

    @Override
    public Link update(LinkId id, LinkPatch patch) {
      throw new AssertionError("listAll must use list() only");
    }

    @Override
    public void delete(LinkId id) {
      throw new AssertionError("listAll must use list() only");
    }

    @Override
    public Optional<RateLimitStatus> lastRateLimit() {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }

  private static Link link(String code) {
    return Link.builder()
        .providerId("paged")
        .id(LinkId.of(code))
        .shortUrl(URI.create("https://s.example/" + code))
        .shortCode(code)
        .build();
  }

  private static Map.Entry<List<String>, String> page(String next, String... codes) {
    return new java.util.AbstractMap.SimpleImmutableEntry<>(List.of(codes), next);
  }

  /** Pages of two: a b | c d | e f | g (last). */
  private static PagedClient pagesOfTwo() {
    return new PagedClient(
        Map.of(
            "", page("p2", "a", "b"),
            "p2", page("p3", "c", "d"),
            "p3", page("p4", "e", "f"),
            "p4", page(null, "g")));
  }

  private static List<String> codes(Stream<Link> links) {
    return links.map(Link::shortCode).collect(Collectors.toList());
  }

  @Test
  void nothingIsFetchedUntilTheStreamIsConsumed() {
    PagedClient client = pagesOfTwo();
    Stream<Link> links = client.listAll(ListLinksRequest.defaults());
    assertEquals(0, client.requests.size());
    links.close();
    assertEquals(0, client.requests.size());
  }

  @Test
  void limitFetchesOnlyThePagesItNeeds() {
    PagedClient client = pagesOfTwo();
    assertEquals(List.of("a", "b", "c"), codes(client.listAll(ListLinksRequest.defaults()).limit(3)));
    assertEquals(2, client.requests.size(), "limit(3) over pages of 2 needs exactly 2 pages");

    PagedClient first = pagesOfTwo();
    assertEquals(Optional.of("a"), first.listAll(ListLinksRequest.defaults()).map(Link::shortCode).findFirst());
    assertEquals(1, first.requests.size());

    PagedClient two = pagesOfTwo();
    assertEquals(List.of("a", "b"), codes(two.listAll(ListLinksRequest.defaults()).limit(2)));
    assertEquals(1, two.requests.size(), "no prefetch of the next page");
  }

  @Test
  void iteratingPullsOnePageAtATime() {
    PagedClient client = pagesOfTwo();
    Iterator<Link> it = client.listAll(ListLinksRequest.defaults()).iterator();
    assertEquals(0, client.requests.size());
    assertEquals("a", it.next().shortCode());
    assertEquals(1, client.requests.size());
    assertEquals("b", it.next().shortCode());
    assertEquals(1, client.requests.size());
    assertEquals("c", it.next().shortCode());
    assertEquals(2, client.requests.size());
  }

  @Test
  void followsCursorsAndStopsAfterTheLastPage() {
    PagedClient client = pagesOfTwo();
    ListLinksRequest request = ListLinksRequest.builder().pageSize(2).search("q").build();
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), codes(client.listAll(request)));
    assertEquals(4, client.requests.size());
    assertEquals(
        List.of(Optional.empty(), Optional.of("p2"), Optional.of("p3"), Optional.of("p4")),
        client.requests.stream().map(ListLinksRequest::cursor).collect(Collectors.toList()));
    for (ListLinksRequest sent : client.requests) {
      assertEquals(request.pageSize(), sent.pageSize(), "page size kept on every page");
      assertEquals(request.search(), sent.search(), "filters kept on every page");
    }
  }

  @Test
  void startsAtTheRequestsCursor() {
    PagedClient client = pagesOfTwo();
    assertEquals(List.of("e", "f", "g"), codes(client.listAll(ListLinksRequest.builder().cursor("p3").build())));
    assertEquals(2, client.requests.size());
  }

  @Test
  void emptyPagesInTheMiddleAreSkipped() {
    PagedClient client =
        new PagedClient(
            Map.of(
                "", page("e1", "a"),
                "e1", page("e2"),
                "e2", page("p3"),
                "p3", page(null, "b")));
    assertEquals(List.of("a", "b"), codes(client.listAll(ListLinksRequest.defaults())));
    assertEquals(4, client.requests.size());
  }

  @Test
  void anEmptyLastPageEndsTheStream() {
    PagedClient empty = new PagedClient(Map.of("", page(null)));
    assertEquals(List.of(), codes(empty.listAll(ListLinksRequest.defaults())));
    assertEquals(1, empty.requests.size());

    Iterator<Link> it = empty.listAll(ListLinksRequest.defaults()).iterator();
    assertFalse(it.hasNext());
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
    assertEquals(2, empty.requests.size(), "hasNext after the end fetches nothing more");
  }

  @Test
  void aBlankNextCursorEndsTheStream() {
    PagedClient client = new PagedClient(Map.of("", page("p2", "a"), "p2", page("", "b")));
    assertEquals(List.of("a", "b"), codes(client.listAll(ListLinksRequest.defaults())));
    assertEquals(2, client.requests.size());
  }

  @Test
  void aNullRequestIsRejectedAtOnceNotWhenTheStreamIsConsumed() {
    PagedClient client = pagesOfTwo();
    assertThrows(NullPointerException.class, () -> client.listAll(null));
    assertEquals(0, client.requests.size());
  }

  @Test
  void aFailingPageSurfacesWhenReached() {
    PagedClient client = new PagedClient(Map.of("", page("missing", "a")));
    Iterator<Link> it = client.listAll(ListLinksRequest.defaults()).iterator();
    assertEquals("a", it.next().shortCode());
    assertThrows(AssertionError.class, it::hasNext);
    assertTrue(client.requests.size() == 2);
  }

  @Test
  void aVendorRepeatingTheCursorItWasGivenStopsTheListingInsteadOfLoopingForEver() {
    PagedClient client = new PagedClient(Map.of("", page("p2", "a"), "p2", page("p2", "b")));
    Iterator<Link> it = client.listAll(ListLinksRequest.defaults()).iterator();
    assertEquals("a", it.next().shortCode());
    TransportException e = assertThrows(TransportException.class, it::hasNext);
    assertEquals("paged", e.providerId());
    assertEquals(Operation.LIST, e.operation());
    assertTrue(e.getMessage().contains("'p2'"), e.getMessage());
    assertEquals(2, client.requests.size());
  }
}
