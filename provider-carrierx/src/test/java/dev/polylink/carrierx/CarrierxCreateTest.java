package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BadRequestException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.Operation;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code POST /shortener/links}. */
class CarrierxCreateTest extends CarrierxWireMockTest {
  private static final String JSON_CONTENT_TYPE = "application/json(;.*)?";

  @Test
  void everyCreatableFieldIsSentAndTheExpiryBecomesSecondsFromNowRoundedUp() {
    Instant now = Instant.parse("2024-01-18T19:26:01.250Z");
    wm.stubFor(post(urlPathEqualTo(CarrierxFixtures.LINKS))
        .withQueryParam("reuse", absent())
        .withHeader("Authorization", equalTo("Bearer " + CarrierxFixtures.TOKEN))
        .withHeader("Content-Type", matching(JSON_CONTENT_TYPE))
        .withRequestBody(equalToJson("{"
            + "\"destination_url\": \"http://destinationurl.com\","
            + "\"domain_sid\": \"330a8a83-d4bb-4f39-ae54-c59c8d87cd44\","
            + "\"short_name\": \"eOtEtO\","
            + "\"mode\": \"redirect_permanent\","
            + "\"maximum_ttl\": 3601}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink().replace("\"maximum_ttl\": -1", "\"maximum_ttl\": 3601"))));

