package dev.polylink.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.polylink.core.Violations.assertInvalid;
import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.fake.FakeLinkClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Discovery of the fake provider registered in src/test/resources/META-INF/services. */
class LinkClientsTest {
  private static final String ID = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static void stubGet() {
    wm.stubFor(
        get(urlPathEqualTo("/api/links/" + ID))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"link\": {\"id\": \"" + ID + "\", \"short_url\": \"https://fk.example/abc\","
                        + " \"code\": \"abc\", \"url\": \"https://example.com/\"}}")));
  }

  @Test
  void providersListsTheFakeProvider() {
    Set<String> providers = LinkClients.providers();
    assertTrue(providers.contains("fake"), providers::toString);
    assertThrows(UnsupportedOperationException.class, () -> providers.add("other"));
  }

  @Test
  void createBuildsAWorkingClientFromStringConfig() {
    stubGet();
    try (LinkClient client =
        LinkClients.create(
            "fake", Map.of("apiKey", "k-123", "baseUrl", wm.baseUrl() + "/api", "timeout", "PT5S",
                "userAgent", "discovery-test/1"))) {
      assertTrue(client instanceof FakeLinkClient, client.getClass().getName());
      assertEquals("fake", client.providerId());
      Link link = client.get(LinkId.of(ID));
      assertEquals("abc", link.shortCode());
      assertEquals(Optional.of(URI.create("https://example.com/")), link.destination());
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo("/api/links/" + ID))
            .withHeader("Authorization", equalTo("Bearer k-123"))
            .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.matching(
                "polylink-java/.+ \\(fake\\) discovery-test/1")));
  }

  @Test
  void builderLetsTheCallerAddSettingsThatHaveNoStringForm() {
    wm.stubFor(get(urlPathEqualTo("/api/links/" + ID)).willReturn(aResponse().withStatus(503)));
    try (LinkClient client = LinkClients.builder("fake", Map.of("apiKey", "k", "baseUrl", wm.baseUrl() + "/api"))
        .retryPolicy(RetryPolicy.none())
        .build()) {
      assertThrows(ServerException.class, () -> client.get(LinkId.of(ID)));
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/links/" + ID)));
    wm.resetAll();
    stubGet();
    try (LinkClient client = LinkClients.builderFromEnvironment("fake",
            Map.of("FAKE_API_KEY", "k", "FAKE_BASE_URL", wm.baseUrl() + "/api")::get)
        .userAgent("env-builder/1")
        .build()) {
      client.get(LinkId.of(ID));
    }
    wm.verify(getRequestedFor(urlPathEqualTo("/api/links/" + ID))
        .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.containing("env-builder/1")));
  }

  @Test
  void anUnknownConfigKeyNamesTheKnownOnes() {
    RequestValidationException e =
        assertInvalid("config key 'apikey'",
            () -> LinkClients.create("fake", Map.of("apikey", "k", "baseUrl", wm.baseUrl())));
    assertEquals("fake", e.providerId());
    String violation = e.violations().get(0);
    assertTrue(violation.contains("apiKey, baseUrl, timeout, userAgent"), violation);
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void anUnknownProviderListsTheKnownIds() {
    RequestValidationException e = assertInvalid("provider 'nope'", () -> LinkClients.create("nope", Map.of()));
    assertTrue(e.violations().get(0).contains("known: fake"), e.violations()::toString);
    assertInvalid("provider 'nope'", () -> LinkClients.fromEnvironment("nope", name -> null));
    assertInvalid("provider 'nope'", () -> LinkClients.environmentVariables("nope"));
  }

  @Test
  void malformedValuesAreValidationErrorsNamingTheKey() {
    assertInvalid("timeout", () -> LinkClients.create("fake", Map.of("apiKey", "k", "timeout", "ten seconds")));
    assertInvalid("baseUrl", () -> LinkClients.create("fake", Map.of("apiKey", "k", "baseUrl", "ftp://x.example")));
    assertInvalid("apiKey", () -> LinkClients.create("fake", Map.of("baseUrl", wm.baseUrl())));
    assertInvalid("rateLimit", () -> LinkClients.create("fake", Map.of("apiKey", "k", "rateLimit", "fast")));
    assertInvalid("bulkConcurrency", () -> LinkClients.create("fake", Map.of("apiKey", "k", "bulkConcurrency", "0")));
    assertInvalid("bulkConcurrency", () -> LinkClients.create("fake", Map.of("apiKey", "k", "bulkConcurrency", "65")));
    assertInvalid("bulkConcurrency", () -> LinkClients.fromEnvironment("fake",
        Map.of("FAKE_API_KEY", "k", "FAKE_BULK_CONCURRENCY", "four")::get));
  }

  /** {@code bulkConcurrency} (and {@code <ID>_BULK_CONCURRENCY}) reaches {@code LinkClientBuilder.bulkConcurrency}. */
  @Test
  void theBulkConcurrencyKeySetsTheBuildersBulkConcurrency() {
    try (LinkClient client = LinkClients.create("fake", Map.of("apiKey", "k", "bulkConcurrency", "1"))) {
      assertEquals(1, ((FakeLinkClient) client).bulkConcurrency());
    }
    try (LinkClient client = LinkClients.fromEnvironment("fake",
        Map.of("FAKE_API_KEY", "k", "FAKE_BULK_CONCURRENCY", "64")::get)) {
      assertEquals(64, ((FakeLinkClient) client).bulkConcurrency());
    }
    try (LinkClient client = LinkClients.create("fake", Map.of("apiKey", "k"))) {
      assertEquals(LinkClientBuilder.DEFAULT_BULK_CONCURRENCY, ((FakeLinkClient) client).bulkConcurrency());
    }
    assertEquals(0, wm.getAllServeEvents().size());
  }

  /** {@code rateLimit} (and {@code <ID>_RATE_LIMIT}) sets the client's pacing: here one request an hour. */
  @Test
  void theRateLimitKeySetsThePacing() {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(204)));
    try (LinkClient client = LinkClients.fromEnvironment("fake", Map.of("FAKE_API_KEY", "k",
        "FAKE_BASE_URL", wm.baseUrl() + "/api", "FAKE_RATE_LIMIT", "1/PT1H")::get)) {
      client.delete(LinkId.of("00000000-0000-4000-8000-000000000001"));
      TransportException e = assertThrows(TransportException.class, () -> client.delete(LinkId.of("00000000-0000-4000-8000-000000000002")));
      assertTrue(e.getMessage().contains("rate-limit wait"), e.getMessage());
    }
    assertEquals(1, wm.getAllServeEvents().size(), "the second delete waits for the next hour: not sent");
  }

  @Test
  void nullArgumentsAreNullPointerExceptions() {
    assertNpe(() -> LinkClients.create(null, Map.of()));
    assertNpe(() -> LinkClients.create("fake", null));
    assertNpe(() -> LinkClients.fromEnvironment(null));
    assertNpe(() -> LinkClients.fromEnvironment("fake", null));
    assertNpe(() -> LinkClients.environmentVariables(null));
  }

  @Test
  void fromEnvironmentReadsTheProvidersVariables() {
    stubGet();
    Map<String, String> env = Map.of("FAKE_API_KEY", "env-key", "FAKE_BASE_URL", wm.baseUrl() + "/api",
        "FAKE_USER_AGENT", " ", "OTHER", "ignored");
    try (LinkClient client = LinkClients.fromEnvironment("fake", env::get)) {
      assertEquals("abc", client.get(LinkId.of(ID)).shortCode());
    }
    wm.verify(getRequestedFor(urlPathEqualTo("/api/links/" + ID)).withHeader("Authorization", equalTo("Bearer env-key")));
  }

  @Test
  void fromEnvironmentWithoutAKeyFailsBeforeAnyRequest() {
    assertInvalid("FAKE_API_KEY", () -> LinkClients.fromEnvironment("fake", Map.of("FAKE_BASE_URL", wm.baseUrl())::get));
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void fromEnvironmentNamesTheVariableThatIsNotSet() {
    RequestValidationException e =
        assertThrows(RequestValidationException.class, () -> LinkClients.fromEnvironment("fake", name -> null));
    assertEquals(List.of("FAKE_API_KEY: is not set (apiKey: is required)"), e.violations());
    assertEquals("fake: invalid request: FAKE_API_KEY: is not set (apiKey: is required)", e.getMessage());
    RequestValidationException blank = assertThrows(RequestValidationException.class,
        () -> LinkClients.fromEnvironment("fake", Map.of("FAKE_API_KEY", " ")::get));
    assertEquals(List.of("FAKE_API_KEY: is not set (apiKey: is required)"), blank.violations());
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void fromEnvironmentKeepsOtherViolationsAsTheyAre() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> LinkClients.fromEnvironment("fake", Map.of("FAKE_API_KEY", "k", "FAKE_TIMEOUT", "soon")::get));
    assertEquals(1, e.violations().size());
    assertTrue(e.violations().get(0).startsWith("timeout: must be an ISO-8601 duration"), e.violations()::toString);
  }

  @Test
  void environmentVariablesMapsConfigKeysToVariables() {
    Map<String, String> vars = LinkClients.environmentVariables("fake");
    assertEquals(
        Map.of("apiKey", "FAKE_API_KEY", "baseUrl", "FAKE_BASE_URL", "timeout", "FAKE_TIMEOUT",
            "userAgent", "FAKE_USER_AGENT", "rateLimit", "FAKE_RATE_LIMIT", "bulkConcurrency", "FAKE_BULK_CONCURRENCY"),
        vars);
    assertEquals(List.of("apiKey", "baseUrl", "timeout", "userAgent", "rateLimit", "bulkConcurrency"),
        List.copyOf(vars.keySet()));
    assertThrows(UnsupportedOperationException.class, () -> vars.put("x", "y"));
    assertFalse(vars.containsValue("FAKE_PASSWORD"));
  }
}
