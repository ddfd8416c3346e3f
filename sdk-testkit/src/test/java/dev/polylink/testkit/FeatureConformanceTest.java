package dev.polylink.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.polylink.core.AccountUsage;
import dev.polylink.core.Capabilities;
import dev.polylink.core.ClickCount;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.DailyClicks;
import dev.polylink.core.DateRangeSupport;
import dev.polylink.core.Link;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkStats;
import dev.polylink.core.Operation;
import dev.polylink.core.OperationNotSupportedException;
import dev.polylink.core.QrCode;
import dev.polylink.core.QrFormat;
import dev.polylink.core.QrOptions;
import dev.polylink.core.StatsField;
import dev.polylink.core.StatsRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * QR images, statistics and usage against every emulator through {@link LinkClient} alone, the
 * expectations derived from {@link Capabilities}: a provider module and its emulator, written
 * independently from the same docs, must agree. Clicks are made with plain HTTP on the short link
 * (redirects not followed), with a {@code Referer}, a {@code User-Agent} and the emulator's country
 * header.
 */
class FeatureConformanceTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final String CHROME_MOBILE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36";
  private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";

  static Stream<String> providers() {
    return ProviderEmulator.providerIds().stream().sorted();
  }

  private static void click(URI shortUrl, String agent, String referrer, String country) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(shortUrl).header("User-Agent", agent);
    if (referrer != null) {
      request.header("Referer", referrer);
    }
    if (country != null) {
      request.header("X-Emulator-Country", country);
    }
    HttpResponse<Void> response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.discarding());
    assertTrue(response.statusCode() == 301 || response.statusCode() == 302, "status " + response.statusCode());
  }

  @ParameterizedTest
  @MethodSource("providers")
  void statisticsCountTheClicksTheEmulatorServed(String providerId) throws Exception {
    try (ProviderEmulator emulator = ProviderEmulator.start(providerId); LinkClient client = emulator.client()) {
      Capabilities capabilities = client.capabilities();
      Link link = client.create(CreateLinkRequest.builder().destination("https://example.com/stats").build());
      click(link.shortUrl(), CHROME_MOBILE, "https://news.example.org/", "US");
      click(link.shortUrl(), CHROME_MOBILE, "https://news.example.org/", "US");
      click(link.shortUrl(), FIREFOX, null, "DE");
      if (!capabilities.supports(Operation.STATS)) {
        assertThrows(OperationNotSupportedException.class, () -> client.stats(link.id()));
        return;
      }
      LocalDate today = emulator.clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
      StatsRequest request = capabilities.stats().dateRange() == DateRangeSupport.REQUIRED
          ? StatsRequest.between(today.minusDays(6), today) : StatsRequest.allTime();
      LinkStats stats = client.stats(link.id(), request);
      assertEquals(link.id(), stats.linkId());
      for (StatsField field : StatsField.values()) {
        boolean reported = switch (field) {
          case TOTAL_CLICKS -> stats.totalClicks().isPresent();
          case LAST_CLICKED_AT -> stats.lastClickedAt().isPresent();
          case DAILY_CLICKS -> stats.dailyClicks().isPresent();
          case COUNTRIES -> stats.countries().isPresent();
          case DEVICES -> stats.devices().isPresent();
          case BROWSERS -> stats.browsers().isPresent();
          case REFERRERS -> stats.referrers().isPresent();
        };
        assertEquals(capabilities.stats().reports(field), reported, field + " of " + providerId);
      }
      assertEquals(3, stats.totalClicks().getAsLong());
      stats.dailyClicks().ifPresent(days -> assertEquals(List.of(DailyClicks.of(today, 3)), days));
      stats.countries().ifPresent(c -> assertEquals(List.of(ClickCount.of("US", 2), ClickCount.of("DE", 1)), c));
      stats.devices().ifPresent(d -> assertEquals(List.of(ClickCount.of("mobile", 2), ClickCount.of("desktop", 1)), d));
      stats.browsers().ifPresent(b -> assertEquals(List.of(ClickCount.of("Chrome", 2), ClickCount.of("Firefox", 1)), b));
      stats.referrers().ifPresent(r -> assertEquals(List.of(ClickCount.of("https://news.example.org/", 2)), r));
      stats.lastClickedAt().ifPresent(t -> assertFalse(t.isAfter(emulator.clock().instant())));
      if (capabilities.stats().dateRange() != DateRangeSupport.NONE) {
        LinkStats yesterday = client.stats(link.id(), StatsRequest.between(today.minusDays(1), today.minusDays(1)));
        assertEquals(0, yesterday.totalClicks().getAsLong(), "no clicks yesterday");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void qrImagesAreValidImagesInEveryAdvertisedFormat(String providerId) throws IOException {
    try (ProviderEmulator emulator = ProviderEmulator.start(providerId); LinkClient client = emulator.client()) {
      Capabilities capabilities = client.capabilities();
      Link link = client.create(CreateLinkRequest.builder().destination("https://example.com/qr").build());
      if (!capabilities.supports(Operation.QR_CODE)) {
        assertThrows(OperationNotSupportedException.class, () -> client.qrCode(link.id()));
        return;
      }
      QrCode byDefault = client.qrCode(link.id());
      assertTrue(capabilities.qrCodes().formats().contains(byDefault.format()));
      for (QrFormat format : capabilities.qrCodes().formats()) {
        int size = capabilities.qrCodes().minSize();
        QrCode qr = client.qrCode(link.id(), QrOptions.builder().format(format).size(size).build());
        assertEquals(format, qr.format());
        if (format == QrFormat.PNG) {
          BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.bytes()));
          assertNotNull(image, "a PNG ImageIO can read");
          assertTrue(image.getWidth() > 0);
        } else {
          String svg = new String(qr.bytes(), StandardCharsets.UTF_8);
          assertTrue(svg.contains("<svg") && svg.contains(link.shortUrl().toString()), svg);
        }
      }
    }
  }

  @Test
  void shortpenGivesItsQrCodeWhenALinkIsCreatedWithGenerateQr() throws IOException {
    try (ProviderEmulator emulator = ProviderEmulator.start("shortpen");
        dev.polylink.shortpen.ShortpenClient client = (dev.polylink.shortpen.ShortpenClient) emulator.client()) {
      Link plain = client.create(CreateLinkRequest.builder().destination("https://example.com/plain").build());
      assertEquals(Optional.empty(), client.qrCode(plain));
      Link link = client.create(CreateLinkRequest.builder().destination("https://example.com/qr")
          .options(dev.polylink.shortpen.ShortpenOptions.builder().generateQr(true).build()).build());
      QrCode qr = client.qrCode(link).orElseThrow();
      assertEquals(QrFormat.PNG, qr.format());
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.bytes()));
      assertEquals(84, image.getWidth());
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void usageIsReadWhereTheProviderHasIt(String providerId) {
    try (ProviderEmulator emulator = ProviderEmulator.start(providerId); LinkClient client = emulator.client()) {
      client.create(CreateLinkRequest.builder().destination("https://example.com/usage").build());
      if (!client.capabilities().supports(Operation.ACCOUNT_USAGE)) {
        assertThrows(OperationNotSupportedException.class, client::accountUsage);
        return;
      }
      AccountUsage usage = client.accountUsage();
      assertFalse(usage.quotas().isEmpty(), usage.toString());
      assertTrue(usage.quotas().values().stream().allMatch(q -> q.limit().isPresent() || q.used().isPresent()));
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void xqrAsksTheDocumentedHeadingPathFirst(String providerId) throws Exception {
    if (!providerId.equals("xqr")) {
      return;
    }
    try (ProviderEmulator emulator = ProviderEmulator.start(providerId); LinkClient client = emulator.client()) {
      Link link = client.create(CreateLinkRequest.builder().destination("https://example.com/paths").build());
      click(link.shortUrl(), FIREFOX, null, null);
      emulator.wireMock().resetRequests();
      assertEquals(1, client.stats(link.id()).totalClicks().getAsLong());
      List<String> paths = emulator.wireMock().getAllServeEvents().stream()
          .map(ServeEvent::getRequest).map(r -> r.getUrl()).toList();
      assertEquals(List.of("/api/v1/analytics/links/" + link.id()), paths);
      // the examples' form answers the same on the emulator
      HttpResponse<String> examples = HTTP.send(HttpRequest.newBuilder(
              URI.create(emulator.baseUrl() + "/v1/analytics/links/" + link.id() + "/stats"))
          .header("Authorization", "Bearer " + emulator.apiKey()).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, examples.statusCode());
      assertTrue(examples.body().contains("\"total_scans\":1"), examples.body());
      // a server that only knows the examples' form: the client falls back to it, once
      try (LinkClient fresh = emulator.client()) {
        emulator.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/analytics/links/" + link.id()))
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"No such endpoint.\",\"status\":404}}")));
        emulator.wireMock().resetRequests();
        assertEquals(1, fresh.stats(link.id()).totalClicks().getAsLong());
        assertEquals(1, fresh.stats(link.id()).totalClicks().getAsLong());
        List<String> asked = new java.util.ArrayList<>(emulator.wireMock().getAllServeEvents().stream()
            .map(e -> e.getRequest().getUrl()).toList());
        java.util.Collections.reverse(asked); // the journal is newest first
        assertEquals(List.of("/api/v1/analytics/links/" + link.id(), "/api/v1/analytics/links/" + link.id() + "/stats",
            "/api/v1/analytics/links/" + link.id() + "/stats"), asked);
      }
    }
  }
}
