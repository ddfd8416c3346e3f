package dev.polylink.carrierx;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.PermissionDeniedException;
import dev.polylink.core.RedirectType;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.TransportException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** PATCH (update) and PUT (replace), including the documented PATCH sample. */
class CarrierxUpdateTest extends CarrierxWireMockTest {
  private static final LinkId ID = LinkId.of(CarrierxFixtures.SID);
  private static final String LINK = CarrierxFixtures.LINKS + "/" + CarrierxFixtures.SID;
  private static final Instant CREATED = Instant.parse("2024-01-18T19:26:02Z");
  private static final String JSON_CONTENT_TYPE = "application/json(;.*)?";

  @Test
  void documentedPatchSampleSendsExactlyTheModeAndParsesTheDocumentedResponse() {
    wm.stubFor(patch(urlEqualTo(LINK))
        .withHeader("Authorization", equalTo("Bearer " + CarrierxFixtures.TOKEN))
        .withHeader("Content-Type", matching(JSON_CONTENT_TYPE))
        .withRequestBody(equalToJson("{\"mode\":\"redirect_permanent\"}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink())));

    Link link = client.update(ID, LinkPatch.builder().redirectType(RedirectType.PERMANENT).build());

    assertEquals(List.of("PATCH " + LINK), requestLines());
    assertEquals("{\"mode\":\"redirect_permanent\"}", requests().get(0).getBodyAsString());
    assertEquals("carrierx", link.providerId());
    assertEquals(ID, link.id());
    assertEquals(URI.create("http://newdomain.com/eOtEtO"), link.shortUrl());
    assertEquals("eOtEtO", link.shortCode());
    assertEquals(Optional.of(URI.create("http://destinationurl.com")), link.destination());
    assertEquals(Optional.empty(), link.title());
    assertEquals(Optional.empty(), link.enabled());
    assertEquals(List.of(), link.labels());
    assertEquals(Optional.empty(), link.expiresAt(), "maximum_ttl -1 never expires");
    assertEquals(Optional.empty(), link.passwordProtected());
    assertEquals(Optional.of(RedirectType.PERMANENT), link.redirectType());
    assertEquals(OptionalLong.of(0), link.clicks());
    assertEquals(Optional.empty(), link.lastClickedAt(), "date_accessed null");
    assertEquals(Optional.of(CREATED), link.createdAt());
    assertEquals(Optional.empty(), link.updatedAt());
    Map<String, Object> expected = new java.util.HashMap<>();
    expected.put("date_created", "2024-01-18T19:26:02.000Z");
    expected.put("destination_url", "http://destinationurl.com");
    expected.put("domain_sid", CarrierxFixtures.DOMAIN_SID);
    expected.put("hits", 0);
    expected.put("link_sid", CarrierxFixtures.SID);
    expected.put("maximum_ttl", -1);
    expected.put("mode", "redirect_permanent");
    expected.put("partner_sid", CarrierxFixtures.PARTNER_SID);
    expected.put("short_name", "eOtEtO");
    expected.put("url", "http://newdomain.com/eOtEtO");
    assertEquals(expected, link.providerFields());
  }

  @Test
  void settingAnExpiryReadsDateCreatedFirstThenPatchesTheLifetimeRoundedUp() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, CarrierxFixtures.documentedLink())));
    wm.stubFor(patch(urlEqualTo(LINK))
        .withHeader("Content-Type", matching(JSON_CONTENT_TYPE))
        .withRequestBody(equalToJson("{\"maximum_ttl\": 17280001}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink().replace("\"maximum_ttl\": -1", "\"maximum_ttl\": 17280001"))));

    // 200 days and half a second after date_created (and after now): 17280000.5 s, rounded up
    Link link = client.update(ID, LinkPatch.builder().expiresAt(CREATED.plusSeconds(17_280_000).plusMillis(500)).build());

    assertEquals(List.of("GET " + LINK, "PATCH " + LINK), requestLines());
    assertEquals(Optional.of(CREATED.plusSeconds(17_280_001)), link.expiresAt());
  }

  @Test
  void anExpiryAfterNowButBeforeDateCreatedIsALifetimeOfZero() {
    // CarrierX's clock runs ahead of the client's: the link was created "after" the client's now.
    Instant createdAhead = NOW.plusSeconds(10);
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200,
        CarrierxFixtures.documentedLink().replace("2024-01-18T19:26:02.000Z", createdAhead.toString()))));
    wm.stubFor(patch(urlEqualTo(LINK))
        .withRequestBody(equalToJson("{\"maximum_ttl\": 0}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink())));
    client.update(ID, LinkPatch.builder().expiresAt(NOW.plusSeconds(5)).build());
    assertEquals(List.of("GET " + LINK, "PATCH " + LINK), requestLines());
  }

  @Test
  void anExpiryInThePastIsRejectedBeforeAnyRequest() {
    for (Instant past : List.of(CREATED.minusMillis(1), CREATED, NOW.minusSeconds(1), NOW)) {
      RequestValidationException e = assertThrows(RequestValidationException.class,
          () -> client.update(ID, LinkPatch.builder().expiresAt(past).build()));
      assertEquals(List.of("expiresAt: must be after now (2024-06-01T12:00:00Z) (was " + past + ")"), e.violations());
      assertThrows(RequestValidationException.class,
          () -> client.replace(ID, LinkPatch.builder().expiresAt(past).build()));
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anExpiryTooFarFromNowIsRejectedBeforeAnyRequest() {
    Instant tooFar = NOW.plusSeconds(Integer.MAX_VALUE + 1L);
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().expiresAt(tooFar).destination("https://example.com/").build()));
    assertEquals(List.of("expiresAt: must be at most 2147483647 seconds after now (2024-06-01T12:00:00Z) (was "
        + tooFar + ")"), e.violations());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aLifetimeTooLongCountedFromDateCreatedIsTheOneRuleCheckedAfterTheGet() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, CarrierxFixtures.documentedLink())));
    // within 2^31-1 seconds of now, but not of the link's date_created, which only the GET tells
    Instant expiresAt = CREATED.plusSeconds(Integer.MAX_VALUE).plusSeconds(1);
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().expiresAt(expiresAt).build()));
    assertEquals(1, e.violations().size());
    assertTrue(e.violations().get(0).startsWith("expiresAt: must be at most 2147483647 seconds after the link's"
        + " date_created"), e.violations().toString());
    assertEquals(List.of("GET " + LINK), requestLines());
  }

  @Test
  void anExpiryOnALinkWithoutDateCreatedIsATransportException() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200,
        CarrierxFixtures.documentedLink().replace("\"date_created\": \"2024-01-18T19:26:02.000Z\",", ""))));
    TransportException e = assertThrows(TransportException.class,
        () -> client.update(ID, LinkPatch.builder().expiresAt(NOW.plusSeconds(60)).build()));
    assertEquals(Operation.UPDATE, e.operation());
    assertTrue(e.getMessage().contains("date_created"), e.getMessage());
    wm.verify(0, patchRequestedFor(anyUrl()));
  }

  @Test
  void clearingTheExpirySendsMinusOneWithoutAGet() {
    wm.stubFor(patch(urlEqualTo(LINK))
        .withRequestBody(equalToJson("{\"maximum_ttl\": -1}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink())));
    Link link = client.update(ID, LinkPatch.builder().clearExpiresAt().build());
    assertEquals(List.of("PATCH " + LINK), requestLines());
    assertEquals(Optional.empty(), link.expiresAt());
  }

  @Test
  void onlyTheTouchedFieldsAreSent() {
    wm.stubFor(patch(urlEqualTo(LINK))
        .withRequestBody(equalToJson(
            "{\"destination_url\": \"https://example.com/new\", \"short_name\": \"launch-2\","
                + " \"mode\": \"redirect_temporary\"}", false, false))
        .willReturn(json(200, CarrierxFixtures.documentedLink())));
    client.update(ID, LinkPatch.builder()
        .destination("https://example.com/new")
        .slug("launch-2")
        .redirectType(RedirectType.TEMPORARY)
        .build());
    assertEquals(List.of("PATCH " + LINK), requestLines());
  }

  @Test
  void proxyPassThroughOptionsSendsModeProxyPass() {
    wm.stubFor(patch(urlEqualTo(LINK))
        .withRequestBody(equalToJson("{\"mode\": \"proxy_pass\"}", false, false))
        .willReturn(json(200, fixture("link-proxy-pass.json"))));
    Link link = client.update(ID,
        LinkPatch.builder().options(CarrierxOptions.builder().proxyPass(true).build()).build());
    assertEquals(Optional.empty(), link.redirectType());
    assertEquals("proxy_pass", link.providerFields().get("mode"));
  }

  @Test
  void aForbiddenProxyPassNamesTheMissingScope() {
    String body = "{\"message\": \"Forbidden\", \"errors\": null}";
    wm.stubFor(patch(urlEqualTo(LINK)).willReturn(json(403, body)));
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> client.update(ID,
        LinkPatch.builder().destination("https://example.com/x")
            .options(CarrierxOptions.builder().proxyPass(true).build()).build()));
    assertEquals(403, e.statusCode());
    assertEquals(Operation.UPDATE, e.operation());
    assertEquals(body, e.responseBody());
    assertTrue(e.getMessage().contains("shortener.allow_link_mode_proxypass"), e.getMessage());
    assertTrue(e.getMessage().contains("Forbidden"), e.getMessage());
    assertEquals(1, e.getSuppressed().length);
  }

  @Test
  void aForbiddenRedirectChangeDoesNotMentionTheProxyPassScope() {
    wm.stubFor(patch(urlEqualTo(LINK)).willReturn(json(403, "{\"message\": \"Forbidden\"}")));
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> client.update(ID, LinkPatch.builder().redirectType(RedirectType.TEMPORARY).build()));
    assertFalse(e.getMessage().contains("proxypass"), e.getMessage());
    assertEquals(Optional.of("Forbidden"), e.vendorMessage());
  }

  @Test
  void redirectTypeWithProxyPassIsRejectedBeforeSending() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> client.update(ID,
        LinkPatch.builder().redirectType(RedirectType.PERMANENT)
            .options(CarrierxOptions.builder().proxyPass(true).build()).build()));
    assertTrue(e.violations().get(0).startsWith("redirectType: cannot be combined"), e.violations().toString());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void reuseOnAnUpdateAndOptionsThatChangeNothingAreRejectedBeforeSending() {
    RequestValidationException reuse = assertThrows(RequestValidationException.class, () -> client.update(ID,
        LinkPatch.builder().destination("https://example.com/x")
            .options(CarrierxOptions.builder().reuse(true).build()).build()));
    assertEquals(List.of("options.reuse: applies to create only"), reuse.violations());
    RequestValidationException nothing = assertThrows(RequestValidationException.class, () -> client.update(ID,
        LinkPatch.builder().options(CarrierxOptions.builder().build()).build()));
    assertTrue(nothing.violations().get(0).startsWith("patch: changes nothing"), nothing.violations().toString());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aSlugThatIsNotOnePathSegmentIsRejectedBeforeSending() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.update(ID, LinkPatch.builder().slug("a/b").build()));
    assertEquals(List.of("slug: must not contain control, invisible or whitespace characters, or any of"
        + " / \\ . % ? # ; (found '/' at index 1; was \"a/b\")"), e.violations());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void replaceGetsTheLinkAndPutsTheWholeObjectWithThePatchApplied() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, CarrierxFixtures.documentedLink())));
    String expectedPut = "{"
        + "\"date_accessed\": null,"
        + "\"date_created\": \"2024-01-18T19:26:02.000Z\","
        + "\"destination_url\": \"https://example.com/replaced\","
        + "\"domain_sid\": \"330a8a83-d4bb-4f39-ae54-c59c8d87cd44\","
        + "\"hits\": 0,"
        + "\"link_sid\": \"a533f53a-7e6f-4822-be3c-3767924ee2a9\","
        + "\"maximum_ttl\": 17280000,"
        + "\"mode\": \"redirect_temporary\","
        + "\"partner_sid\": \"e00430c3-a7d0-4666-ab5c-f7202448382f\","
        + "\"short_name\": \"eOtEtO\","
        + "\"url\": \"http://newdomain.com/eOtEtO\"}";
    wm.stubFor(put(urlEqualTo(LINK))
        .withHeader("Content-Type", matching(JSON_CONTENT_TYPE))
        .withHeader("Authorization", equalTo("Bearer " + CarrierxFixtures.TOKEN))
        .withRequestBody(equalToJson(expectedPut, false, false))
        .willReturn(json(200, expectedPut)));

    Link link = client.replace(ID, LinkPatch.builder()
        .destination("https://example.com/replaced")
        .expiresAt(CREATED.plusSeconds(17_280_000))
        .redirectType(RedirectType.TEMPORARY)
        .build());

    assertEquals(List.of("GET " + LINK, "PUT " + LINK), requestLines());
    assertTrue(requests().get(1).getBodyAsString().contains("\"date_accessed\":null"),
        "read-only fields go back as received, nulls included");
    assertEquals(Optional.of(URI.create("https://example.com/replaced")), link.destination());
    assertEquals(Optional.of(CREATED.plusSeconds(17_280_000)), link.expiresAt());
    assertEquals(Optional.of(RedirectType.TEMPORARY), link.redirectType());
  }

  @Test
  void replaceWithAClearedExpiryPutsMinusOne() {
    wm.stubFor(get(urlEqualTo(LINK)).willReturn(json(200, fixture("link-with-ttl.json")
        .replace("5f0c9a52-3c1e-4b7a-9d55-2f4b8c1e6a10", CarrierxFixtures.SID))));
    String expectedPut = fixture("link-with-ttl.json")
        .replace("5f0c9a52-3c1e-4b7a-9d55-2f4b8c1e6a10", CarrierxFixtures.SID)
        .replace("\"maximum_ttl\": 86400", "\"maximum_ttl\": -1");
    wm.stubFor(put(urlEqualTo(LINK))
        .withRequestBody(equalToJson(expectedPut, false, false))
        .willReturn(json(200, expectedPut)));
    Link link = client.replace(ID, LinkPatch.builder().clearExpiresAt().build());
    assertEquals(Optional.empty(), link.expiresAt());
    wm.verify(1, getRequestedFor(urlEqualTo(LINK)));
    wm.verify(1, putRequestedFor(urlEqualTo(LINK)));
    wm.verify(0, patchRequestedFor(anyUrl()));
  }

  @Test
  void replaceValidatesLikeUpdateBeforeSending() {
    assertThrows(RequestValidationException.class, () -> client.replace(ID, LinkPatch.builder().build()));
    assertThrows(RequestValidationException.class,
        () -> client.replace(LinkId.of("42"), LinkPatch.builder().slug("x").build()));
    assertThrows(dev.polylink.core.UnsupportedFieldException.class,
        () -> client.replace(ID, LinkPatch.builder().title("t").build()));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anUpperCaseUuidIsSentInItsCanonicalForm() {
    wm.stubFor(patch(urlEqualTo(LINK)).willReturn(json(200, CarrierxFixtures.documentedLink())));
    client.update(LinkId.of(CarrierxFixtures.SID.toUpperCase(java.util.Locale.ROOT)),
        LinkPatch.builder().redirectType(RedirectType.PERMANENT).build());
    assertEquals(List.of("PATCH " + LINK), requestLines());
  }
}
