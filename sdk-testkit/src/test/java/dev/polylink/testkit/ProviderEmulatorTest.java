package dev.polylink.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.LinkClient;
import dev.polylink.core.ListLinksRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderEmulatorTest {
  private static final String XQR_BODY = "{\"url\":\"https://example.com\"}";

  @Test
  void startRejectsUnknownIdsNamingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProviderEmulator.start("bitly"));
    assertTrue(e.getMessage().contains("'bitly'") && e.getMessage().contains("carrierx, shortpen, snipurl, xqr"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ProviderEmulator.start(null));
    assertEquals(Set.of("xqr", "shortpen", "snipurl", "carrierx"), ProviderEmulator.providerIds());
  }

  @ParameterizedTest
  @CsvSource({
      "xqr, XqrEmulator, /api, 'apiKey,baseUrl'",
      "shortpen, ShortpenEmulator, '', 'apiKey,baseUrl,defaultDomainId'",
      "snipurl, SnipurlEmulator, /api/v1, 'apiKey,baseUrl'",
      "carrierx, CarrierxEmulator, /core/v2, 'apiKey,baseUrl,defaultDomainSid'"})
  void eachEmulatorServesItsVendorsBasePathOnLoopback(String id, String type, String basePath, String keys) {
    try (ProviderEmulator emulator = ProviderEmulator.start(id)) {
      assertEquals(id, emulator.providerId());
      assertEquals(type, emulator.getClass().getSimpleName());
      assertTrue(emulator.serverUrl().matches("http://127\\.0\\.0\\.1:\\d+"), emulator.serverUrl());
      assertEquals(emulator.wireMock().port(), Integer.parseInt(emulator.serverUrl().replaceAll(".*:", "")));
      assertEquals(emulator.serverUrl() + basePath, emulator.baseUrl());
      Map<String, String> config = emulator.clientConfig();
      assertEquals(List.of(keys.split(",")), List.copyOf(config.keySet()));
      assertEquals(emulator.apiKey(), config.get("apiKey"));
      assertEquals(emulator.baseUrl(), config.get("baseUrl"));
      assertTrue(emulator.links().isEmpty());
      assertTrue(emulator.toString().contains(emulator.baseUrl()));
    }
  }

  @Test
  void vendorSpecificSettingsMatchTheClientConfig() {
    try (ShortpenEmulator shortpen = ShortpenEmulator.start(); CarrierxEmulator carrierx = CarrierxEmulator.start()) {
      assertEquals(Long.toString(shortpen.defaultDomainId()), shortpen.clientConfig().get("defaultDomainId"));
      assertEquals(carrierx.defaultDomainSid(), carrierx.clientConfig().get("defaultDomainSid"));
      assertNotEquals(carrierx.username(), carrierx.password());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"xqr", "shortpen", "snipurl", "carrierx"})
  void clientIsMadeThroughLinkClients(String id) {
    try (ProviderEmulator emulator = ProviderEmulator.start(id); LinkClient client = emulator.client()) {
      assertEquals(id, client.providerId());
      assertTrue(client.list(ListLinksRequest.defaults()).items().isEmpty());
      assertEquals(1, emulator.wireMock().getAllServeEvents().size(), "the client talks to this emulator");
    }
  }

  @Test
  void resetRestoresTheStartingStateButKeepsPortAndKey() {
    try (XqrEmulator xqr = XqrEmulator.start()) {
      Http http = Http.bearer(xqr.apiKey());
      String links = xqr.baseUrl() + "/v1/links";
      String key = xqr.apiKey();
      String base = xqr.baseUrl();
      assertEquals(201, http.post(links, XQR_BODY).status());
      xqr.rateLimit(1, Duration.ofHours(1));
      xqr.monthlyQuota(5);
      xqr.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
      xqr.wireMock().stubFor(get(urlPathEqualTo("/api/v1/links")).willReturn(aResponse().withStatus(503)));
      assertEquals(503, http.get(links).status());

      xqr.reset();

      assertTrue(xqr.links().isEmpty());
      assertTrue(xqr.wireMock().getAllServeEvents().isEmpty());
      assertTrue(xqr.clock().followsSystem());
      assertEquals(key, xqr.apiKey());
      assertEquals(base, xqr.baseUrl());
      for (int i = 0; i < 3; i++) {
        Http.Reply reply = http.get(links);
        assertEquals(200, reply.status());
        assertEquals(Optional.of("100000"), reply.header("X-RateLimit-Limit"));
      }
      assertEquals(3, xqr.wireMock().getAllServeEvents().size());
    }
  }

  @Test
  void testsCanInjectFaultsAndVerifyRequestsWithWireMock() {
    try (SnipurlEmulator snipurl = SnipurlEmulator.start()) {
      Http http = Http.bearer(snipurl.apiKey());
      String links = snipurl.baseUrl() + "/links";
      snipurl.wireMock().stubFor(get(urlPathEqualTo("/api/v1/links"))
          .willReturn(aResponse().withStatus(500).withBody("boom")));

      assertEquals(500, http.get(links).status());
      assertEquals(201, http.post(links, XQR_BODY).status());
      snipurl.wireMock().verify(1, getRequestedFor(urlPathEqualTo("/api/v1/links")));
      snipurl.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));

      snipurl.wireMock().resetMappings();
      assertEquals(404, http.get(links).status(), "the catch-all stub is gone until reset()");
      snipurl.reset();
      assertEquals(200, http.get(links).status());
    }
  }

  @Test
  void rateLimitWindowsPassInRealTimeOnTheSystemClock() throws InterruptedException {
    try (SnipurlEmulator snipurl = SnipurlEmulator.start()) {
      Http http = Http.bearer(snipurl.apiKey());
      String links = snipurl.baseUrl() + "/links";
      // A window long enough that the second request falls in it even when a loaded machine holds
      // this thread between the two (at 100 ms it did not always); then short polls until it passes.
      snipurl.rateLimit(1, Duration.ofMillis(500));
      long start = System.nanoTime();
      assertEquals(200, http.get(links).status());
      Http.Reply limited = http.get(links);
      assertEquals(429, limited.status());
      assertEquals(Optional.of("1"), limited.header("Retry-After"));
      long giveUp = start + Duration.ofSeconds(10).toNanos();
      int status = limited.status();
      while (status == 429 && System.nanoTime() < giveUp) {
        Thread.sleep(50);
        status = http.get(links).status();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(200, status, "the window passed in real time");
      assertTrue(millis >= 500, "not before the window's 500 ms: " + millis + " ms");
    }
  }

  @Test
  void pathsOutsideTheApiAndTheShortLinksAreAnswered() {
    try (XqrEmulator xqr = XqrEmulator.start()) {
      Http anonymous = Http.authorization(null);
      Http http = Http.bearer(xqr.apiKey());
      assertEquals(404, anonymous.get(xqr.serverUrl() + "/").status());
      assertEquals(404, anonymous.get(xqr.serverUrl() + "/some/where").status());
      assertEquals(405, anonymous.send("POST", xqr.serverUrl() + "/code", "application/json", "{}").status());
      Http.Reply unknownApi = http.get(xqr.baseUrl() + "/v1/nothing");
      assertEquals(404, unknownApi.status());
      assertEquals("NOT_FOUND", Http.obj(unknownApi.json().get("error")).get("code"));

      for (String slug : List.of("api", "core")) {
        assertEquals(201, http.post(xqr.baseUrl() + "/v1/links",
            "{\"url\":\"https://example.com/" + slug + "\",\"custom_slug\":\"" + slug + "\"}").status());
        Http.Reply head = anonymous.send("HEAD", xqr.serverUrl() + "/" + slug, null, null);
        assertEquals(302, head.status());
        assertEquals(Optional.of("https://example.com/" + slug), head.header("Location"));
        assertEquals("", head.body());
      }
      assertEquals(200, http.get(xqr.baseUrl() + "/v1/links").status());
    }
  }

  @Test
  void linksIsAnUnmodifiableSnapshot() {
    try (XqrEmulator xqr = XqrEmulator.start()) {
      Http.bearer(xqr.apiKey()).post(xqr.baseUrl() + "/v1/links", XQR_BODY);
      List<Map<String, Object>> links = xqr.links();
      assertThrows(UnsupportedOperationException.class, () -> links.add(Map.of()));
      assertThrows(UnsupportedOperationException.class, () -> links.get(0).put("enabled", false));
      @SuppressWarnings("unchecked")
      List<Object> labels = (List<Object>) links.get(0).get("labels");
      assertThrows(UnsupportedOperationException.class, () -> labels.add("x"));
      assertEquals(true, xqr.links().get(0).get("enabled"));
    }
  }

  @Test
  void concurrentRequestsAreHandledOneAtATime() throws Exception {
    try (XqrEmulator xqr = XqrEmulator.start()) {
      Http http = Http.bearer(xqr.apiKey());
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          results.add(pool.submit(() -> http.post(xqr.baseUrl() + "/v1/links", XQR_BODY).status()));
        }
        for (Future<Integer> result : results) {
          assertEquals(201, result.get(10, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
      Set<Object> codes = new HashSet<>();
      xqr.links().forEach(l -> codes.add(l.get("short_code")));
      assertEquals(40, codes.size());
    }
  }

  @Test
  void closeStopsTheServer() {
    ProviderEmulator emulator = ProviderEmulator.start("carrierx");
    String links = emulator.baseUrl() + "/shortener/links";
    assertEquals(200, Http.bearer(emulator.apiKey()).get(links).status());
    emulator.close();
    assertFalse(emulator.wireMock().isRunning());
    assertThrows(AssertionError.class, () -> Http.bearer(emulator.apiKey()).get(links));
  }
}
