package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.spi.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exact request bodies: tri-state patches and routing rules, with no extra fields allowed. */
class XqrRequestBodiesTest extends WireMockTestBase {
  private static final LinkId ID = LinkId.of(Fixtures.DOCUMENTED_ID);
  private static final String PATH = "/api/v1/links/" + Fixtures.DOCUMENTED_ID;

  private static final RoutingRule GERMAN_SPEAKING = RoutingRule.builder()
      .destination("https://example.de/promo").priority(1).countries(CountryMode.INCLUDE, "DE", "AT", "CH").build();
  private static final RoutingRule MOBILE = RoutingRule.builder()
      .destination("https://m.example.com/promo").priority(2).deviceTypes(DeviceType.MOBILE).build();
  private static final RoutingRule NIGHT = RoutingRule.builder()
      .destination("https://example.com/night-offer").priority(3).hours(HourRange.of(20, 6)).build();

  private void expectPatch(String body, String responseBody) {
    wm.stubFor(patch(urlPathEqualTo(PATH))
        .withRequestBody(equalToJson(body, false, false))
        .willReturn(json(200, responseBody)));
  }

  private static String updateResponse() {
    return Fixtures.read("update-link-response.json");
  }

  @Test
  void disablingSendsOnlyEnabledFalse() {
    expectPatch("{\"enabled\": false}", updateResponse().replace("\"enabled\": true", "\"enabled\": false"));
    Link link = client.update(ID, LinkPatch.builder().enabled(false).build());
    assertEquals(Optional.of(false), link.enabled());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void enablingSendsOnlyEnabledTrue() {
    expectPatch("{\"enabled\": true}", updateResponse());
    assertEquals(Optional.of(true), client.update(ID, LinkPatch.builder().enabled(true).build()).enabled());
  }

  @Test
  void clearingLabelsSendsAnEmptyArray() {
    expectPatch("{\"labels\": []}", updateResponse().replace("[\"campaign\", \"summer\", \"updated\"]", "[]"));
    Link link = client.update(ID, LinkPatch.builder().clearLabels().build());
    assertEquals(List.of(), link.labels());
  }

  @Test
  void anEmptyLabelSetIsTheSameClear() {
    expectPatch("{\"labels\": []}", updateResponse());
    client.update(ID, LinkPatch.builder().labels(List.of()).build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(PATH)).withRequestBody(equalToJson("{\"labels\": []}", false, false)));
  }

  @Test
  void destinationAloneSendsOnlyUrl() {
    expectPatch("{\"url\": \"https://example.com/next\"}", updateResponse());
    client.update(ID, LinkPatch.builder().destination("https://example.com/next").build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void everyUpdatableFieldAndRulesTogether() {
    expectPatch("{\"url\": \"https://example.com/next\", \"labels\": [\"a\"], \"enabled\": true,"
        + " \"routing_rules\": [{\"destination\": \"https://m.example.com/promo\", \"priority\": 2,"
        + " \"conditions\": {\"device_types\": [\"mobile\"]}}]}", updateResponse());
    client.update(ID, LinkPatch.builder()
        .destination("https://example.com/next")
        .labels(List.of("a"))
        .enabled(true)
        .options(XqrOptions.builder().routingRules(MOBILE).build())
        .build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void smartRoutingGuideExampleIsSentExactlyAndComesBackInProviderFields() {
    String request = Fixtures.read("smart-routing-create-request.json");
    JsonNode rules = readTree(request).get("routing_rules");
    String response = Fixtures.read("create-link-response.json")
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
    wm.verify(1, patchRequestedFor(urlPathEqualTo(PATH)));
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
    wm.verify(1, patchRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void clearingRoutingRulesSendsAnEmptyArray() {
    expectPatch("{\"routing_rules\": []}", updateResponse());
    client.update(ID, LinkPatch.builder().options(XqrOptions.builder().clearRoutingRules().build()).build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(PATH)));
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
        .willReturn(json(201, Fixtures.read("create-link-response.json"))));

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
        .willReturn(json(201, Fixtures.read("create-link-response.json"))));
    client.create(CreateLinkRequest.builder().destination("https://example.com/plain")
        .options(XqrOptions.builder().clearRoutingRules().build())
        .build());
    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));
  }

  private static JsonNode readTree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
