package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import dev.polylink.core.spi.Json;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code create}: the documented examples, exact request bodies, and xQR's input rules checked before any request. */
class XqrCreateTest extends XqrWireMockTest {

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static final RoutingRule NIGHT = RoutingRule.builder()
      .destination("https://example.com/night-offer").priority(3).hours(HourRange.of(20, 6)).build();

  private static final RoutingRule GERMAN_SPEAKING = RoutingRule.builder()
      .destination("https://example.de/promo").priority(1).countries(CountryMode.INCLUDE, "DE", "AT", "CH").build();

  @Test
  void createLinkExample() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links"))
        .withHeader("Authorization", equalTo("Bearer " + XqrFixtures.DOCUMENTED_KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(fixture("create-link-request.json"), false, false))
        .willReturn(json(201, fixture("create-link-response.json"))));

    Link link = client.create(CreateLinkRequest.builder()
        .destination("https://example.com/summer-sale?utm_source=qr")
        .slug("summer24")
        .addLabels("campaign", "summer")
        .expiresAt(Instant.parse("2026-09-30T23:59:59Z"))
        .build());

    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));
    assertEquals("xqr", link.providerId());
    assertEquals(LinkId.of(XqrFixtures.DOCUMENTED_ID), link.id());
    assertEquals(URI.create("https://xqr.co/summer24"), link.shortUrl());
    assertEquals("summer24", link.shortCode());
    assertEquals(Optional.of(URI.create("https://example.com/summer-sale?utm_source=qr")), link.destination());
    assertEquals(Optional.empty(), link.title());
    assertEquals(Optional.of(true), link.enabled());
    assertEquals(List.of("campaign", "summer"), link.labels());
    assertEquals(Optional.of(Instant.parse("2026-09-30T23:59:59Z")), link.expiresAt());
    assertEquals(Optional.empty(), link.passwordProtected());
    assertEquals(Optional.empty(), link.redirectType());
    assertEquals(OptionalLong.of(0), link.clicks());
    assertEquals(Optional.empty(), link.lastClickedAt(), "last_scan_at is null: never scanned");
    assertEquals(Optional.of(Instant.parse("2026-03-21T14:30:00Z")), link.createdAt());
    assertEquals(Optional.of(Instant.parse("2026-03-21T14:30:00Z")), link.updatedAt());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", XqrFixtures.DOCUMENTED_ID);
    fields.put("short_url", "https://xqr.co/summer24");
    fields.put("short_code", "summer24");
    fields.put("destination", "https://example.com/summer-sale?utm_source=qr");
    fields.put("enabled", true);
    fields.put("labels", List.of("campaign", "summer"));
    fields.put("routing_rules", List.of());
    fields.put("scan_count", 0);
    fields.put("expires_at", "2026-09-30T23:59:59Z");
    fields.put("created_at", "2026-03-21T14:30:00Z");
    fields.put("updated_at", "2026-03-21T14:30:00Z");
    assertEquals(fields, link.providerFields());

    assertEquals(Optional.of("req_8f3a2b1c4d5e6f70"), client.lastRequestId());
    assertEquals(
        Optional.of(RateLimitStatus.builder().limit(600).remaining(599).resetAt(Instant.ofEpochSecond(1742572800)).build()),
        client.lastRateLimit(),
        "no headers in the example: the body's meta.rate_limit alone");
  }

  @Test
  void smartRoutingGuideExampleIsSentExactlyAndComesBackInProviderFields() {
    String request = fixture("smart-routing-create-request.json");
    JsonNode rules = readTree(request).get("routing_rules");
    String response = fixture("create-link-response.json")
        .replace("\"routing_rules\": []", "\"routing_rules\": " + rules)
        .replace("https://example.com/summer-sale?utm_source=qr", "https://example.com/default");
    wm.stubFor(post(urlPathEqualTo("/api/v1/links"))
        .withRequestBody(equalToJson(request, false, false))
        .willReturn(json(201, response)));

    Link link = client.create(CreateLinkRequest.builder()
        .destination("https://example.com/default")
        .slug("global-promo")
        .options(XqrOptions.builder().routingRules(GERMAN_SPEAKING, MOBILE, NIGHT).build())
        .build());

    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));
    Object sent = Json.mapper().convertValue(rules, Object.class);
    assertEquals(sent, link.providerFields().get("routing_rules"));

    // ... and the same rules go back unchanged on update.
    expectPatch("{\"routing_rules\": " + rules + "}", response);
    client.update(ID, LinkPatch.builder()
        .options(XqrOptions.builder().routingRules(List.of(GERMAN_SPEAKING, MOBILE, NIGHT)).build())
        .build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  @Test
  void everyConditionIsSentUnderItsDocumentedName() {
    RoutingRule all = RoutingRule.builder()
        .destination("https://example.com/b")
        .priority(5)
        .countries(CountryMode.EXCLUDE, "fr", "BE")
        .deviceTypes(DeviceType.DESKTOP, DeviceType.TABLET)
        .hours(9, 17)
        .percentage(25)
        .expiresAt(Instant.parse("2026-12-31T23:59:59Z"))
        .build();
    expectPatch("{\"routing_rules\": [{\"destination\": \"https://example.com/b\", \"priority\": 5, \"conditions\": {"
        + "\"countries\": [\"FR\", \"BE\"], \"country_mode\": \"exclude\", \"device_types\": [\"tablet\", \"desktop\"],"
        + " \"hours\": {\"start\": 9, \"end\": 17}, \"percentage\": 25, \"expires_at\": \"2026-12-31T23:59:59Z\"}}]}",
        updateResponse());
    client.update(ID, LinkPatch.builder().options(XqrOptions.builder().routingRules(all).build()).build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
  }

  /**
   * xQR documents whole-second instants only ({@code "expires_at": "2026-09-30T23:59:59Z"} in the
   * Create Link request and in every response): a fractional expiry is sent rounded up to the
   * second, never earlier than asked, for the link and for a routing rule alike.
   */
  @Test
  void fractionalExpiriesAreSentInWholeSecondsRoundedUp() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links"))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/summer-sale?utm_source=qr\","
            + " \"expires_at\": \"2026-09-30T23:59:59Z\", \"routing_rules\": [{\"destination\": \"https://m.example.com/promo\","
            + " \"priority\": 2, \"conditions\": {\"device_types\": [\"mobile\"], \"expires_at\": \"2026-10-01T00:00:00Z\"}}]}", false, false))
        .willReturn(json(201, fixture("create-link-response.json"))));

    Link link = client.create(CreateLinkRequest.builder()
        .destination("https://example.com/summer-sale?utm_source=qr")
        .expiresAt(Instant.parse("2026-09-30T23:59:58.001Z"))
        .options(XqrOptions.builder().routingRules(MOBILE.toBuilder()
            .expiresAt(Instant.parse("2026-09-30T23:59:59.999999999Z")).build()).build())
        .build());

    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));
    assertEquals(Optional.of(Instant.parse("2026-09-30T23:59:59Z")), link.expiresAt());
  }

  @Test
  void createWithoutOptionalFieldsSendsOnlyUrl() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links"))
        .withRequestBody(equalToJson("{\"url\": \"https://example.com/plain\"}", false, false))
        .willReturn(json(201, fixture("create-link-response.json"))));
    client.create(CreateLinkRequest.builder().destination("https://example.com/plain")
        .options(XqrOptions.builder().clearRoutingRules().build())
        .build());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));
  }

  @Test
  void aShortSlugIsNamedWithTheRule() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").slug("a").build()));
    assertEquals(List.of("slug: must be 3 to 64 letters, digits or hyphens (was \"a\")"), e.violations());
    assertEquals("xqr", e.providerId());
    assertNoRequests();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "with_underscore", "with space", "ümlaut", "dot.ted",
      "a123456789b123456789c123456789d123456789e123456789f123456789g1234"})
  void slugsOutsideTheDocumentedShapeAreRejected(String slug) {
    assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").slug(slug).build()));
    assertNoRequests();
  }

  @Test
  void elevenLabelsAreRejectedOnCreateAndUpdate() {
    RequestValidationException onCreate = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").labels(labels(11)).build()));
    assertEquals(List.of("labels: at most 10 allowed (was 11)"), onCreate.violations());
    RequestValidationException onUpdate = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().labels(labels(11)).build()));
    assertEquals(List.of("labels: at most 10 allowed (was 11)"), onUpdate.violations());
    assertNoRequests();
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder()
            .destination("https://example.com")
            .slug("x")
            .labels(labels(12))
            .domain("links.example.com")
            .build()));
    assertEquals(3, e.violations().size(), e.violations().toString());
    assertEquals("slug: must be 3 to 64 letters, digits or hyphens (was \"x\")", e.violations().get(0));
    assertEquals("labels: at most 10 allowed (was 12)", e.violations().get(1));
    assertEquals(true, e.violations().get(2).startsWith("domain: "), e.violations().get(2));
    assertNoRequests();
  }

  @Test
  void unsupportedFieldsAreAllNamedOnCreate() {
    UnsupportedFieldException e = assertThrows(UnsupportedFieldException.class,
        () -> client.create(CreateLinkRequest.builder()
            .destination("https://example.com")
            .title("T")
            .password("s3cret-Pa55")
            .redirectType(RedirectType.TEMPORARY)
            .build()));
    assertEquals(Set.of(LinkField.TITLE, LinkField.PASSWORD, LinkField.REDIRECT_TYPE), e.fields());
    assertEquals(false, e.getMessage().contains("s3cret-Pa55"), e.getMessage());
    assertNoRequests();
  }

  @Test
  void instantsThatCannotBeSentAreRejectedBeforeAnyRequest() {
    RequestValidationException onCreate = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").expiresAt(Instant.MAX).build()));
    assertEquals(List.of("expiresAt: must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z"
        + " (was " + Instant.MAX + ")"), onCreate.violations());

    XqrOptions rules = XqrOptions.builder().routingRules(
        RoutingRule.builder().destination("https://m.example.com").priority(1).deviceTypes(DeviceType.MOBILE).build(),
        RoutingRule.builder().destination("https://t.example.com").priority(2).deviceTypes(DeviceType.TABLET)
            .expiresAt(Instant.MIN).build()).build();
    RequestValidationException ruleOnCreate = assertThrows(RequestValidationException.class,
        () -> client.create(CreateLinkRequest.builder().destination("https://example.com").options(rules).build()));
    assertEquals(1, ruleOnCreate.violations().size(), ruleOnCreate.violations().toString());
    assertEquals(true, ruleOnCreate.violations().get(0).startsWith("options.routingRules[1].expiresAt: must be between"),
        ruleOnCreate.violations().toString());
    RequestValidationException ruleOnUpdate = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().options(rules).build()));
    assertEquals(ruleOnCreate.violations(), ruleOnUpdate.violations());
    assertNoRequests();
  }

  @Test
  void theLatestSendableInstantIsSentWithAFourDigitYear() {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v1/links"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
            "{\"url\": \"https://example.com\", \"expires_at\": \"9999-12-31T23:59:59Z\"}", false, false))
        .willReturn(json(500, "")));
    assertThrows(dev.polylink.core.ServerException.class, () -> client.create(CreateLinkRequest.builder()
        .destination("https://example.com").expiresAt(dev.polylink.core.spi.Checks.LATEST_SENDABLE.minusMillis(1)).build()));
    wm.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/v1/links")));
  }
}
