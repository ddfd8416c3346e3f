package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.LinkId;
import dev.polylink.core.RequestValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/** Credentials (token or basic auth, exactly one), the default base URL and secret hygiene. */
class CarrierxClientBuilderTest extends WireMockTestBase {
  private static final String LINK = Fixtures.LINKS + "/" + Fixtures.SID;
  private static final String PASSWORD = "p@ss:wörd-SECRET";

  @Test
  void basicAuthSendsBase64OfUsernameColonPasswordInUtf8() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, Fixtures.documentedLink())));
    try (CarrierxClient basic = baseBuilder().basicAuth("partner", PASSWORD).build()) {
      basic.get(LinkId.of(Fixtures.SID));
    }
    String expected = "Basic " + Base64.getEncoder()
        .encodeToString(("partner:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    wm.verify(1, getRequestedFor(urlEqualTo(LINK)).withHeader("Authorization", equalTo(expected)));
  }

  @Test
  void aTokenIsSentAsBearer() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, Fixtures.documentedLink())));
    client.get(LinkId.of(Fixtures.SID));
    wm.verify(1, getRequestedFor(urlEqualTo(LINK)).withHeader("Authorization", equalTo("Bearer " + Fixtures.TOKEN)));
    assertEquals("CarrierxClient{auth=bearer, defaultDomainSid=" + Fixtures.DOMAIN_SID + "}", client.toString());
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
    assertThrows(NullPointerException.class, () -> CarrierxClient.builder().basicAuth(null, "x"));
    assertThrows(NullPointerException.class, () -> CarrierxClient.builder().basicAuth("x", null));
    assertThrows(RequestValidationException.class, () -> CarrierxClient.builder().defaultDomainSid(" "));
  }

  @Test
  void theBuilderNeverShowsCredentials() {
    CarrierxClient.Builder b = baseBuilder().basicAuth("partner", PASSWORD);
    assertEquals("CarrierxClient.Builder{auth=basic, defaultDomainSid=" + Fixtures.DOMAIN_SID + "}", b.toString());
    assertFalse(builder().toString().contains(Fixtures.TOKEN), builder().toString());
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
              .body(ResponseBody.create(Fixtures.documentedLink(), MediaType.get("application/json")))
              .build();
        })
        .build();
    try (CarrierxClient real = CarrierxClient.builder().apiKey(Fixtures.TOKEN).httpClient(offline).build()) {
      real.get(LinkId.of(Fixtures.SID));
    }
    assertEquals(List.of("https://api.carrierx.com/core/v2/shortener/links/" + Fixtures.SID), urls);
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
}
