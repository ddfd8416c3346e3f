package dev.polylink.xqr;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code get}: the documented example and the id sent. */
class XqrGetTest extends XqrWireMockTest {


  @Test
  void getLinkExample() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH))
        .withHeader("Authorization", equalTo("Bearer " + XqrFixtures.DOCUMENTED_KEY))
        .willReturn(json(200, fixture("get-link-response.json"))));

    Link link = client.get(LinkId.of(XqrFixtures.DOCUMENTED_ID));

    wm.verify(1, getRequestedFor(urlPathEqualTo(LINK_PATH)));
    assertEquals(Link.builder()
        .providerId("xqr")
        .id(LinkId.of(XqrFixtures.DOCUMENTED_ID))
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
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("get-link-response.json"))));
    Link link = client.get(LinkId.of(XqrFixtures.DOCUMENTED_ID.toUpperCase(java.util.Locale.ROOT)));
    assertEquals(LinkId.of(XqrFixtures.DOCUMENTED_ID), link.id());
  }

  @Test
  void aBlankRequestIdIsNoneAndALeapSecondIsRead() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("get-link-response.json")
        .replaceFirst("\"request_id\": \"[^\"]*\"", "\"request_id\": \" \"")
        .replace("\"2026-03-20T09:12:44Z\"", "\"2026-06-30T23:59:60Z\""))));
    Link link = client.get(ID);
    assertEquals(Optional.empty(), client.lastRequestId());
    assertEquals(Optional.of(Instant.parse("2026-06-30T23:59:59Z")), link.lastClickedAt());
  }
}
