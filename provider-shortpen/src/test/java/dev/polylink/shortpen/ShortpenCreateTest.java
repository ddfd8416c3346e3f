package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/generate} and the look-up of the new link's id in {@code GET /v1/links}. */
class ShortpenCreateTest extends ShortpenWireMockTest {
  private static final URI SUMMER = URI.create("https://go.shortpen.com/summer-2025");

  private static CreateLinkRequest.Builder request() {
    return CreateLinkRequest.builder().destination("https://example.com/launch");
  }

  private static void generateAnswers(String body) {
    wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, body)));
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

  @Test
  void createSendsTheMappedBodyAndResolvesTheIdFromTheFirstPage() {
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .withRequestBody(equalToJson(
            "{\"url\": \"https://example.com/launch\", \"domain_id\": 1, \"custom_slug\": \"summer-2025\","
                + " \"title\": \"Summer campaign\", \"with_password\": true, \"url_password\": \"s3cret-Pa55\","
                + " \"redirect_type\": 301}",
            false, false))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));

    Link link = client.create(request()
        .slug("summer-2025")
        .title("Summer campaign")
        .password("s3cret-Pa55")
        .redirectType(RedirectType.PERMANENT)
        .build());

    assertEquals(LinkId.of(501), link.id());
    assertEquals(SUMMER, link.shortUrl());
    assertEquals("summer-2025", link.shortCode());
    assertEquals(Optional.of(URI.create("https://example.com/launch")), link.destination());
    assertEquals(Optional.of("Summer campaign"), link.title());
    assertEquals(Optional.of(true), link.passwordProtected());
    assertEquals(Optional.of(RedirectType.PERMANENT), link.redirectType());
    assertEquals(Optional.of(Instant.parse("2025-06-01T09:30:00Z")), link.createdAt());
    assertEquals(Optional.of(Instant.parse("2025-06-02T10:15:00Z")), link.updatedAt());
    assertEquals(Optional.empty(), link.enabled());
    assertEquals(Optional.empty(), link.expiresAt());
    assertEquals(OptionalLong.empty(), link.clicks());
    assertEquals(7, link.providerFields().get("workspace_id"));
    assertEquals(Map.of("utm_source", "newsletter"), link.providerFields().get("params"));
    assertFalse(link.providerFields().containsKey("qr"), "JSON nulls are left out");
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/generate")));
    assertEquals(List.of(1), pagesRequested());
  }

  @Test
  void theClientWorkspaceIsSentOnCreateAndScanned() {
    client.close();
    client = client(b -> b.defaultDomainId(1).workspaceId(7));
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .withRequestBody(equalToJson(
            "{\"url\": \"https://example.com/launch\", \"domain_id\": 1, \"workspace_id\": 7}", false, false))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).withQueryParam("workspace_id", equalTo("7"))
        .willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    assertEquals(LinkId.of(501), client.create(request().build()).id());
  }

  @Test
  void theOptionsWorkspaceOverridesTheClientsForTheBodyAndTheScan() {
    client.close();
    client = client(b -> b.defaultDomainId(1).workspaceId(7));
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .withRequestBody(equalToJson(
            "{\"url\": \"https://example.com/launch\", \"domain_id\": 1, \"workspace_id\": 9}", false, false))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).withQueryParam("workspace_id", equalTo("9"))
        .willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    client.create(request().options(ShortpenOptions.builder().workspaceId(9).build()).build());
    wm.verify(getRequestedFor(urlPathEqualTo("/v1/links")).withQueryParam("workspace_id", equalTo("9")));
  }

  @Test
  void anOldestFirstListIsResolvedFromTheLastPageWithoutReadingTheMiddle() {
    generateAnswers(ShortpenFixtures.GENERATE_RESPONSE);
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 250, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 250, ShortpenFixtures.items(101, 100)))));
    String[] last = ShortpenFixtures.items(201, 49);
    wm.stubFor(listPage(3).willReturn(json(200, ShortpenFixtures.page(3, 250,
        concat(last, ShortpenFixtures.item(250, "summer-2025"))))));

    Link link = client.create(request().build());

    assertEquals(LinkId.of(250), link.id());
    assertEquals(List.of(1, 3), pagesRequested());
  }

  @Test
  void aLinkOnPageTwoIsFoundAfterTheFirstAndLastPages() {
    generateAnswers(ShortpenFixtures.GENERATE_RESPONSE);
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 350, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 350,
        concat(ShortpenFixtures.items(101, 99), ShortpenFixtures.item(777, "summer-2025"))))));
    wm.stubFor(listPage(3).willReturn(json(200, ShortpenFixtures.page(3, 350, ShortpenFixtures.items(201, 100)))));
    wm.stubFor(listPage(4).willReturn(json(200, ShortpenFixtures.page(4, 350, ShortpenFixtures.items(301, 50)))));

    assertEquals(LinkId.of(777), client.create(request().build()).id());
    assertEquals(List.of(1, 4, 2), pagesRequested(), "page 1, the last page once, then newest first");
  }

  @Test
  void withoutATotalThePagesAreReadForwardUntilAShortPage() {
    generateAnswers(ShortpenFixtures.GENERATE_RESPONSE);
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, -1, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, -1,
        ShortpenFixtures.item(101, "other"), ShortpenFixtures.item(102, "summer-2025")))));

    assertEquals(LinkId.of(102), client.create(request().build()).id());
    assertEquals(List.of(1, 2), pagesRequested());
  }

  @Test
  void shortUrlsMatchIgnoringHostCaseAndATrailingSlashAndTheNewestDuplicateWins() {
    generateAnswers(ShortpenFixtures.GENERATE_RESPONSE);
    String oldest = "{\"id\": 40, \"link\": \"https://go.shortpen.com/summer-2025\"}";
    String newest = "{\"id\": 42, \"link\": \"https://GO.ShortPen.com/summer-2025/\"}";
    String between = "{\"id\": 41, \"link\": \"https://go.shortpen.com/summer-2025/\"}";
    // The newest is neither the first nor the last match on the page: only the highest id picks it.
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 4,
        ShortpenFixtures.item(39, "winter"), oldest, newest, between))));
    Link link = client.create(request().build());
    assertEquals(LinkId.of(42), link.id());
    assertEquals(URI.create("https://GO.ShortPen.com/summer-2025/"), link.shortUrl());
    assertEquals("summer-2025", link.shortCode());
  }

  @Test
  void theDeprecatedShortUrlIsUsedWhenTheAnswerHasNoLink() {
    generateAnswers("{\"success\": true, \"status_code\": 200, \"data\": {\"short_url\": \"https://go.shortpen.com/summer-2025\","
        + " \"created\": true, \"qr\": null}, \"message\": \"\"}");
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    assertEquals(LinkId.of(501), client.create(request().build()).id());
  }

  @Test
  void aLinkNotListedAnywhereRaisesLinkNotResolvedWithItsShortUrlAndIsNotCreatedTwice() {
    generateAnswers(ShortpenFixtures.GENERATE_RESPONSE);
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 150, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 150, ShortpenFixtures.items(101, 50)))));

    LinkNotResolvedException e = assertThrows(LinkNotResolvedException.class, () -> client.create(request().build()));

    assertEquals(SUMMER, e.shortUrl());
    assertEquals("shortpen", e.providerId());
    assertTrue(e.getMessage().contains("https://go.shortpen.com/summer-2025"), e.getMessage());
    assertTrue(e.getMessage().contains("2 page(s)"), e.getMessage());
    assertEquals(2, e.pagesRead());
    assertNull(e.getCause());
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/generate")));
    assertEquals(List.of(1, 2), pagesRequested());
  }

  @Test
  void theLookUpOfAHundredThousandLinksReadsFivePagesNotAThousand() {
    generateAnswers(ShortpenFixtures.GENERATE_RESPONSE);
    for (int page = 1; page <= 1000; page++) {
      wm.stubFor(listPage(page).willReturn(json(200,
          ShortpenFixtures.page(page, 100_000, ShortpenFixtures.items(100_000 - page * 100L + 1, 100)))));
    }

    LinkNotResolvedException e = assertThrows(LinkNotResolvedException.class, () -> client.create(request().build()));

    assertEquals(List.of(1, 1000, 2, 3, 4), pagesRequested());
    assertEquals(ShortpenClient.DEFAULT_CREATE_LOOKUP_PAGES, e.pagesRead());
    assertTrue(e.getMessage().contains("not listed in any of the 5 page(s) read of 1000"), e.getMessage());
    assertTrue(e.getMessage().contains("(pages 1, 1000, 2, 3, 4)"), e.getMessage());
    assertTrue(e.getMessage().contains("createLookupPages"), e.getMessage());
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/generate")));
  }

  @Test
  void theBoundIsConfigurableOnTheBuilder() {
    client.close();
    client = client(b -> b.defaultDomainId(1).createLookupPages(2));
    generateAnswers(ShortpenFixtures.GENERATE_RESPONSE);
    for (int page = 1; page <= 4; page++) {
      wm.stubFor(listPage(page).willReturn(json(200, ShortpenFixtures.page(page, -1, ShortpenFixtures.items(page * 100L, 100)))));
    }
    LinkNotResolvedException e = assertThrows(LinkNotResolvedException.class, () -> client.create(request().build()));
    assertEquals(List.of(1, 2), pagesRequested(), "without a total there is no last page to try");
    assertEquals(2, e.pagesRead());
    assertTrue(e.getMessage().contains("(pages 1, 2)"), e.getMessage());

    client.close();
    client = client(b -> b.defaultDomainId(1).createLookupPages(1));
    wm.resetRequests();
    assertEquals(1, assertThrows(LinkNotResolvedException.class, () -> client.create(request().build())).pagesRead());
    assertEquals(List.of(1), pagesRequested());
  }

  @Test
  void aBoundOutsideOneToAThousandIsRejected() {
    for (int bad : new int[] {0, -1, 1001}) {
      RequestValidationException e = assertThrows(RequestValidationException.class,
          () -> ShortpenClient.builder().createLookupPages(bad));
      assertEquals(List.of("createLookupPages: must be between 1 and 1000 (was " + bad + ")"), e.violations());
    }
  }

  @Test
  void aFailingListingAfterTheCreateRaisesLinkNotResolvedCarryingTheCause() {
    generateAnswers(ShortpenFixtures.GENERATE_RESPONSE);
    wm.stubFor(listPage(1).willReturn(json(500, ShortpenFixtures.error(500, "Unexpected error."))));

    LinkNotResolvedException e = assertThrows(LinkNotResolvedException.class, () -> client.create(request().build()));

    assertEquals(SUMMER, e.shortUrl());
    ServerException cause = assertInstanceOf(ServerException.class, e.getCause());
    assertEquals(500, cause.statusCode());
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/generate")));
    assertEquals(RetryPolicy.defaults().maxAttempts(), pagesRequested().size(), "the list GET is retried");
  }

  @Test
  void anAnswerWithoutAnyShortUrlIsATransportExceptionAndNothingIsListed() {
    generateAnswers("{\"success\": true, \"status_code\": 200, \"data\": {\"created\": true}, \"message\": \"\"}");
    TransportException e = assertThrows(TransportException.class, () -> client.create(request().build()));
    assertTrue(e.getMessage().contains("do not create it again"), e.getMessage());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void withoutAnyDomainCreateIsRejectedBeforeSending() {
    client.close();
    client = client(b -> b);
    RequestValidationException e =
        assertThrows(RequestValidationException.class, () -> client.create(request().build()));
    assertTrue(e.violations().get(0).startsWith("domain: is required"), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void aDomainThatIsNotAnIdIsRejectedBeforeSending() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.create(request().domain("go.shortpen.com").build()));
    assertEquals(List.of("domain: must be a ShortPen domain id, a positive integer (was \"go.shortpen.com\")"),
        e.violations());
    RequestValidationException zero = assertThrows(RequestValidationException.class,
        () -> client.create(request().domain("0").build()));
    assertEquals(List.of("domain: must be a ShortPen domain id, a positive integer (was \"0\")"), zero.violations());
    assertNoRequests();
  }

  @Test
  void theRequestDomainOverridesTheClientDefault() {
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/launch\", \"domain_id\": 3}", false, false))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    client.create(request().domain("3").build());
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/generate")));
  }

  @Test
  void disagreeingDomainsAreRejectedBeforeSending() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.create(request().domain("3").options(ShortpenOptions.builder().domainId(4).build()).build()));
    assertEquals(List.of("domain: 3 disagrees with ShortpenOptions.domainId 4 (give one of them)"), e.violations());
    assertNoRequests();
  }

  @Test
  void everyOptionIsSentUnderShortpensName() {
    String logo = "iVBORw0KGgo=";
    String image = "R0lGODlhAQABAAAAACw=";
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .withRequestBody(equalToJson(
            "{\"url\": \"https://example.com/launch\", \"domain_id\": 4, \"workspace_id\": 9, \"folder_id\": 12,"
                + " \"param\": {\"utm_source\": \"newsletter\", \"utm_medium\": \"email\"},"
                + " \"generate_qr\": true, \"enable_tracking\": true, \"pixel_id\": 5,"
                + " \"link_cloak\": true, \"hide_referer\": false, \"r\": 0, \"g\": 128, \"b\": 255,"
                + " \"uploaded_logo_type\": \"uploaded\", \"uploaded_logo_data\": \"" + logo + "\","
                + " \"social_share_title\": \"Sale\", \"social_share_description\": \"Big sale\","
                + " \"social_share_image_data\": \"" + image + "\"}",
            false, false))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));

    client.create(request().options(ShortpenOptions.builder()
            .domainId(4)
            .workspaceId(9)
            .folderId(12)
            .param("utm_source", "newsletter")
            .param("utm_medium", "email")
            .generateQr(true)
            .trackingPixel(5)
            .linkCloak(true)
            .hideReferer(false)
            .qrColor(0, 128, 255)
            .uploadedLogo(logo)
            .socialShareTitle("Sale")
            .socialShareDescription("Big sale")
            .socialShareImage(image)
            .build())
        .build());
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/generate")));
  }

  @Test
  void disableTrackingAndANamedLogoTypeAreSent() {
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .withRequestBody(equalToJson(
            "{\"url\": \"https://example.com/launch\", \"domain_id\": 1, \"enable_tracking\": false,"
                + " \"uploaded_logo_type\": \"custom\", \"redirect_type\": 302}",
            false, false))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    client.create(request()
        .redirectType(RedirectType.TEMPORARY)
        .options(ShortpenOptions.builder().trackingPixel(5).disableTracking().logo(QrLogoType.CUSTOM).build())
        .build());
    wm.verify(1, postRequestedFor(urlEqualTo("/v1/generate")));
  }

  @Test
  void aPostIsNotRetriedOnAQuota429() {
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .willReturn(json(429, ShortpenFixtures.error(429, "Monthly link quota reached."))));
    RateLimitException e =
        assertThrows(RateLimitException.class, () -> client.create(request().build()));
    assertTrue(e.quotaExhausted());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void aPostIsRetriedOnABurst429WithRetryAfter() {
    wm.stubFor(post(urlEqualTo("/v1/generate")).inScenario("burst")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(429, ShortpenFixtures.error(429, "Too many requests.")).withHeader("Retry-After", "1"))
        .willSetStateTo("calm"));
    wm.stubFor(post(urlEqualTo("/v1/generate")).inScenario("burst").whenScenarioStateIs("calm")
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    client.create(request().build());
    wm.verify(2, postRequestedFor(urlEqualTo("/v1/generate")));
    assertEquals(List.of(Duration.ofSeconds(1)), sleeper.retryWaits());
    // Paced at ShortPen's 60 a minute: the list right after the retried create waits about a second.
    List<Duration> paced = sleeper.rateLimitWaits();
    assertFalse(paced.isEmpty(), sleeper.waits().toString());
    assertTrue(paced.get(paced.size() - 1).compareTo(Duration.ofMillis(500)) > 0, sleeper.waits().toString());
    assertTrue(paced.get(paced.size() - 1).compareTo(Duration.ofMillis(1021)) < 0, sleeper.waits().toString());
  }

  @Test
  void anHtmlAnswerToTheListIsWrappedTooSoTheCallerKnowsTheLinkExists() {
    generateAnswers(ShortpenFixtures.GENERATE_RESPONSE);
    wm.stubFor(listPage(1).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));
    LinkNotResolvedException e = assertThrows(LinkNotResolvedException.class, () -> client.create(request().build()));
    assertInstanceOf(TransportException.class, e.getCause());
    assertEquals(SUMMER, e.shortUrl());
  }

  private static String[] concat(String[] items, String extra) {
    String[] all = Arrays.copyOf(items, items.length + 1);
    all[items.length] = extra;
    return all;
  }

  @Test
  void aTotalOfExactlyTwoPagesMakesPageTwoTheLast() {
    generateAnswers(ShortpenFixtures.GENERATE_RESPONSE);
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.page(1, 200, ShortpenFixtures.items(1, 100)))));
    wm.stubFor(listPage(2).willReturn(json(200, ShortpenFixtures.page(2, 200,
        concat(ShortpenFixtures.items(101, 99), ShortpenFixtures.item(200, "summer-2025"))))));
    assertEquals(LinkId.of(200), client.create(request().build()).id());
    assertEquals(List.of(1, 2), pagesRequested());
  }
}
