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
class SnipurlClientBuilderTest extends SnipurlTestSupport {
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
            "userAgent", "SNIPURL_USER_AGENT"),
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
  void getMapsSnipurlsSharedSectionsIntoProviderFields() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("get-response.json"))));
    dev.polylink.core.Link link = client.get(DOC_ID);
    assertEquals(List.of("overview", "locations"), link.providerFields().get("analytics_shared_fields"));
    assertEquals(java.util.Optional.empty(), link.expiresAt());
    assertFalse(link.providerFields().containsKey("expires_at"));
    assertEquals(java.util.Optional.of(true), link.enabled());
    assertEquals(java.util.Optional.of(false), link.passwordProtected());
  }

  /** Bug fix (issue 12): a wrong-typed optional field used to fail the whole call. */
  @Test
  void aMistypedOptionalFieldIsLeftEmptyAndTheRestIsRead() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200,
        fixture("update-response.json").replace("\"is_active\": false", "\"is_active\": \"no\""))));
    dev.polylink.core.Link link = client.get(DOC_ID);
    assertEquals(java.util.Optional.empty(), link.enabled());
    assertEquals("no", link.providerFields().get("is_active"));
    assertEquals(DOC_ID, link.id());
    assertEquals(java.util.Optional.of(true), link.passwordProtected());
  }

  @Test
  void timestampsWithAnOffsetAreRead() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200,
        fixture("update-response.json").replace("2025-06-20T10:00:00.000Z", "2025-06-20T12:00:00.000+02:00"))));
    assertEquals(java.util.Optional.of(java.time.Instant.parse("2025-06-20T10:00:00Z")), client.get(DOC_ID).createdAt());
  }
}
