package dev.polylink.xqr;

import java.util.List;
import static org.junit.jupiter.api.Assertions.assertSame;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClients;
import dev.polylink.core.LinkId;
import dev.polylink.core.RequestValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building the client, discovery through {@link LinkClients}, and what {@code toString} shows. */
class XqrClientBuilderTest extends XqrWireMockTest {
  @Test
  void toStringShowsTheKeyPrefixButNeverTheSecret() {
    assertEquals("XqrClient{key=xqr_pk_a1b2c3d4.****}", client.toString());
    try (XqrClient other = XqrClient.builder().apiKey("not-an-xqr-key.s3cr3t").baseUrl(wm.baseUrl()).build()) {
      assertEquals("XqrClient{key=****}", other.toString());
      assertFalse(other.toString().contains("s3cr3t"));
    }
  }

  @Test
  void anApiKeyIsRequired() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> XqrClient.builder().build());
    assertEquals("xqr", e.providerId());
    assertTrue(e.violations().get(0).startsWith("apiKey"), e.violations().toString());
  }

  @Test
  void theDocumentedDefaultsAreExposed() {
    assertEquals("https://xqr.co/api", XqrClient.DEFAULT_BASE_URL);
    assertEquals("xqr", client.providerId());
    assertEquals(XqrClient.CAPABILITIES, client.capabilities());
  }

  @Test
  void aBaseUrlWithATrailingSlashWorksToo() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/links/" + XqrFixtures.DOCUMENTED_ID))
        .willReturn(json(200, fixture("get-link-response.json"))));
    try (XqrClient slash = XqrClient.builder().apiKey(XqrFixtures.DOCUMENTED_KEY).baseUrl(wm.baseUrl() + "/api/").build()) {
      assertEquals("summer24", slash.get(LinkId.of(XqrFixtures.DOCUMENTED_ID)).shortCode());
    }
  }

  @Test
  void linkClientsFindsXqrAndBuildsItFromConfiguration() {
    assertTrue(LinkClients.providers().contains("xqr"), LinkClients.providers().toString());
    assertEquals("XQR_API_KEY", LinkClients.environmentVariables("xqr").get("apiKey"));
    assertEquals("XQR_BASE_URL", LinkClients.environmentVariables("xqr").get("baseUrl"));
    wm.stubFor(get(urlPathEqualTo("/api/v1/links/" + XqrFixtures.DOCUMENTED_ID))
        .willReturn(json(200, fixture("get-link-response.json"))));
    try (LinkClient fromConfig = LinkClients.create("xqr",
        Map.of("apiKey", XqrFixtures.DOCUMENTED_KEY, "baseUrl", wm.baseUrl() + "/api", "timeout", "PT5S"))) {
      assertInstanceOf(XqrClient.class, fromConfig);
      assertEquals("summer24", fromConfig.get(LinkId.of(XqrFixtures.DOCUMENTED_ID)).shortCode());
    }
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/links/" + XqrFixtures.DOCUMENTED_ID)));
    try (LinkClient fromEnvironment = LinkClients.fromEnvironment("xqr",
        Map.of("XQR_API_KEY", XqrFixtures.DOCUMENTED_KEY, "XQR_BASE_URL", wm.baseUrl() + "/api")::get)) {
      assertEquals("xqr", fromEnvironment.providerId());
    }
    assertThrows(RequestValidationException.class,
        () -> LinkClients.create("xqr", Map.of("apiKey", XqrFixtures.DOCUMENTED_KEY, "workspaceId", "1")));
  }

  @Test
  void theServiceLoaderProviderIsXqrWithTheCommonKeys() {
    dev.polylink.xqr.internal.XqrLinkClientProvider provider = new dev.polylink.xqr.internal.XqrLinkClientProvider();
    assertEquals("xqr", provider.id());
    assertEquals(java.util.List.of("apiKey", "baseUrl", "timeout", "userAgent", "rateLimit", "bulkConcurrency"), java.util.List.copyOf(provider.configKeys().keySet()));
  }

  @Test
  void requestsPerSecondMustBeAtLeastOne() {
    XqrClient.Builder builder = XqrClient.builder();
    assertSame(builder, builder.requestsPerSecond(1));
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> builder.requestsPerSecond(0));
    assertEquals(List.of("requestsPerSecond: must be at least 1 (was 0)"), e.violations());
  }
}