    try (CarrierxClient fixed = builder().clock(Clock.fixed(now, ZoneOffset.UTC)).build()) {
      Link link = fixed.create(CreateLinkRequest.builder()
          .destination("http://destinationurl.com")
          .slug("eOtEtO")
          .redirectType(RedirectType.PERMANENT)
          .expiresAt(now.plusSeconds(3600).plusMillis(250)) // 3600.25 s from now
          .build());
      assertEquals(LinkId.of(CarrierxFixtures.SID), link.id());
      assertEquals(Optional.of(Instant.parse("2024-01-18T20:26:03Z")), link.expiresAt());
      assertEquals(OptionalLong.of(0), link.clicks());
    }
    assertEquals(List.of("POST " + CarrierxFixtures.LINKS), requestLines());
  }

  @Test
  void aMinimalCreateSendsTheDestinationAndTheDefaultDomainOnly() {
    wm.stubFor(post(urlEqualTo(CarrierxFixtures.LINKS))
        .withRequestBody(equalToJson("{\"destination_url\": \"https://example.com/a?b=c\","
            + " \"domain_sid\": \"330a8a83-d4bb-4f39-ae54-c59c8d87cd44\"}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink())));
    client.create(CreateLinkRequest.builder().destination("https://example.com/a?b=c").build());
    wm.verify(1, postRequestedFor(urlEqualTo(CarrierxFixtures.LINKS)));
  }

  @Test
  void theRequestsDomainWinsOverTheDefault() {
    wm.stubFor(post(urlEqualTo(CarrierxFixtures.LINKS))
        .withRequestBody(equalToJson("{\"destination_url\": \"https://example.com/\","
            + " \"domain_sid\": \"11111111-2222-3333-4444-555555555555\"}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink())));
    client.create(CreateLinkRequest.builder()
        .destination("https://example.com/").domain("11111111-2222-3333-4444-555555555555").build());
    wm.verify(1, postRequestedFor(urlEqualTo(CarrierxFixtures.LINKS)));
  }

  @Test
  void reuseSendsTheReuseQueryParameter() {
    wm.stubFor(post(urlPathEqualTo(CarrierxFixtures.LINKS))
        .withQueryParam("reuse", equalTo("true"))
        .willReturn(json(200, CarrierxFixtures.documentedLink())));
    client.create(CreateLinkRequest.builder().destination("http://destinationurl.com")
        .options(CarrierxOptions.builder().reuse(true).build()).build());
    assertEquals(List.of("POST " + CarrierxFixtures.LINKS + "?reuse=true"), requestLines());
  }

  @Test
  void proxyPassSendsModeProxyPassAndTheLinkHasNoRedirectType() {
    wm.stubFor(post(urlEqualTo(CarrierxFixtures.LINKS))
        .withRequestBody(equalToJson("{\"destination_url\": \"http://destinationurl.com\","
            + " \"domain_sid\": \"330a8a83-d4bb-4f39-ae54-c59c8d87cd44\", \"mode\": \"proxy_pass\"}", false, false))
        .willReturn(json(200, fixture("link-proxy-pass.json"))));
    Link link = client.create(CreateLinkRequest.builder().destination("http://destinationurl.com")
        .options(CarrierxOptions.builder().proxyPass(true).build()).build());
    assertEquals(Optional.empty(), link.redirectType());
    assertEquals("proxy_pass", link.providerFields().get("mode"));
  }

  @Test
  void aForbiddenProxyPassCreateNamesTheMissingScopeAndKeepsTheAnswer() {
    String body = "{\"message\": \"Forbidden\"}";
    wm.stubFor(post(urlEqualTo(CarrierxFixtures.LINKS)).willReturn(json(403, body).withHeader("X-Test", "1")));
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> client.create(CreateLinkRequest.builder().destination("http://destinationurl.com")
            .options(CarrierxOptions.builder().proxyPass(true).build()).build()));
    assertEquals(403, e.statusCode());
    assertEquals(Operation.CREATE, e.operation());
    assertEquals(body, e.responseBody());
    assertEquals(Optional.of("Forbidden (setting mode proxy_pass needs the extra CarrierX scope"
        + " shortener.allow_link_mode_proxypass)"), e.vendorMessage());
    assertTrue(e.getMessage().startsWith("carrierx create failed: HTTP 403: Forbidden"), e.getMessage());
    assertTrue(e.getMessage().contains("shortener.allow_link_mode_proxypass"), e.getMessage());
  }

  @Test
  void everyViolationIsReportedAtOnceBeforeSending() {
    try (CarrierxClient noDomain = CarrierxClient.builder().apiKey(CarrierxFixtures.TOKEN)
        .baseUrl(wm.baseUrl() + CarrierxFixtures.BASE_PATH).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
      RequestValidationException e = assertThrows(RequestValidationException.class,
          () -> noDomain.create(CreateLinkRequest.builder()
              .destination("https://example.com/")
              .slug("two words")
              .redirectType(RedirectType.TEMPORARY)
              .expiresAt(NOW)
              .options(CarrierxOptions.builder().proxyPass(true).build())
              .build()));
      assertEquals(4, e.violations().size(), e.violations().toString());
      assertTrue(e.violations().get(0).startsWith("domain: is required"), e.violations().toString());
      assertTrue(e.violations().get(1).startsWith("slug: must not contain control, invisible or whitespace"), e.violations().toString());
      assertTrue(e.violations().get(2).startsWith("redirectType: cannot be combined"), e.violations().toString());
      assertEquals("expiresAt: must be after now (2024-06-01T12:00:00Z) (was 2024-06-01T12:00:00Z)",
          e.violations().get(3));
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anExpiryLessThanASecondAwayIsOneSecond() {
    wm.stubFor(post(urlEqualTo(CarrierxFixtures.LINKS))
        .withRequestBody(equalToJson("{\"destination_url\": \"https://example.com/\","
            + " \"domain_sid\": \"330a8a83-d4bb-4f39-ae54-c59c8d87cd44\", \"maximum_ttl\": 1}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink())));
    client.create(CreateLinkRequest.builder().destination("https://example.com/")
        .expiresAt(NOW.plusNanos(1)).build());
    wm.verify(1, postRequestedFor(urlEqualTo(CarrierxFixtures.LINKS)));
  }

  @Test
  void anExpiryBeyondTheLargestLifetimeIsRejected() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com/")
            .expiresAt(NOW.plusSeconds(Integer.MAX_VALUE + 1L)).build()));
    assertTrue(e.violations().get(0).startsWith("expiresAt: must be at most 2147483647 seconds after now"),
        e.violations().toString());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aValidationErrorIsABadRequestWithTheVendorsMessage() {
    String body = "{\"message\": \"object validation error\", \"errors\": [{\"field\": \"destination_url\","
        + " \"message\": \"field destination_url is not a valid URL\"}]}";
    wm.stubFor(post(urlEqualTo(CarrierxFixtures.LINKS)).willReturn(json(422, body)));
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com/").build()));
    assertEquals(422, e.statusCode());
    assertEquals(body, e.responseBody());
    assertEquals(Optional.of("object validation error: destination_url: field destination_url is not a valid URL"),
        e.vendorMessage());
    assertEquals(Optional.of(List.of(Map.of("field", "destination_url",
        "message", "field destination_url is not a valid URL"))), e.details());
    assertEquals(1, requests().size(), "a 422 is not retried");
  }

  @Test
  void anUnsupportedMediaTypeIsABadRequest() {
    wm.stubFor(post(urlEqualTo(CarrierxFixtures.LINKS))
        .willReturn(json(415, "{\"message\": \"Unsupported media type\"}")));
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com/").build()));
    assertEquals(415, e.statusCode());
    assertEquals(Optional.of("Unsupported media type"), e.vendorMessage());
    assertTrue(requests().get(0).getHeader("Content-Type").startsWith("application/json"),
        "the client itself always sends the JSON content type");
  }
}
