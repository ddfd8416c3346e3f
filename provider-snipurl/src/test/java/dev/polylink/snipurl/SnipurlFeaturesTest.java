package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.AccountUsage;
import dev.polylink.core.ClickCount;
import dev.polylink.core.DailyClicks;
import dev.polylink.core.LinkStats;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.Quota;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.StatsRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * SnipURL's QR image (by short code), link analytics, summary and account usage against WireMock.
 * The analytics bodies carry the documented member names; the docs do not show the elements of
 * {@code time_series} and the top-10 lists, so those use the shapes the client reads.
 */
class SnipurlFeaturesTest extends SnipurlWireMockTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};

  @Test
  void qrCodeReadsTheLinkForItsShortCodeThenSendsTheOptions() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("get-response.json"))));
    String code = client.get(DOC_ID).shortCode();
    wm.resetRequests();
    wm.stubFor(get(urlPathEqualTo("/api/v1/qr/" + code))
        .withQueryParam("format", equalTo("png")).withQueryParam("size", equalTo("1000"))
        .withQueryParam("color", equalTo("#2D977B")).withQueryParam("bg", equalTo("transparent"))
        .withQueryParam("ec", equalTo("H")).withQueryParam("margin", equalTo("0"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(PNG)));
    QrCode qr = client.qrCode(DOC_ID, QrOptions.builder().format(QrFormat.PNG).size(1000)
        .options(SnipurlQrOptions.builder().color("#2D977B").background("transparent")
            .errorCorrection(QrErrorCorrection.H).margin(0).build())
        .build());
    assertEquals(QrFormat.PNG, qr.format());
    assertEquals(PNG.length, qr.length());
    wm.verify(1, getRequestedFor(urlPathEqualTo(LINK_PATH)));
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/qr/" + code)));
  }

  @Test
  void qrCodeByShortCodeSkipsTheLinkAndSendsNoDefaults() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/qr/my-link"))
        .withQueryParam("format", absent()).withQueryParam("size", absent()).withQueryParam("ec", absent())
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/svg+xml").withBody("<svg></svg>")));
    assertEquals(QrFormat.SVG, client.qrCode("my-link", QrOptions.defaults()).format());
  }

  @Test
  void aQrCodeOfAnotherAccountsLinkIsNotFound() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/qr/theirs")).willReturn(json(404, error("NOT_FOUND", "Link not found."))));
    NotFoundException e = assertThrows(NotFoundException.class, () -> client.qrCode("theirs", QrOptions.defaults()));
    assertEquals(Optional.of("NOT_FOUND"), e.errorCode());
  }

  @Test
  void badQrOptionsAreRefusedBeforeSending() {
    assertThrows(RequestValidationException.class, () -> client.qrCode("abc", QrOptions.builder().size(99).build()));
    assertThrows(RequestValidationException.class, () -> client.qrCode("abc", QrOptions.builder().size(1001).build()));
    assertThrows(RequestValidationException.class, () -> SnipurlQrOptions.builder().margin(5));
    assertThrows(RequestValidationException.class, () -> SnipurlQrOptions.builder().color("red"));
    assertThrows(RequestValidationException.class, () -> client.qrCode("a/b", QrOptions.defaults()));
    assertNoRequests();
  }

  @Test
  void statsSendTheRangeAsUtcDayBoundsAndMapTheAnswer() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/" + DOC_ID))
        .withQueryParam("start", equalTo("2026-11-01T00:00:00.000Z"))
        .withQueryParam("end", equalTo("2026-11-30T23:59:59.999Z"))
        .willReturn(json(200, "{\"success\": true, \"data\": {\"total_clicks\": 57,"
            + " \"time_series\": [{\"date\": \"2026-11-02\", \"clicks\": 7}, {\"date\": \"2026-11-01\", \"clicks\": 50}],"
            + " \"referrers\": [{\"referrer\": \"twitter.com\", \"clicks\": 30}],"
            + " \"countries\": [{\"country\": \"IN\", \"clicks\": 40}, {\"country\": \"US\", \"clicks\": 17}],"
            + " \"cities\": [{\"city\": \"Pune\", \"clicks\": 20}],"
            + " \"browsers\": [{\"browser\": \"Chrome\", \"clicks\": 57}], \"os\": [],"
            + " \"devices\": [{\"device\": \"mobile\", \"clicks\": 57}]}}")));
    LinkStats stats = client.stats(DOC_ID, StatsRequest.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
    assertEquals(OptionalLong.of(57), stats.totalClicks());
    assertEquals(Optional.of(List.of(DailyClicks.of(LocalDate.of(2026, 11, 1), 50), DailyClicks.of(LocalDate.of(2026, 11, 2), 7))),
        stats.dailyClicks());
    assertEquals(Optional.of(List.of(ClickCount.of("twitter.com", 30))), stats.referrers());
    assertEquals(Optional.of(List.of(ClickCount.of("IN", 40), ClickCount.of("US", 17))), stats.countries());
    assertEquals(Optional.of(List.of(ClickCount.of("Chrome", 57))), stats.browsers());
    assertEquals(Optional.of(List.of(ClickCount.of("mobile", 57))), stats.devices());
    assertEquals(Optional.empty(), stats.lastClickedAt());
  }

  @Test
  void statsWithoutARangeSendNeither() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/" + DOC_ID))
        .withQueryParam("start", absent()).withQueryParam("end", absent())
        .willReturn(json(200, "{\"success\": true, \"data\": {\"total_clicks\": 0}}")));
    LinkStats stats = client.stats(DOC_ID);
    assertEquals(OptionalLong.of(0), stats.totalClicks());
    assertEquals(Optional.empty(), stats.countries(), "not in the answer: unknown, not empty");
  }

  @Test
  void usageReadsThePerKeyLimits() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/account/usage")).willReturn(json(200,
        "{\"success\": true, \"data\": {\"rate_limit_per_minute\": 120, \"rate_limit_per_hour\": 5000,"
            + " \"link_limit\": 100, \"total_links\": 12}}")));
    AccountUsage usage = client.accountUsage();
    assertEquals(Optional.of(Quota.builder("rate_limit_per_minute").limit(120).build()), usage.quota("rate_limit_per_minute"));
    assertEquals(Optional.of(Quota.builder("rate_limit_per_hour").limit(5000).build()), usage.quota("rate_limit_per_hour"));
    assertEquals(Optional.of(Quota.builder("links").limit(100).used(12).build()), usage.quota("links"));
    assertEquals(Optional.empty(), usage.plan());
    assertEquals(Map.of(), usage.features());
  }

  @Test
  void aLinksQuotaNeedsALimitOrACount() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/account/usage")).willReturn(json(200,
        "{\"success\": true, \"data\": {\"total_links\": 12}}")));
    assertEquals(Optional.of(Quota.builder("links").used(12).build()), client.accountUsage().quota("links"));
    wm.stubFor(get(urlPathEqualTo("/api/v1/account/usage")).willReturn(json(200,
        "{\"success\": true, \"data\": {\"rate_limit_per_minute\": 120}}")));
    AccountUsage usage = client.accountUsage();
    assertEquals(Optional.empty(), usage.quota("links"));
    assertEquals(1, usage.quotas().size());
  }

  @Test
  void summaryIsATypedExtra() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/analytics/summary")).willReturn(json(200,
        "{\"success\": true, \"data\": {\"total_links\": 12, \"active_links\": 10, \"total_clicks\": 300,"
            + " \"clicks_over_time\": [{\"date\": \"2026-11-01\", \"clicks\": 300}],"
            + " \"top_links\": [{\"short_code\": \"abc\", \"clicks\": 200}]}}")));
    SnipurlAnalyticsSummary summary = client.analyticsSummary();
    assertEquals(OptionalLong.of(12), summary.totalLinks());
    assertEquals(OptionalLong.of(10), summary.activeLinks());
    assertEquals(OptionalLong.of(300), summary.totalClicks());
    assertEquals(Optional.of(List.of(DailyClicks.of(LocalDate.of(2026, 11, 1), 300))), summary.clicksOverTime());
    assertEquals(Optional.of(List.of(Map.of("short_code", "abc", "clicks", 200))), summary.topLinks());
  }
}
