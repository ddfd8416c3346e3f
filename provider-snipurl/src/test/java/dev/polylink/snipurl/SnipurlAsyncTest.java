package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.AccountUsage;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.ListLinksRequest;
import dev.polylink.core.Page;
import dev.polylink.core.LinkStats;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.StatsRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link SnipurlClient#async()}: the documented create body, the QR image after the link's short
 * code was read (two steps of one future), statistics with the range as UTC day bounds, usage, and
 * checks as failed futures.
 */
class SnipurlAsyncTest extends SnipurlWireMockTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
  private static final String CREATED =
      "{\"success\":true,\"data\":" + linkJson("7d0f1e2a-3b4c-4d5e-8f60-718293a4b5c6", "my-article") + "}";

  @Override
  protected SnipurlClient newClient() {
    return builder().scheduledExecutorService(scheduler).rateLimit(dev.polylink.core.RateLimit.none()).build();
  }

  private static Throwable failure(CompletableFuture<?> future) {
    return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void createSendsEveryFieldUnderSnipurlsNames() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links"))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/article\", \"custom_alias\": \"my-article\","
            + " \"title\": \"Example Article\", \"password\": \"s3cret\", \"expires_at\": \"2025-12-31T23:59:59Z\"}",
            false, false))
        .willReturn(json(201, CREATED)));
    CreateLinkRequest request = CreateLinkRequest.builder()
        .destination("https://example.com/article")
        .slug("my-article")
        .title("Example Article")
        .password("s3cret")
        .expiresAt(Instant.parse("2025-12-31T23:59:59Z"))
        .build();
    Link link = client.async().create(request).get(10, TimeUnit.SECONDS);
    assertEquals("7d0f1e2a-3b4c-4d5e-8f60-718293a4b5c6", link.id().value());
    assertEquals("my-article", link.shortCode());
    assertEquals(client.create(request), link);
  }

  @Test
  void theQrImageIsAskedAfterTheLinksShortCodeWasRead() throws Exception {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("get-response.json"))));
    String code = client.get(DOC_ID).shortCode();
    wm.resetRequests();
    wm.stubFor(get(urlPathEqualTo("/api/v1/qr/" + code)).withQueryParam("format", equalTo("png"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(PNG)));
    QrCode qr = client.async().qrCode(DOC_ID, QrOptions.builder().format(QrFormat.PNG).build()).get(10, TimeUnit.SECONDS);
    assertEquals(QrFormat.PNG, qr.format());
    assertEquals(PNG.length, qr.length());
    assertEquals(List.of("GET " + LINK_PATH, "GET /api/v1/qr/" + code + "?format=png"), requestLines());
  }

  @Test
  void aMissingLinkFailsTheQrFutureBeforeTheImageIsAsked() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(404, error("NOT_FOUND", "Link not found."))));
    NotFoundException e = assertInstanceOf(NotFoundException.class, failure(client.async().qrCode(DOC_ID)));
    assertEquals(Operation.GET, e.operation(), "the short-code read failed");
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void statsAndUsage() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/" + DOC_ID))
        .withQueryParam("start", equalTo("2026-11-01T00:00:00.000Z"))
        .withQueryParam("end", equalTo("2026-11-30T23:59:59.999Z"))
        .willReturn(json(200, "{\"success\": true, \"data\": {\"total_clicks\": 57}}")));
    StatsRequest november = StatsRequest.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
    LinkStats stats = client.async().stats(DOC_ID, november).get(10, TimeUnit.SECONDS);
    assertEquals(OptionalLong.of(57), stats.totalClicks());
    assertEquals(client.stats(DOC_ID, november), stats);
    wm.stubFor(get(urlPathEqualTo("/api/v1/account/usage")).willReturn(json(200,
        "{\"success\": true, \"data\": {\"rate_limit_per_minute\": 120, \"rate_limit_per_hour\": 5000,"
            + " \"link_limit\": 100, \"total_links\": 12}}")));
    AccountUsage usage = client.async().accountUsage().get(10, TimeUnit.SECONDS);
    assertEquals(client.accountUsage(), usage);
    assertEquals(OptionalLong.of(12), usage.quota("links").orElseThrow().used());
  }

  @Test
  void badQrOptionsFailTheFutureBeforeSending() {
    RequestValidationException e = assertInstanceOf(RequestValidationException.class,
        failure(client.async().qrCode(DOC_ID, QrOptions.builder().size(99).build())));
    assertTrue(e.getMessage().contains("size"), e.getMessage());
    assertNoRequests();
  }

  @Test
  void listSendsTheCursorAndPageSizeAsTheBlockingList() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/links")).withQueryParam("page", equalTo("2")).withQueryParam("per_page", equalTo("1"))
        .willReturn(json(200, "{\"success\":true,\"data\":[" + linkJson("7d0f1e2a-3b4c-4d5e-8f60-718293a4b5c6", "my-article")
            + "],\"meta\":{\"page\":2,\"per_page\":1,\"total\":3,\"total_pages\":3}}")));
    ListLinksRequest request = ListLinksRequest.builder().pageSize(1).cursor("2").build();
    Page<Link> page = client.async().list(request).get(10, TimeUnit.SECONDS);
    assertEquals("my-article", page.items().get(0).shortCode());
    assertEquals(java.util.Optional.of("3"), page.nextCursor());
    assertEquals(client.list(request), page);
  }

  @Test
  void aPageSizeAboveTheMaximumFailsTheListBeforeSending() {
    RequestValidationException e = assertInstanceOf(RequestValidationException.class,
        failure(client.async().list(ListLinksRequest.builder().pageSize(101).build())));
    assertTrue(e.violations().get(0).startsWith("pageSize:"), e.violations().toString());
    assertNoRequests();
  }
}
