package dev.polylink.shortpen;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClients;
import dev.polylink.core.LinkId;
import dev.polylink.core.RequestValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discovery through {@link LinkClients}, the builder's own settings, and secrets kept out of sight. */
class ShortpenClientBuilderTest extends ShortpenWireMockTest {

  @Test
  void theProviderIsDiscoveredWithItsKeysAndVariables() {
    assertTrue(LinkClients.providers().contains("shortpen"));
    assertEquals("shortpen", new dev.polylink.shortpen.internal.ShortpenLinkClientProvider().id());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("apiKey", "SHORTPEN_API_KEY");
    expected.put("baseUrl", "SHORTPEN_BASE_URL");
    expected.put("timeout", "SHORTPEN_TIMEOUT");
    expected.put("userAgent", "SHORTPEN_USER_AGENT");
    expected.put("rateLimit", "SHORTPEN_RATE_LIMIT");
    expected.put("bulkConcurrency", "SHORTPEN_BULK_CONCURRENCY");
    expected.put("defaultDomainId", "SHORTPEN_DOMAIN_ID");
    expected.put("workspaceId", "SHORTPEN_WORKSPACE_ID");
    expected.put("createLookupPages", "SHORTPEN_CREATE_LOOKUP_PAGES");
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(LinkClients.environmentVariables("shortpen").entrySet()));
  }

  @Test
  void fromEnvironmentReadsTheDomainAndWorkspace() {
    Map<String, String> env = Map.of(
        "SHORTPEN_API_KEY", API_KEY,
        "SHORTPEN_BASE_URL", wm.baseUrl(),
        "SHORTPEN_DOMAIN_ID", "3",
        "SHORTPEN_WORKSPACE_ID", "7",
        "SHORTPEN_RATE_LIMIT", "none"); // about the keys: the create's list lookup is not paced
    wm.stubFor(post(urlEqualTo("/v1/generate"))
        .withRequestBody(equalToJson(
            "{\"url\": \"https://example.com/x\", \"domain_id\": 3, \"workspace_id\": 7}", false, false))
        .willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
    wm.stubFor(listPage(1).willReturn(json(200, ShortpenFixtures.LIST_PAGE)));
    try (LinkClient fromEnv = LinkClients.fromEnvironment("shortpen", env::get)) {
      assertInstanceOf(ShortpenClient.class, fromEnv);
      assertEquals(LinkId.of(501),
          fromEnv.create(CreateLinkRequest.builder().destination("https://example.com/x").build()).id());
    }
  }

  @Test
  void aDomainIdThatIsNotANumberIsRejected() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> LinkClients.create("shortpen", Map.of("apiKey", API_KEY, "defaultDomainId", "main")));
    assertEquals(List.of("defaultDomainId: must be a whole number (was \"main\")"), e.violations());
  }

  @Test
  void anUnknownKeyIsRejectedNamingTheKnownOnes() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> LinkClients.create("shortpen", Map.of("apiKey", API_KEY, "domainId", "1")));
    assertTrue(e.getMessage().contains("defaultDomainId, workspaceId"), e.getMessage());
  }

  @Test
  void builderIdsMustBePositive() {
    RequestValidationException domain = assertThrows(RequestValidationException.class,
        () -> ShortpenClient.builder().defaultDomainId(0));
    assertEquals(List.of("defaultDomainId: must be a positive integer (was 0)"), domain.violations());
    RequestValidationException workspace = assertThrows(RequestValidationException.class,
        () -> ShortpenClient.builder().workspaceId(-2));
    assertEquals(List.of("workspaceId: must be a positive integer (was -2)"), workspace.violations());
  }

  @Test
  void anApiKeyIsRequired() {
    RequestValidationException e =
        assertThrows(RequestValidationException.class, () -> ShortpenClient.builder().build());
    assertEquals(List.of("apiKey: is required"), e.violations());
  }

  @Test
  void toStringShowsTheDefaultsButNeverTheKey() {
    ShortpenClient other = client(b -> b.defaultDomainId(3).workspaceId(7));
    try {
      assertEquals("ShortpenClient{defaultDomainId=3, workspaceId=7}", other.toString());
      assertFalse(other.toString().contains(API_KEY));
    } finally {
      other.close();
    }
  }

  @Test
  void capabilitiesAreTheConstant() {
    assertEquals(ShortpenClient.CAPABILITIES, client.capabilities());
    assertEquals("shortpen", client.providerId());
    assertEquals(100, client.capabilities().maxPageSize());
  }

  @Test
  void theCreateLookUpBoundIsAConfigurationKeyToo() {
    generateAnswers();
    for (int page = 1; page <= 3; page++) {
      wm.stubFor(listPage(page).willReturn(json(200, ShortpenFixtures.page(page, -1, ShortpenFixtures.items(page * 100L, 100)))));
    }
    try (LinkClient configured = LinkClients.create("shortpen", Map.of("apiKey", API_KEY, "baseUrl", wm.baseUrl(),
        "defaultDomainId", "1", "createLookupPages", "2", "rateLimit", "none"))) { // about the bound, not paced
      LinkNotResolvedException e = assertThrows(LinkNotResolvedException.class,
          () -> configured.create(CreateLinkRequest.builder().destination("https://example.com/x").build()));
      assertEquals(2, e.pagesRead());
    }
    RequestValidationException tooMany = assertThrows(RequestValidationException.class, () -> LinkClients.create(
        "shortpen", Map.of("apiKey", API_KEY, "createLookupPages", "99999999999")));
    assertEquals(List.of("createLookupPages: must be between 1 and 1000 (was 2147483647)"), tooMany.violations());
  }

  private static void generateAnswers() {
    wm.stubFor(post(urlEqualTo("/v1/generate")).willReturn(json(200, ShortpenFixtures.GENERATE_RESPONSE)));
  }
}
