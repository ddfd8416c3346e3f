package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClients;
import dev.polylink.core.RequestValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder's key check, the defaults, and discovery through LinkClients. */
class SnipurlClientBuilderTest extends SnipurlWireMockTest {

  @Test
  void aKeyIsRequired() {
    RequestValidationException e =
        assertThrows(RequestValidationException.class, () -> SnipurlClient.builder().build());
    assertEquals(List.of("apiKey: is required"), e.violations());
  }

  @Test
  void aKeyOfAnotherShapeIsRejectedWithoutShowingIt() {
    for (String key : List.of("sk_live_" + KEY_SECRET, "snip_live_short", "Bearer " + API_KEY)) {
      RequestValidationException e = assertThrows(RequestValidationException.class,
          () -> SnipurlClient.builder().apiKey(key).build());
      assertTrue(e.violations().get(0).startsWith("apiKey: must start with \"snip_live_\""), e.getMessage());
      assertFalse(e.getMessage().contains(KEY_SECRET), e.getMessage());
      assertFalse(e.getMessage().contains("short"), e.getMessage());
    }
  }

  @Test
  void theKeyIsSentAsABearerToken() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .willReturn(json(200, fixture("update-response.json"))));
    assertEquals(DOC_ID, client.get(DOC_ID).id());
  }

  @Test
  void theDefaultsAreSnipurlsDocumentedOnes() {
    assertEquals("snipurl", client.providerId());
    assertEquals("https://snipurl.click/api/v1", SnipurlClient.DEFAULT_BASE_URL);
    assertEquals(SnipurlClient.CAPABILITIES, client.capabilities());
    assertEquals(50, SnipurlClient.MAX_BULK_DELETE);
    assertFalse(client.toString().contains(KEY_SECRET));
  }

  @Test
  void linkClientsFindsSnipurl() {
    assertTrue(LinkClients.providers().contains("snipurl"), LinkClients.providers().toString());
    assertEquals(
        Map.of("apiKey", "SNIPURL_API_KEY", "baseUrl", "SNIPURL_BASE_URL", "timeout", "SNIPURL_TIMEOUT",
            "userAgent", "SNIPURL_USER_AGENT", "rateLimit", "SNIPURL_RATE_LIMIT",
            "bulkConcurrency", "SNIPURL_BULK_CONCURRENCY"),
        LinkClients.environmentVariables("snipurl"));
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("update-response.json"))));
    try (LinkClient configured = LinkClients.create("snipurl",
        Map.of("apiKey", API_KEY, "baseUrl", wm.baseUrl() + "/api/v1", "timeout", "PT5S"))) {
      assertInstanceOf(SnipurlClient.class, configured);
      assertEquals("a8Kx2m", configured.get(DOC_ID).shortCode());
    }
    Map<String, String> environment = Map.of("SNIPURL_API_KEY", API_KEY, "SNIPURL_BASE_URL", wm.baseUrl() + "/api/v1");
    try (LinkClient fromEnvironment = LinkClients.fromEnvironment("snipurl", environment::get)) {
      assertEquals("a8Kx2m", fromEnvironment.get(DOC_ID).shortCode());
    }
  }

  @Test
  void aKeyOfThirtyCharactersIsLongEnoughAndTwentyNineIsNot() {
    String thirty = "snip_live_" + KEY_SECRET.substring(0, 20);
    try (SnipurlClient ok = SnipurlClient.builder().apiKey(thirty).baseUrl(wm.baseUrl()).build()) {
      assertEquals("SnipurlClient{providerId=snipurl}", ok.toString());
    }
    assertThrows(RequestValidationException.class,
        () -> SnipurlClient.builder().apiKey(thirty.substring(0, 29)).build());
    assertEquals("snipurl", new dev.polylink.snipurl.internal.SnipurlLinkClientProvider().id());
  }
}
