package com.example.shortener;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.LinkClient;
import dev.polylink.testkit.EmulatorExtension;
import dev.polylink.testkit.ProviderEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

// The root README's "Testing your code" example, verbatim from "class" to the last brace
// (RootReadmeTest keeps the two equal): it must compile and pass as shown.
class ShortenerServiceTest {
  @RegisterExtension
  static EmulatorExtension xqr = EmulatorExtension.of("xqr");   // started once, reset before each test

  @Test
  void retargetsCampaignLinks() {
    ShortenerService service = new ShortenerService(xqr.client());   // a LinkClient on the emulator
    service.launch("https://example.com/spring", "campaign");
    service.retarget("campaign", "https://example.com/summer");

    assertEquals("https://example.com/summer", xqr.emulator().links().get(0).get("destination"));
    xqr.emulator().wireMock().verify(patchRequestedFor(urlPathMatching("/api/v1/links/.*")));
  }

  @Test
  void survivesABurstLimit() {
    ProviderEmulator emulator = xqr.emulator();
    Instant start = Instant.parse("2026-03-02T09:00:00Z");
    emulator.clock().set(start);                              // from now on, time moves when the client waits
    emulator.rateLimit(2, Duration.ofSeconds(1));             // 429 + Retry-After past 2 a second, as xQR does
    try (LinkClient client = emulator.clientBuilder()          // LinkClients.builder("xqr", emulator.clientConfig())
        .build()) {                                           // whose waits advance the emulator's clock, not for real
      ShortenerService service = new ShortenerService(client);
      service.launch("https://example.com/spring", "campaign");
      service.launch("https://example.com/spring-hats", "campaign");
      service.retarget("campaign", "https://example.com/summer");   // 1 list + 2 updates: must wait
    }

    assertEquals(List.of("https://example.com/summer", "https://example.com/summer"),
        emulator.links().stream().map(link -> link.get("destination")).toList());
    // The client read the limit from xQR's X-RateLimit-Burst-Limit and paced itself below it:
    // no 429, and the 5 requests took 2 seconds of the emulator's time.
    assertTrue(emulator.wireMock().getAllServeEvents().stream().noneMatch(e -> e.getResponse().getStatus() == 429));
    assertTrue(!emulator.clock().instant().isBefore(start.plusSeconds(2)), emulator.clock()::toString);
  }
}
