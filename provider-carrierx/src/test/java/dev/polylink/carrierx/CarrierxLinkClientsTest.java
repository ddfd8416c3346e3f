package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.LinkClient;
import dev.polylink.core.LinkClients;
import dev.polylink.core.RequestValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discovery through {@link LinkClients}, string config and environment variables. */
class CarrierxLinkClientsTest extends WireMockTestBase {
  private static final String PASSWORD = "env-pa55-SECRET";

  @Test
  void carrierxIsDiscoveredWithItsDocumentedVariables() {
    assertTrue(LinkClients.providers().contains("carrierx"), LinkClients.providers().toString());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("apiKey", "CARRIERX_API_KEY");
    expected.put("baseUrl", "CARRIERX_BASE_URL");
    expected.put("timeout", "CARRIERX_TIMEOUT");
    expected.put("userAgent", "CARRIERX_USER_AGENT");
    expected.put("username", "CARRIERX_USERNAME");
    expected.put("password", "CARRIERX_PASSWORD");
    expected.put("defaultDomainSid", "CARRIERX_DOMAIN_SID");
    assertEquals(expected, LinkClients.environmentVariables("carrierx"));
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(LinkClients.environmentVariables("carrierx").keySet()));
  }

  @Test
  void fromEnvironmentWithUsernamePasswordAndDomain() {
    Map<String, String> env = Map.of(
        "CARRIERX_USERNAME", "partner",
        "CARRIERX_PASSWORD", PASSWORD,
        "CARRIERX_DOMAIN_SID", Fixtures.DOMAIN_SID,
        "CARRIERX_BASE_URL", wm.baseUrl() + Fixtures.BASE_PATH);
    wm.stubFor(post(urlEqualTo(Fixtures.LINKS))
        .withRequestBody(equalToJson("{\"destination_url\": \"https://example.com/\","
            + " \"domain_sid\": \"" + Fixtures.DOMAIN_SID + "\"}", false, false))
        .willReturn(json(200, Fixtures.documentedLink())));
    try (LinkClient env1 = LinkClients.fromEnvironment("carrierx", env::get)) {
      assertInstanceOf(CarrierxClient.class, env1);
      env1.create(CreateLinkRequest.builder().destination("https://example.com/").build());
      assertFalse(env1.toString().contains(PASSWORD), env1.toString());
    }
    String basic = "Basic " + Base64.getEncoder()
        .encodeToString(("partner:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    wm.verify(1, postRequestedFor(urlEqualTo(Fixtures.LINKS)).withHeader("Authorization", equalTo(basic)));
  }

  @Test
  void configWithATokenUsesBearer() {
    wm.stubFor(post(urlEqualTo(Fixtures.LINKS)).willReturn(json(200, Fixtures.documentedLink())));
    Map<String, String> config = Map.of(
        "apiKey", Fixtures.TOKEN,
        "baseUrl", wm.baseUrl() + Fixtures.BASE_PATH,
        "defaultDomainSid", Fixtures.DOMAIN_SID,
        "timeout", "PT5S");
    try (LinkClient fromConfig = LinkClients.create("carrierx", config)) {
      fromConfig.create(CreateLinkRequest.builder().destination("https://example.com/").build());
    }
    wm.verify(1, postRequestedFor(urlEqualTo(Fixtures.LINKS))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.TOKEN)));
  }

  @Test
  void incompleteOrConflictingCredentialsAreRejectedWithoutShowingThePassword() {
    RequestValidationException onlyPassword = assertThrows(RequestValidationException.class,
        () -> LinkClients.create("carrierx", Map.of("password", PASSWORD)));
    assertEquals(List.of("username: is required when password is given (basic authentication needs both)"),
        onlyPassword.violations());
    RequestValidationException onlyUser = assertThrows(RequestValidationException.class,
        () -> LinkClients.create("carrierx", Map.of("username", "partner")));
    assertEquals(List.of("password: is required when username is given (basic authentication needs both)"),
        onlyUser.violations());
    RequestValidationException both = assertThrows(RequestValidationException.class,
        () -> LinkClients.create("carrierx",
            Map.of("apiKey", Fixtures.TOKEN, "username", "partner", "password", PASSWORD)));
    assertTrue(both.violations().get(0).startsWith("credentials:"), both.violations().toString());
    for (RequestValidationException e : List.of(onlyPassword, onlyUser, both)) {
      assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
      assertFalse(e.getMessage().contains(Fixtures.TOKEN), e.getMessage());
    }
  }

  @Test
  void anUnknownKeyNamesTheKnownOnes() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> LinkClients.create("carrierx", Map.of("domainSid", "x")));
    assertTrue(e.getMessage().contains("defaultDomainSid"), e.getMessage());
    assertTrue(e.getMessage().contains("username"), e.getMessage());
  }
}
