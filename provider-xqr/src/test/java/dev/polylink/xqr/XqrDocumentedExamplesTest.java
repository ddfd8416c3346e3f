package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.RateLimitStatus;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * xQR's own Create Link, Update Link and Get Link examples: the exact request body and documented
 * headers, and every field of the documented response.
 */
class XqrDocumentedExamplesTest extends WireMockTestBase {
  private static final String PATH = "/api/v1/links/" + Fixtures.DOCUMENTED_ID;

  @Test
  void createLinkExample() {
    wm.stubFor(post(urlPathEqualTo("/api/v1/links"))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.DOCUMENTED_KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(Fixtures.read("create-link-request.json"), false, false))
        .willReturn(json(201, Fixtures.read("create-link-response.json"))));

    Link link = client.create(CreateLinkRequest.builder()
        .destination("https://example.com/summer-sale?utm_source=qr")
        .slug("summer24")
        .addLabels("campaign", "summer")
        .expiresAt(Instant.parse("2026-09-30T23:59:59Z"))
        .build());

    wm.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/links")));
    assertEquals("xqr", link.providerId());
    assertEquals(LinkId.of(Fixtures.DOCUMENTED_ID), link.id());
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
    fields.put("id", Fixtures.DOCUMENTED_ID);
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
  void updateLinkExample() {
    wm.stubFor(patch(urlPathEqualTo(PATH))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.DOCUMENTED_KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(Fixtures.read("update-link-request.json"), false, false))
        .willReturn(json(200, Fixtures.read("update-link-response.json"))));

    Link link = client.update(LinkId.of(Fixtures.DOCUMENTED_ID), LinkPatch.builder()
        .destination("https://example.com/summer-sale-v2?utm_source=qr")
        .labels(List.of("campaign", "summer", "updated"))
        .build());

    wm.verify(1, patchRequestedFor(urlPathEqualTo(PATH)));
    Link expected = Link.builder()
        .providerId("xqr")
        .id(LinkId.of(Fixtures.DOCUMENTED_ID))
        .shortUrl(URI.create("https://xqr.co/summer24"))
        .shortCode("summer24")
        .destination(URI.create("https://example.com/summer-sale-v2?utm_source=qr"))
        .enabled(true)
        .labels(List.of("campaign", "summer", "updated"))
        .clicks(1483)
        .lastClickedAt(Instant.parse("2026-03-20T09:12:44Z"))
        .expiresAt(Instant.parse("2026-09-30T23:59:59Z"))
        .createdAt(Instant.parse("2026-03-01T10:00:00Z"))
        .updatedAt(Instant.parse("2026-03-21T15:45:00Z"))
        .providerFields(documentedFields(
            "https://example.com/summer-sale-v2?utm_source=qr", List.of("campaign", "summer", "updated"),
            "2026-03-21T15:45:00Z"))
        .build();
    assertEquals(expected, link);
    assertEquals(Optional.empty(), link.title());
    assertEquals(Optional.empty(), link.passwordProtected());
    assertEquals(Optional.empty(), link.redirectType());
    assertEquals(Optional.of("req_3c4d5e6f70890123"), client.lastRequestId());
  }

  @Test
  void getLinkExample() {
    wm.stubFor(get(urlPathEqualTo(PATH))
        .withHeader("Authorization", equalTo("Bearer " + Fixtures.DOCUMENTED_KEY))
        .willReturn(json(200, Fixtures.read("get-link-response.json"))));

    Link link = client.get(LinkId.of(Fixtures.DOCUMENTED_ID));

    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
    assertEquals(Link.builder()
        .providerId("xqr")
        .id(LinkId.of(Fixtures.DOCUMENTED_ID))
        .shortUrl(URI.create("https://xqr.co/summer24"))
        .shortCode("summer24")
        .destination(URI.create("https://example.com/summer-sale?utm_source=qr"))
        .enabled(true)
        .labels(List.of("campaign", "summer"))
        .clicks(1483)
        .lastClickedAt(Instant.parse("2026-03-20T09:12:44Z"))
        .expiresAt(Instant.parse("2026-09-30T23:59:59Z"))
        .createdAt(Instant.parse("2026-03-01T10:00:00Z"))
        .updatedAt(Instant.parse("2026-03-15T08:22:11Z"))
        .providerFields(documentedFields(
            "https://example.com/summer-sale?utm_source=qr", List.of("campaign", "summer"), "2026-03-15T08:22:11Z"))
        .build(), link);
    assertEquals(Optional.of("req_2b3c4d5e6f708901"), client.lastRequestId());
  }

  @Test
  void anUpperCaseIdIsSentInCanonicalForm() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(json(200, Fixtures.read("get-link-response.json"))));
    Link link = client.get(LinkId.of(Fixtures.DOCUMENTED_ID.toUpperCase(java.util.Locale.ROOT)));
    assertEquals(LinkId.of(Fixtures.DOCUMENTED_ID), link.id());
  }

  private static Map<String, Object> documentedFields(String destination, List<String> labels, String updatedAt) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", Fixtures.DOCUMENTED_ID);
    fields.put("short_url", "https://xqr.co/summer24");
    fields.put("short_code", "summer24");
    fields.put("destination", destination);
    fields.put("enabled", true);
    fields.put("labels", labels);
    fields.put("routing_rules", List.of());
    fields.put("scan_count", 1483);
    fields.put("last_scan_at", "2026-03-20T09:12:44Z");
    fields.put("expires_at", "2026-09-30T23:59:59Z");
    fields.put("created_at", "2026-03-01T10:00:00Z");
    fields.put("updated_at", updatedAt);
    return fields;
  }
}
