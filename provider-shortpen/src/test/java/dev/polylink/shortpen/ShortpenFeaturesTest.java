package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.AccountUsage;
import dev.polylink.core.ClickCount;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.DailyClicks;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkStats;
import dev.polylink.core.Operation;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.Quota;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.StatsRequest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * ShortPen's statistics (aggregated from the raw click events of {@code POST /v1/analytics}, whose
 * event members are the documented ones), account usage ({@code POST /v1/me}, the documented {@code
 * enabledFeatures[slug] = {name, enabled, limit, used, remaining}}) and the QR code of {@code
 * generate_qr}.
 */
class ShortpenFeaturesTest extends ShortpenWireMockTest {
  private static final StatsRequest NOVEMBER = StatsRequest.between(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));
  private static final String PNG_BASE64 =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

  private static String event(int id, String day, String country, String device, String browser, String referrer) {
    return "{\"id\": " + id + ", \"workspace_id\": 7, \"organization_id\": 3, \"url_id\": 501, \"url_slug\": \"summer-2025\","
        + " \"domain\": \"go.shortpen.com\", \"device_type\": " + quoted(device) + ", \"platform\": \"Android\","
        + " \"browser\": " + quoted(browser) + ", \"country\": " + quoted(country) + ", \"referrer\": " + quoted(referrer)
        + ", \"created_at\": \"" + day + " 10:15:00\"}";
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  private static String envelope(String data, String extra) {
    return "{\"success\": true, \"status_code\": 200, \"data\": " + data + extra + ", \"message\": \"\"}";
  }

  @Test
  void statsAggregateTheRawEventsOfTheRange() {
    wm.stubFor(post(urlEqualTo("/v1/analytics"))
        .withRequestBody(equalToJson("{\"start\": \"2026-11-01\", \"end\": \"2026-11-30\", \"url_id\": 501}"))
        .willReturn(json(200, envelope("[" + String.join(", ",
            event(1, "2026-11-02", "US", "mobile", "Chrome", "https://t.co/"),
            event(2, "2026-11-02", "US", "desktop", "Firefox", null),
            event(3, "2026-11-05", "FR", "mobile", "Chrome", "")) + "]", ""))));
    LinkStats stats = client.stats(LinkId.of(501), NOVEMBER);
    assertEquals(OptionalLong.of(3), stats.totalClicks());
    assertEquals(Optional.of(List.of(DailyClicks.of(LocalDate.of(2026, 11, 2), 2), DailyClicks.of(LocalDate.of(2026, 11, 5), 1))),
        stats.dailyClicks());
    assertEquals(Optional.of(List.of(ClickCount.of("US", 2), ClickCount.of("FR", 1))), stats.countries());
    assertEquals(Optional.of(List.of(ClickCount.of("mobile", 2), ClickCount.of("desktop", 1))), stats.devices());
    assertEquals(Optional.of(List.of(ClickCount.of("Chrome", 2), ClickCount.of("Firefox", 1))), stats.browsers());
    assertEquals(Optional.of(List.of(ClickCount.of("https://t.co/", 1))), stats.referrers(), "null and empty are not counted");
    assertEquals(Optional.empty(), stats.lastClickedAt());
    assertEquals(NOVEMBER, stats.request());
  }

  @Test
  void anAnswerThatSaysItIsAPageIsPagedThrough() {
    wm.stubFor(post(urlEqualTo("/v1/analytics"))
        .withRequestBody(equalToJson("{\"start\": \"2026-11-01\", \"end\": \"2026-11-30\", \"url_id\": 501}"))
        .willReturn(json(200, envelope("[" + event(1, "2026-11-02", "US", "mobile", "Chrome", null) + "]",
            ", \"page\": 1, \"count\": 1, \"total\": 2"))));
    wm.stubFor(post(urlEqualTo("/v1/analytics"))
        .withRequestBody(equalToJson("{\"start\": \"2026-11-01\", \"end\": \"2026-11-30\", \"url_id\": 501, \"page\": 2}"))
        .willReturn(json(200, envelope("[" + event(2, "2026-11-03", "US", "mobile", "Chrome", null) + "]",
            ", \"page\": 2, \"count\": 1, \"total\": 2"))));
    assertEquals(OptionalLong.of(2), client.stats(LinkId.of(501), NOVEMBER).totalClicks());
    wm.verify(2, postRequestedFor(urlEqualTo("/v1/analytics")));
  }

  @Test
  void aPageThatRepeatsEventsStopsThePaging() {
    wm.stubFor(post(urlEqualTo("/v1/analytics")).willReturn(json(200,
        envelope("[" + event(1, "2026-11-02", "US", "mobile", "Chrome", null) + "]", ", \"page\": 1, \"total\": 5"))));
    assertEquals(OptionalLong.of(1), client.stats(LinkId.of(501), NOVEMBER).totalClicks());
    wm.verify(2, postRequestedFor(urlEqualTo("/v1/analytics")));
  }

  @Test
  void statsNeedARange() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> client.stats(LinkId.of(501)));
    assertTrue(e.violations().get(0).startsWith("range:"));
    assertNoRequests();
  }

  @Test
  void usageReadsEnabledFeatures() {
    wm.stubFor(post(urlEqualTo("/v1/me")).withRequestBody(equalToJson("{}")).willReturn(json(200, envelope(
        "{\"name\": \"Acme\", \"enabledFeatures\": {"
            + "\"links\": {\"name\": \"Links\", \"enabled\": true, \"limit\": 500, \"used\": 120, \"remaining\": 380},"
            + " \"qr_codes\": {\"name\": \"QR Codes\", \"enabled\": false, \"limit\": 0, \"used\": 0, \"remaining\": 0}}}", ""))));
    AccountUsage usage = client.accountUsage();
    assertEquals(Optional.of(Quota.builder("links").limit(500).used(120).remaining(380).build()), usage.quota("links"));
    assertEquals(Map.of("links", true, "qr_codes", false), usage.features());
    assertEquals(Optional.empty(), usage.plan());
  }

  @Test
  void theClientsWorkspaceIsSentWithTheRange() {
    client.close();
    client = client(b -> b.defaultDomainId(1).workspaceId(7));
    wm.stubFor(post(urlEqualTo("/v1/analytics"))
        .withRequestBody(equalToJson("{\"start\": \"2026-11-01\", \"end\": \"2026-11-30\", \"workspace_id\": 7, \"url_id\": 501}",
            false, false))
        .willReturn(json(200, envelope("[" + event(1, "2026-11-02", "US", "mobile", "Chrome", null) + "]", ""))));
    assertEquals(OptionalLong.of(1), client.stats(LinkId.of(501), NOVEMBER).totalClicks());
  }

  @Test
  void thePlanIsReadAsTextOrAsAnObjectsNameAndABlankOneIsNotSaid() {
    for (String[] plan : new String[][] {{"{\"name\": \"Pro\"}", "Pro"}, {"\"Business\"", "Business"},
        {"{\"name\": \" \"}", null}, {"{\"title\": \"Pro\"}", null}}) {
      wm.stubFor(post(urlEqualTo("/v1/me")).willReturn(json(200, envelope("{\"plan\": " + plan[0] + "}", ""))));
      assertEquals(Optional.ofNullable(plan[1]), client.accountUsage().plan(), plan[0]);
    }
  }

  @Test
  void aQrCodeCannotBeProducedOnDemand() {
    OperationNotSupportedException e = assertThrows(OperationNotSupportedException.class, () -> client.qrCode(LinkId.of(501)));
    assertEquals(Operation.QR_CODE, e.operation());
    assertTrue(e.getMessage().contains("generateQr(true)"), e.getMessage());
    assertNoRequests();
  }

  @Test
  void theQrCodeOfGenerateIsKeptAndDecoded() {
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/launch\", \"domain_id\": 1, \"generate_qr\": true}"))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE.replace("\"<string>\"", "\"" + PNG_BASE64 + "\""))));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    Link link = client.create(CreateLinkRequest.builder().destination("https://example.com/launch")
        .options(ShortpenOptions.builder().generateQr(true).build()).build());
    QrCode qr = client.qrCode(link).orElseThrow();
    assertEquals(QrFormat.PNG, qr.format());
    assertArrayEquals(Base64.getDecoder().decode(PNG_BASE64), qr.bytes());
  }

  @Test
  void aQrThatIsNoBase64PngIsNotGuessed() {
    wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    Link link = client.create(CreateLinkRequest.builder().destination("https://example.com/launch").build());
    assertEquals(Optional.empty(), client.qrCode(link), "the docs' placeholder \"<string>\" is no image");
  }
}
