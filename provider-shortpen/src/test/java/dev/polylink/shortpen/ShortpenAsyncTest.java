package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Page;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkStats;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.RateLimit;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.StatsRequest;
import dev.polylink.core.testing.RecordingScheduler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link ShortpenClient#async()}: the create's look-up of the new link's id, page after page as
 * steps of one future, reads the same pages in the same order as the blocking create; its failure
 * is the same {@link LinkNotResolvedException}; cancelling it during the look-up stops the scan;
 * the statistics' pages are read as steps too.
 */
class ShortpenAsyncTest extends ShortpenWireMockTest {
  private static final StatsRequest NOVEMBER = StatsRequest.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

  @Override
  protected ShortpenClient newClient() {
    // Pacing off: the waits counted here are the retries' alone.
    return client(b -> b.defaultDomainId(1).scheduledExecutorService(scheduler).rateLimit(RateLimit.none()));
  }

  private static CreateLinkRequest request() {
    return CreateLinkRequest.builder().destination("https://example.com/launch").build();
  }

  private static Throwable failure(CompletableFuture<?> future) {
    return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
  }

  /** The page numbers of the list requests, in the order they were sent. */
  private static List<Integer> pagesRequested() {
    List<Integer> pages = new ArrayList<>();
    List<ServeEvent> events = new ArrayList<>(wm.getAllServeEvents());
    Collections.reverse(events);
    for (ServeEvent event : events) {
      if (event.getRequest().getMethod().value().equals("GET")) {
        pages.add(Integer.parseInt(event.getRequest().queryParameter("page").firstValue()));
      }
    }
    return pages;
  }

