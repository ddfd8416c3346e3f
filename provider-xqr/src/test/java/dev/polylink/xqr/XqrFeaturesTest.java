package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.AccountUsage;
import dev.polylink.core.ClickCount;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.DailyClicks;
import dev.polylink.core.FeatureNotAvailableException;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.LinkStats;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.Quota;
import dev.polylink.core.RequestValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * xQR's QR image, link statistics, summary and workspace usage against WireMock. The statistics
 * body uses the member names of xQR's Link Stats page ({@code link_id}, {@code short_code}, {@code
 * total_scans}, {@code last_scan_at}, {@code countries[]}, {@code devices[]}, {@code browsers[]},
 * {@code daily_scans[{date, scans}]}); the page does not show the elements of the three arrays, so
 * those use the shape the client reads ({@code {country, scans}} ...).
 */
class XqrFeaturesTest extends XqrWireMockTest {
  private static final String ID = XqrFixtures.DOCUMENTED_ID;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
  private static final String STATS = "{\"data\": {\"link_id\": \"" + ID + "\", \"short_code\": \"summer24\","
      + " \"total_scans\": 1423, \"last_scan_at\": \"2026-03-21T14:30:00Z\","
      + " \"countries\": [{\"country\": \"US\", \"scans\": 800}, {\"country\": \"DE\", \"scans\": 900}, {\"bogus\": 1}],"
      + " \"devices\": [{\"device\": \"mobile\", \"scans\": 1000}, {\"device\": \"desktop\", \"scans\": 423}],"
      + " \"browsers\": [{\"browser\": \"Chrome\", \"scans\": 1200}],"
      + " \"daily_scans\": [{\"date\": \"2026-03-21\", \"scans\": 40}, {\"date\": \"2026-03-20\", \"scans\": 35}]},"
      + " \"meta\": {\"request_id\": \"req_stats1\", \"rate_limit\": {\"remaining\": 950, \"reset_at\": \"2026-04-01T00:00:00Z\"}}}";

