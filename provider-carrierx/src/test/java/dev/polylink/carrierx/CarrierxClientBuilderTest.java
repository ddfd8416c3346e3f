package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import dev.polylink.core.LinkId;
import dev.polylink.core.RequestValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** Credentials (token or basic auth, exactly one), the default base URL and secret hygiene. */
class CarrierxClientBuilderTest extends CarrierxWireMockTest {

  private static final String LINK = CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID;

  private static final String PASSWORD = "p@ss:wörd-SECRET";

  @Test
  void basicAuthSendsBase64OfUsernameColonPasswordInUtf8() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, CarrierxFixtures.documentedLink())));
    try (CarrierxClient basic = baseBuilder().basicAuth("partner", PASSWORD).build()) {
      basic.get(LinkId.of(CarrierxFixtures.SID));
    }
    String expected = "Basic " + Base64.getEncoder()
        .encodeToString(("partner:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    wm.verify(1, getRequestedFor(urlEqualTo(LINK)).withHeader("Authorization", equalTo(expected)));
  }

  @Test
  void aTokenIsSentAsBearer() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, CarrierxFixtures.documentedLink())));
    client.get(LinkId.of(CarrierxFixtures.SID));
    wm.verify(1, getRequestedFor(urlEqualTo(LINK)).withHeader("Authorization", equalTo("Bearer " + CarrierxFixtures.TOKEN)));
    assertEquals("CarrierxClient{auth=bearer, defaultDomainSid=" + CarrierxFixtures.DOMAIN_SID + "}", client.toString());
  }

  @Test
  void exactlyOneKindOfCredentialsIsRequired() {
    RequestValidationException both = assertThrows(RequestValidationException.class,
        () -> builder().basicAuth("partner", PASSWORD).build());
    assertEquals(List.of("credentials: give either apiKey(token) or basicAuth(username, password), not both"),
        both.violations());
    RequestValidationException none = assertThrows(RequestValidationException.class, () -> baseBuilder().build());
    assertEquals(List.of("credentials: apiKey(token) or basicAuth(username, password) is required"),
        none.violations());
    assertEquals("carrierx", none.providerId());
  }

  @Test
  void malformedBasicCredentialsAreRejectedWithoutShowingThePassword() {
    RequestValidationException colon = assertThrows(RequestValidationException.class,
        () -> CarrierxClient.builder().basicAuth("part:ner", PASSWORD));
    assertEquals(List.of("username: must not contain ':' (HTTP basic authentication, RFC 7617)"), colon.violations());
    RequestValidationException blank = assertThrows(RequestValidationException.class,
        () -> CarrierxClient.builder().basicAuth(" ", ""));
    assertEquals(List.of("username: must not be blank", "password: must not be empty"), blank.violations());
    RequestValidationException control = assertThrows(RequestValidationException.class,
        () -> CarrierxClient.builder().basicAuth("partner", "line\nbreak-SECRET"));
    assertEquals(List.of("password: must not contain control characters"), control.violations());
    for (RequestValidationException e : List.of(colon, blank, control)) {
      assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    }
    CarrierxClient.builder().basicAuth("part ner", "with space ~"); // a space is no control character
    assertThrows(NullPointerException.class, () -> CarrierxClient.builder().basicAuth(null, "x"));
    assertThrows(NullPointerException.class, () -> CarrierxClient.builder().basicAuth("x", null));
    assertThrows(RequestValidationException.class, () -> CarrierxClient.builder().defaultDomainSid(" "));
  }

  @Test
  void theBuilderNeverShowsCredentials() {
    CarrierxClient.Builder b = baseBuilder().basicAuth("partner", PASSWORD);
    assertEquals("CarrierxClient.Builder{auth=basic, defaultDomainSid=" + CarrierxFixtures.DOMAIN_SID + "}", b.toString());
    assertFalse(builder().toString().contains(CarrierxFixtures.TOKEN), builder().toString());
    assertEquals("CarrierxClient.Builder{auth=bearer, defaultDomainSid=" + CarrierxFixtures.DOMAIN_SID + "}",
        builder().toString());
    assertEquals("CarrierxClient.Builder{auth=none}", CarrierxClient.builder().toString());
    assertEquals("carrierx", new dev.polylink.carrierx.internal.CarrierxLinkClientProvider().id());
  }

  @Test
  void theDefaultBaseUrlIsCarrierxCoreV2() {
    List<String> urls = new ArrayList<>();
    OkHttpClient offline = new OkHttpClient.Builder()
        .addInterceptor(chain -> {
          urls.add(chain.request().url().toString());
          return new Response.Builder()
              .request(chain.request())
              .protocol(Protocol.HTTP_1_1)
              .code(200)
              .message("OK")
              .body(ResponseBody.create(CarrierxFixtures.documentedLink(), MediaType.get("application/json")))
              .build();
        })
        .build();
    try (CarrierxClient real = CarrierxClient.builder().apiKey(CarrierxFixtures.TOKEN).httpClient(offline).build()) {
      real.get(LinkId.of(CarrierxFixtures.SID));
    }
    assertEquals(List.of("https://api.carrierx.com/core/v2/shortener/links/" + CarrierxFixtures.SID), urls);
    assertEquals("https://api.carrierx.com/core/v2", CarrierxClient.DEFAULT_BASE_URL);
  }

  @Test
  void capabilitiesAreTheIssuesTable() {
    assertEquals(CarrierxClient.CAPABILITIES, client.capabilities());
    assertEquals("carrierx", client.providerId());
    assertEquals(1000, client.capabilities().maxPageSize());
    assertTrue(client.capabilities().listFilters().isEmpty());
    assertEquals(java.util.EnumSet.of(dev.polylink.core.LinkField.EXPIRES_AT), client.capabilities().clearableFields());
    assertEquals(java.util.EnumSet.of(dev.polylink.core.LinkField.DESTINATION, dev.polylink.core.LinkField.SLUG,
        dev.polylink.core.LinkField.EXPIRES_AT, dev.polylink.core.LinkField.REDIRECT_TYPE),
        client.capabilities().creatableFields());
    assertEquals(client.capabilities().creatableFields(), client.capabilities().updatableFields());
  }

  @Test
  void carrierxIsDiscoveredWithItsDocumentedVariables() {
    assertTrue(LinkClients.providers().contains("carrierx"), LinkClients.providers().toString());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("apiKey", "CARRIERX_API_KEY");
    expected.put("baseUrl", "CARRIERX_BASE_URL");
    expected.put("timeout", "CARRIERX_TIMEOUT");
    expected.put("userAgent", "CARRIERX_USER_AGENT");
    expected.put("rateLimit", "CARRIERX_RATE_LIMIT");
    expected.put("bulkConcurrency", "CARRIERX_BULK_CONCURRENCY");
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
        "CARRIERX_DOMAIN_SID", CarrierxFixtures.DOMAIN_SID,
        "CARRIERX_BASE_URL", wm.baseUrl() + CarrierxFixtures.BASE_PATH);
    wm.stubFor(post(urlEqualTo(CarrierxFixtures.LINKS))
        .withRequestBody(equalToJson("{\"destination_url\": \"https://example.com/\","
            + " \"domain_sid\": \"" + CarrierxFixtures.DOMAIN_SID + "\"}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink())));
    try (LinkClient env1 = LinkClients.fromEnvironment("carrierx", env::get)) {
      assertInstanceOf(CarrierxClient.class, env1);
      env1.create(CreateLinkRequest.builder().destination("https://example.com/").build());
      assertFalse(env1.toString().contains(PASSWORD), env1.toString());
    }
    String basic = "Basic " + Base64.getEncoder()
        .encodeToString(("partner:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    wm.verify(1, postRequestedFor(urlEqualTo(CarrierxFixtures.LINKS)).withHeader("Authorization", equalTo(basic)));
  }

  @Test
  void configWithATokenUsesBearer() {
    wm.stubFor(post(urlEqualTo(CarrierxFixtures.LINKS)).willReturn(json(200, CarrierxFixtures.documentedLink())));
    Map<String, String> config = Map.of(
        "apiKey", CarrierxFixtures.TOKEN,
        "baseUrl", wm.baseUrl() + CarrierxFixtures.BASE_PATH,
        "defaultDomainSid", CarrierxFixtures.DOMAIN_SID,
        "timeout", "PT5S");
    try (LinkClient fromConfig = LinkClients.create("carrierx", config)) {
      fromConfig.create(CreateLinkRequest.builder().destination("https://example.com/").build());
    }
    wm.verify(1, postRequestedFor(urlEqualTo(CarrierxFixtures.LINKS))
        .withHeader("Authorization", equalTo("Bearer " + CarrierxFixtures.TOKEN)));
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
            Map.of("apiKey", CarrierxFixtures.TOKEN, "username", "partner", "password", PASSWORD)));
    assertTrue(both.violations().get(0).startsWith("credentials:"), both.violations().toString());
    for (RequestValidationException e : List.of(onlyPassword, onlyUser, both)) {
      assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
      assertFalse(e.getMessage().contains(CarrierxFixtures.TOKEN), e.getMessage());
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