  private static void fourPagesWithTheLinkOnPageTwo() {
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/launch\", \"domain_id\": 1}", false, false))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 350, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 350,
        concat(ShortpenFixtures.items(101, 99), ShortpenFixtures.item(777, "summer-2025"))))));
    wm.stubFor(listPage(3).willReturn(json(200, ShortpenFixtures.page(3, 350, ShortpenFixtures.items(201, 100)))));
    wm.stubFor(listPage(4).willReturn(json(200, ShortpenFixtures.page(4, 350, ShortpenFixtures.items(301, 50)))));
  }

  private static String[] concat(String[] items, String item) {
    String[] all = java.util.Arrays.copyOf(items, items.length + 1);
    all[items.length] = item;
    return all;
  }

  @Test
  void createLooksUpTheNewLinkOnTheSamePagesAsTheBlockingCreate() throws Exception {
    fourPagesWithTheLinkOnPageTwo();
    Link blocking = client.create(request());
    List<Integer> blockingPages = pagesRequested();
    wm.resetRequests();
    Link link = client.async().create(request()).get(10, TimeUnit.SECONDS);
    assertEquals(blocking, link);
    assertEquals(LinkId.of(777), link.id());
    assertEquals(List.of(1, 4, 2), pagesRequested());
    assertEquals(blockingPages, pagesRequested());
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/generate")));
  }

  @Test
  void aLinkNotListedFailsWithTheBlockingLinkNotResolvedException() {
    wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 150, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 150, ShortpenFixtures.items(101, 50)))));
    LinkNotResolvedException blocking = assertThrows(LinkNotResolvedException.class, () -> client.create(request()));
    wm.resetRequests();
    LinkNotResolvedException e = assertInstanceOf(LinkNotResolvedException.class, failure(client.async().create(request())));
    assertEquals(blocking.getMessage(), e.getMessage());
    assertEquals(2, e.pagesRead());
    assertEquals(List.of(1, 2), pagesRequested());
  }

  @Test
  void aFailingLookUpCarriesItsCauseAfterRetriesOnTheScheduler() {
    wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(500, ShortpenFixtures.error(500, "Unexpected error."))));
    LinkNotResolvedException e = assertInstanceOf(LinkNotResolvedException.class, failure(client.async().create(request())));
    ServerException cause = assertInstanceOf(ServerException.class, e.getCause());
    assertEquals(500, cause.statusCode());
    assertEquals(RetryPolicy.defaults().maxAttempts(), pagesRequested().size(), "the list GET is retried");
    assertEquals(RetryPolicy.defaults().maxAttempts() - 1, scheduler.delays().size());
    assertTrue(sleeper.waits().isEmpty(), "no thread slept");
  }

  @Test
  void cancellingDuringTheLookUpStopsTheScan() throws Exception {
    RecordingScheduler manual = RecordingScheduler.manual();
    client.close();
    client = client(b -> b.defaultDomainId(1).scheduledExecutorService(manual).rateLimit(RateLimit.none()));
    try {
      wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
      wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 350, ShortpenFixtures.items(1, 100)))));
      wm.stubFor(listPage(4).willReturn(aResponse().withStatus(503).withBody("")));
      CompletableFuture<Link> future = client.async().create(request());
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (manual.pendingCount() == 0 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      assertEquals(1, manual.pendingCount(), "page 4 waits to be retried");
      assertTrue(future.cancel(true));
      assertEquals(0, manual.runPending(), "the wait was cancelled with the future");
      assertEquals(List.of(1, 4), pagesRequested(), "no page after the cancel");
    } finally {
      manual.shutdownNow();
    }
  }

  @Test
  void statsPagesAreReadOneAfterTheOther() throws Exception {
    String first = "{\"success\": true, \"status_code\": 200, \"data\": [{\"id\": 1, \"created_at\": \"2026-11-02T10:00:00Z\","
        + " \"country\": \"US\"}], \"page\": 1, \"count\": 1, \"total\": 2, \"message\": \"\"}";
    String second = "{\"success\": true, \"status_code\": 200, \"data\": [{\"id\": 2, \"created_at\": \"2026-11-03T10:00:00Z\","
        + " \"country\": \"FR\"}], \"page\": 2, \"count\": 1, \"total\": 2, \"message\": \"\"}";
    wm.stubFor(post(urlEqualTo("/v1/analytics"))
        .withRequestBody(equalToJson("{\"start\": \"2026-11-01\", \"end\": \"2026-11-30\", \"url_id\": 501}"))
        .willReturn(json(200, first)));
    wm.stubFor(post(urlEqualTo("/v1/analytics"))
        .withRequestBody(equalToJson("{\"start\": \"2026-11-01\", \"end\": \"2026-11-30\", \"url_id\": 501, \"page\": 2}"))
        .willReturn(json(200, second)));
    LinkStats stats = client.async().stats(LinkId.of(501), NOVEMBER).get(10, TimeUnit.SECONDS);
    assertEquals(java.util.OptionalLong.of(2), stats.totalClicks());
    wm.verify(2, postRequestedFor(urlEqualTo("/v1/analytics")));
    assertEquals(client.stats(LinkId.of(501), NOVEMBER), stats);
  }

  @Test
  void aQrCodeOnDemandFailsTheFutureWithoutARequest() {
    OperationNotSupportedException e = assertInstanceOf(OperationNotSupportedException.class,
        failure(client.async().qrCode(LinkId.of(501))));
    assertEquals(assertThrows(OperationNotSupportedException.class, () -> client.qrCode(LinkId.of(501))).getMessage(),
        e.getMessage());
    assertNoRequests();
  }

  /** Pages 1 to 4 of 350 links (ids 1 to 350, codes c1 to c350), the generated link on none of them. */
  private static void fourPagesOf350() {
    wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    for (int page = 1; page <= 4; page++) {
      wm.stubFor(listPage(page).willReturn(json(200,
          ShortpenFixtures.page(page, 350, ShortpenFixtures.items(page * 100L - 99, page == 4 ? 50 : 100)))));
    }
  }

  @Test
  void theLookUpReadsTheLastPageThenOnwardAsTheBlockingCreate() throws Exception {
    fourPagesOf350();
    wm.stubFor(listPage(3).willReturn(json(200, ShortpenFixtures.page(3, 350,
        concat(ShortpenFixtures.items(201, 99), ShortpenFixtures.item(777, "summer-2025"))))));
    Link blocking = client.create(request());
    assertEquals(List.of(1, 4, 2, 3), pagesRequested());
    wm.resetRequests();
    Link link = client.async().create(request()).get(10, TimeUnit.SECONDS);
    assertEquals(blocking, link);
    assertEquals(LinkId.of(777), link.id());
    assertEquals(List.of(1, 4, 2, 3), pagesRequested());
  }

  @Test
  void aLinkOnTheLastPageIsFoundThere() throws Exception {
    fourPagesOf350();
    wm.stubFor(listPage(4).willReturn(json(200, ShortpenFixtures.page(4, 350,
        concat(ShortpenFixtures.items(301, 49), ShortpenFixtures.item(777, "summer-2025"))))));
    Link link = client.async().create(request()).get(10, TimeUnit.SECONDS);
    assertEquals(LinkId.of(777), link.id());
    assertEquals(List.of(1, 4), pagesRequested());
  }

  @Test
  void withoutATotalTheLookUpGoesOnToPageTwo() throws Exception {
    wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, -1, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, -1,
        ShortpenFixtures.item(101, "c101"), ShortpenFixtures.item(777, "summer-2025")))));
    assertEquals(LinkId.of(777), client.async().create(request()).get(10, TimeUnit.SECONDS).id());
    assertEquals(List.of(1, 2), pagesRequested());
  }

  @Test
  void aLastPageOfOneIsNotReadTwice() throws Exception {
    // page 1 says 100 links in all but holds 50: a page 2 to read, but no last page beyond page 1
    wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 100, ShortpenFixtures.items(1, 50)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 100,
        concat(ShortpenFixtures.items(51, 49), ShortpenFixtures.item(777, "summer-2025"))))));
    assertEquals(LinkId.of(777), client.create(request()).id());
    assertEquals(List.of(1, 2), pagesRequested());
    wm.resetRequests();
    assertEquals(LinkId.of(777), client.async().create(request()).get(10, TimeUnit.SECONDS).id());
    assertEquals(List.of(1, 2), pagesRequested());
  }

  @Test
  void theLookUpBoundCountsTheLastPage() {
    fourPagesOf350();
    for (int bound = 1; bound <= 2; bound++) {
      int pages = bound;
      client.close();
      client = client(b -> b.defaultDomainId(1).createLookupPages(pages).scheduledExecutorService(scheduler)
          .rateLimit(RateLimit.none()));
      wm.resetRequests();
      LinkNotResolvedException blocking = assertThrows(LinkNotResolvedException.class, () -> client.create(request()));
      List<Integer> expected = bound == 1 ? List.of(1) : List.of(1, 4);
      assertEquals(expected, pagesRequested());
      wm.resetRequests();
      LinkNotResolvedException e = assertInstanceOf(LinkNotResolvedException.class, failure(client.async().create(request())));
      assertEquals(expected, pagesRequested());
      assertEquals(bound, e.pagesRead());
      assertEquals(blocking.getMessage(), e.getMessage());
    }
  }

  @Test
  void aLookUpWhoseFirstPageFailsSaysNoPageWasRead() {
    wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(400, ShortpenFixtures.error(400, "Bad page."))));
    LinkNotResolvedException blocking = assertThrows(LinkNotResolvedException.class, () -> client.create(request()));
    LinkNotResolvedException e = assertInstanceOf(LinkNotResolvedException.class, failure(client.async().create(request())));
    assertEquals(blocking.getMessage(), e.getMessage());
    assertEquals(0, e.pagesRead());
    assertTrue(e.getMessage().contains("listing failed after 0 page(s) read (none): "), e.getMessage());
  }

  @Test
  void theOptionsWorkspaceIsCreatedInAndScanned() throws Exception {
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/launch\", \"domain_id\": 1, \"workspace_id\": 9}",
            false, false))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(get(urlPathEqualTo("/v1/links")).withQueryParam("page", equalTo("1"))
        .withQueryParam("limit", equalTo("100")).withQueryParam("workspace_id", equalTo("9"))
        .willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    Link link = client.async().create(CreateLinkRequest.builder().destination("https://example.com/launch")
        .options(ShortpenOptions.builder().workspaceId(9).build()).build()).get(10, TimeUnit.SECONDS);
    assertEquals(LinkId.of(501), link.id());
  }

  @Test
  void getReadsPagesUntilTheIdAppearsAsTheBlockingGet() throws Exception {
    for (int page = 1; page <= 3; page++) {
      wm.stubFor(listPage(page).willReturn(json(200, ShortpenFixtures.page(page, 300, ShortpenFixtures.items(page * 100L - 99, 100)))));
    }
    Link link = client.async().get(LinkId.of(150)).get(10, TimeUnit.SECONDS);
    assertEquals(LinkId.of(150), link.id());
    assertEquals("c150", link.shortCode());
    assertEquals(List.of(1, 2), pagesRequested());
    assertEquals(client.get(LinkId.of(150)), link);
  }

  @Test
  void getOfAMissingIdFailsWithTheBlockingNotFound() {
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 130, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 130, ShortpenFixtures.items(101, 30)))));
    NotFoundException e = assertInstanceOf(NotFoundException.class, failure(client.async().get(LinkId.of(999))));
    assertEquals(List.of(1, 2), pagesRequested());
    assertEquals(assertThrows(NotFoundException.class, () -> client.get(LinkId.of(999))).getMessage(), e.getMessage());
    assertTrue(e.getMessage().contains("no link with id 999 in any of the 2 page(s)"), e.getMessage());
  }

  @Test
  void listSendsTheCursorAsPageAndThePageSizeAsLimit() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/v1/links")).withQueryParam("page", equalTo("3"))
        .withQueryParam("limit", equalTo("2"))
        .willReturn(json(200, ShortpenFixtures.page(3, 7, ShortpenFixtures.items(5, 2)))));
    ListLinksRequest request = ListLinksRequest.builder().pageSize(2).cursor("3").build();
    Page<Link> page = client.async().list(request).get(10, TimeUnit.SECONDS);
    assertEquals(List.of(LinkId.of(5), LinkId.of(6)), page.items().stream().map(Link::id).toList());
    assertEquals(java.util.Optional.of("4"), page.nextCursor());
    assertEquals(client.list(request), page);
  }

  @Test
  void aPageSizeAboveTheMaximumFailsTheListBeforeAnyRequest() {
    RequestValidationException e = assertInstanceOf(RequestValidationException.class,
        failure(client.async().list(ListLinksRequest.builder().pageSize(101).build())));
    assertTrue(e.violations().get(0).startsWith("pageSize:"), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void aDeleteCountOfZeroFailsWithNotFound() {
    wm.stubFor(delete(urlEqualTo("/v1/links")).withRequestBody(equalToJson("{\"url_id\": 501}", false, false))
        .willReturn(json(200, "{\"success\": true, \"status_code\": 200, \"data\": {\"deleted\": 0}, \"message\": \"\"}")));
    NotFoundException e = assertInstanceOf(NotFoundException.class, failure(client.async().delete(LinkId.of(501))));
    assertEquals("ShortPen deleted no link with id 501 (data.deleted: 0)", e.vendorMessage().orElseThrow());
  }

  @Test
  void statsWithoutARangeFailBeforeAnyRequest() {
    RequestValidationException e = assertInstanceOf(RequestValidationException.class,
        failure(client.async().stats(LinkId.of(501))));
    assertTrue(e.violations().get(0).startsWith("range:"), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void accountUsageIsTheBlockingUsage() throws Exception {
    wm.stubFor(post(urlEqualTo("/v1/me")).withRequestBody(equalToJson("{}")).willReturn(json(200,
        "{\"success\": true, \"status_code\": 200, \"data\": {\"enabledFeatures\": {\"links\": {\"name\": \"Links\","
            + " \"enabled\": true, \"limit\": 500, \"used\": 120, \"remaining\": 380}}}, \"message\": \"\"}")));
    AccountUsage usage = client.async().accountUsage().get(10, TimeUnit.SECONDS);
    assertEquals(java.util.Map.of("links", true), usage.features());
    assertEquals(client.accountUsage(), usage);
  }

  @Test
  void withoutATotalTheBoundAndTheShortLastPageEndTheLookUpAsTheBlockingOne() {
    client.close();
    client = client(b -> b.defaultDomainId(1).createLookupPages(3).scheduledExecutorService(scheduler)
        .rateLimit(RateLimit.none()));
    wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    for (int page = 1; page <= 4; page++) {
      wm.stubFor(listPage(page).willReturn(json(200, ShortpenFixtures.page(page, -1, ShortpenFixtures.items(page * 100L, 100)))));
    }
    LinkNotResolvedException bound = assertInstanceOf(LinkNotResolvedException.class, failure(client.async().create(request())));
    assertEquals(List.of(1, 2, 3), pagesRequested());
    assertEquals(3, bound.pagesRead());
    assertEquals(assertThrows(LinkNotResolvedException.class, () -> client.create(request())).getMessage(), bound.getMessage());

    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, -1, ShortpenFixtures.items(200, 10)))));
    wm.resetRequests();
    LinkNotResolvedException end = assertInstanceOf(LinkNotResolvedException.class, failure(client.async().create(request())));
    assertEquals(List.of(1, 2), pagesRequested());
    assertEquals(2, end.pagesRead());
    assertEquals(assertThrows(LinkNotResolvedException.class, () -> client.create(request())).getMessage(), end.getMessage());
  }
}