  @Test
  void qrCodeSendsOnlyWhatWasAskedAndReturnsTheImage() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/links/" + ID + "/qr"))
        .withQueryParam("format", absent()).withQueryParam("size", absent()).withQueryParam("template_id", absent())
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/svg+xml").withBody("<svg/>")));
    QrCode svg = client.qrCode(LinkId.of(ID));
    assertEquals(QrFormat.SVG, svg.format());
    assertEquals("<svg/>", new String(svg.bytes(), StandardCharsets.UTF_8));
  }

  @Test
  void qrCodeWithFormatSizeAndTemplate() {
    UUID template = UUID.fromString("0b1c2d3e-4f50-4a61-8b72-93a4b5c6d7e8");
    wm.stubFor(get(urlPathEqualTo("/api/v1/links/" + ID + "/qr"))
        .withQueryParam("format", equalTo("png")).withQueryParam("size", equalTo("50"))
        .withQueryParam("template_id", equalTo(template.toString()))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png")
            .withHeader("X-Request-Id", "req_qr200").withBody(PNG)));
    QrCode png = client.qrCode(LinkId.of(ID), QrOptions.builder().format(QrFormat.PNG).size(50)
        .options(XqrQrOptions.builder().templateId(template).build()).build());
    assertEquals(QrFormat.PNG, png.format());
    assertEquals("image/png", png.mediaType());
    assertArrayEquals(PNG, png.bytes());
    assertEquals(Optional.of("req_qr200"), client.lastRequestId(), "the QR page's X-Request-Id header");
  }

  @Test
  void qrErrorsAreJsonWithTheQrPagesLowerCaseCode() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/links/" + ID + "/qr")).willReturn(json(404,
        "{\"error\":{\"code\":\"not_found\",\"message\":\"Link not found.\"},\"meta\":{\"request_id\":\"req_qr404\"}}")));
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.qrCode(LinkId.of(ID)));
    assertEquals(Optional.of("not_found"), e.errorCode());
    assertEquals(Optional.of("req_qr404"), e.requestId());
    assertEquals(Operation.QR_CODE, e.operation());
  }

  @Test
  void sizesOutsideOneToFiftyAreRefusedBeforeSending() {
    for (int size : new int[] {0, 51, 400}) {
      RequestValidationException e = assertThrows(RequestValidationException.class,
          () -> client.qrCode(LinkId.of(ID), QrOptions.builder().size(size).build()));
      assertEquals(List.of("size: must be 1 to 50 pixels per module for xqr (was " + size + ")"), e.violations());
    }
    assertNoRequests();
  }

  @Test
  void statsMapTheDocumentedFields() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/links/" + ID)).willReturn(json(200, STATS)));
    LinkStats stats = client.stats(LinkId.of(ID));
    assertEquals(OptionalLong.of(1423), stats.totalClicks());
    assertEquals(Optional.of(Instant.parse("2026-03-21T14:30:00Z")), stats.lastClickedAt());
    assertEquals(Optional.of(List.of(ClickCount.of("DE", 900), ClickCount.of("US", 800))), stats.countries(),
        "ranked by clicks; the unreadable element is skipped");
    assertEquals(Optional.of(List.of(ClickCount.of("mobile", 1000), ClickCount.of("desktop", 423))), stats.devices());
    assertEquals(Optional.of(List.of(ClickCount.of("Chrome", 1200))), stats.browsers());
    assertEquals(Optional.of(List.of(DailyClicks.of(LocalDate.of(2026, 3, 20), 35), DailyClicks.of(LocalDate.of(2026, 3, 21), 40))),
        stats.dailyClicks());
    assertEquals(Optional.empty(), stats.referrers(), "xQR reports no referrers");
    assertEquals("summer24", stats.providerFields().get("short_code"));
    assertEquals(Optional.of("req_stats1"), client.lastRequestId());
  }

  @Test
  void statsFallBackToTheExamplesPathOnceAndKeepIt() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/links/" + ID)).willReturn(json(404,
        "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No such endpoint.\",\"status\":404},\"meta\":{\"request_id\":\"r\"}}")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/links/" + ID + "/stats")).willReturn(json(200, STATS)));
    assertEquals(OptionalLong.of(1423), client.stats(LinkId.of(ID)).totalClicks());
    assertEquals(OptionalLong.of(1423), client.stats(LinkId.of(ID)).totalClicks());
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/analytics/links/" + ID)));
    wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/analytics/links/" + ID + "/stats")));
  }

  @Test
  void aLinkMissingUnderBothPathsIsNotFound() {
    String notFound = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"Link not found.\",\"status\":404},\"meta\":{}}";
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/links/" + ID)).willReturn(json(404, notFound)));
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/links/" + ID + "/stats")).willReturn(json(404, notFound)));
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.stats(LinkId.of(ID)));
    assertEquals(Operation.STATS, e.operation());
  }

  @Test
  void usageReadsPlanQuotasAndFeatureFlags() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/workspace/usage")).willReturn(json(200,
        "{\"data\": {\"plan\": \"pro\", \"usage\": {\"api_calls\": 12040, \"links\": 310},"
            + " \"limits\": {\"api_calls\": 50000, \"links\": null, \"links_per_month\": 5000},"
            + " \"features\": {\"routing_rules\": true, \"csv_export\": false, \"bulk_ops\": true}}, \"meta\": {}}")));
    AccountUsage usage = client.accountUsage();
    assertEquals(Optional.of("pro"), usage.plan());
    assertEquals(Quota.builder("api_calls").limit(50000).used(12040).build(), usage.quota("api_calls").orElseThrow());
    assertEquals(Quota.builder("links").used(310).build(), usage.quota("links").orElseThrow(), "null limit: unknown");
    assertEquals(Quota.builder("links_per_month").limit(5000).build(), usage.quota("links_per_month").orElseThrow());
    assertEquals(Map.of("routing_rules", true, "csv_export", false, "bulk_ops", true), usage.features());
  }

  @Test
  void routingRulesThePlanLacksAreRefusedBeforeSending() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/workspace/usage")).willReturn(json(200,
        "{\"data\": {\"plan\": \"pro\", \"features\": {\"routing_rules\": false}}, \"meta\": {}}")));
    client.accountUsage();
    wm.resetRequests();
    XqrOptions rules = XqrOptions.builder().routingRules(List.of(RoutingRule.builder()
        .destination("https://m.example.com").priority(1).deviceTypes(DeviceType.MOBILE).build())).build();
    FeatureNotAvailableException create = assertThrows(FeatureNotAvailableException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").options(rules).build()));
    assertEquals("routing_rules", create.feature());
    assertEquals(Operation.CREATE, create.operation());
    assertTrue(create.getMessage().contains("'pro'"), create.getMessage());
    FeatureNotAvailableException update = assertThrows(FeatureNotAvailableException.class,
        () -> client.update(LinkId.of(ID), LinkPatch.builder().options(rules).build()));
    assertEquals(Operation.UPDATE, update.operation());
    assertNoRequests();
  }

  @Test
  void summaryKeepsTheAnswerAndReadsTotalScans() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/summary")).withQueryParam("period", equalTo("7d"))
        .willReturn(json(200, "{\"data\": {\"total_scans\": 90, \"top_links\": []}, \"meta\": {}}")));
    XqrAnalyticsSummary summary = client.analyticsSummary(XqrSummaryPeriod.DAYS_7);
    assertEquals(OptionalLong.of(90), summary.totalScans());
    assertEquals(List.of(), summary.data().get("top_links"));
    assertEquals(XqrSummaryPeriod.DAYS_7, summary.period());
  }
}
