package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BadRequestException;
import dev.polylink.core.CreateLinkRequest;
import dev.polylink.core.Link;
import dev.polylink.core.LinkField;
import dev.polylink.core.LinkId;
import dev.polylink.core.LinkPatch;
import dev.polylink.core.Operation;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.UnsupportedFieldException;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PATCH links/{id}: SnipURL's four documented examples byte for byte, and the tri-state rules. */
class SnipurlUpdateTest extends SnipurlWireMockTest {

  /** Stubs the PATCH to accept exactly {@code expectedBody} (no extra fields) and answer the documented response. */
  private static void expectPatch(String expectedBody) {
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH))
        .withHeader("Content-Type", equalTo("application/json; charset=UTF-8"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withRequestBody(equalToJson(expectedBody, false, false))
        .willReturn(json(200, fixture("update-response.json"))));
  }

  private static String sentBody() {
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests =
        wm.findAll(patchRequestedFor(urlPathEqualTo(LINK_PATH)));
    assertEquals(1, requests.size());
    return requests.get(0).getBodyAsString();
  }

  @Test
  void disableALink() {
    expectPatch("{\"is_active\": false}");
    Link link = client.update(DOC_ID, LinkPatch.builder().enabled(false).build());
    assertEquals(Optional.of(false), link.enabled());
    assertEquals("{\"is_active\":false}", sentBody());
  }

  @Test
  void setPasswordAndExpiry() {
    expectPatch("{\"password\": \"newsecret\", \"expires_at\": \"2025-12-31T23:59:59Z\"}");
    client.update(DOC_ID, LinkPatch.builder()
        .password("newsecret")
        .expiresAt(Instant.parse("2025-12-31T23:59:59Z"))
        .build());
    // equalToJson compares strings exactly, and so does this: no ".000", no offset.
    assertEquals("{\"password\":\"newsecret\",\"expires_at\":\"2025-12-31T23:59:59Z\"}", sentBody());
  }

  @Test
  void removePasswordSendsNull() {
    expectPatch("{\"password\": null}");
    client.update(DOC_ID, LinkPatch.builder().clearPassword().build());
    assertEquals("{\"password\":null}", sentBody());
  }

  @Test
  void makeAnalyticsPublicSendsSectionsInDocumentedOrder() {
    expectPatch("{\"analytics_public\": true, \"analytics_shared_fields\": [\"overview\", \"locations\", \"devices\"]}");
    SnipurlOptions options = SnipurlOptions.builder()
        .analyticsPublic(true)
        .analyticsSharedFields(Set.of(AnalyticsSection.DEVICES, AnalyticsSection.OVERVIEW, AnalyticsSection.LOCATIONS))
        .build();
    client.update(DOC_ID, LinkPatch.builder().options(options).build());
    assertEquals("{\"analytics_public\":true,\"analytics_shared_fields\":[\"overview\",\"locations\",\"devices\"]}",
        sentBody());
  }

  @Test
  void shareAllSectionsSendsNull() {
    expectPatch("{\"analytics_shared_fields\": null}");
    client.update(DOC_ID, LinkPatch.builder()
        .options(SnipurlOptions.builder().shareAllAnalyticsSections().build())
        .build());
    assertEquals("{\"analytics_shared_fields\":null}", sentBody());
  }

  @Test
  void anEmptySectionSetSharesNone() {
    expectPatch("{\"analytics_public\": false, \"analytics_shared_fields\": []}");
    client.update(DOC_ID, LinkPatch.builder()
        .options(SnipurlOptions.builder().analyticsPublic(false).analyticsSharedFields(Set.of()).build())
        .build());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void removeExpirySendsNull() {
    expectPatch("{\"expires_at\": null}");
    client.update(DOC_ID, LinkPatch.builder().clearExpiresAt().build());
    assertEquals("{\"expires_at\":null}", sentBody());
  }

  @Test
  void titleAndEnabledTogetherWithFieldsAndOptions() {
    expectPatch("{\"title\": \"New title\", \"is_active\": true, \"password\": null, \"analytics_public\": false}");
    client.update(DOC_ID, LinkPatch.builder()
        .title("New title")
        .enabled(true)
        .clearPassword()
        .options(SnipurlOptions.builder().analyticsPublic(false).build())
        .build());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void expiryIsSentInUtcTruncatedToMilliseconds() {
    expectPatch("{\"expires_at\": \"2025-12-31T23:59:59.250Z\"}");
    client.update(DOC_ID, LinkPatch.builder()
        .expiresAt(Instant.parse("2025-12-31T23:59:59.250987Z"))
        .build());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void theDocumentedResponseParsesIntoEveryLinkField() {
    expectPatch("{\"is_active\": false}");
    Link link = client.update(DOC_ID, LinkPatch.builder().enabled(false).build());
    assertEquals("snipurl", link.providerId());
    assertEquals(DOC_ID, link.id());
    assertEquals("a8Kx2m", link.shortCode());
    assertEquals(URI.create("https://snipurl.click/a8Kx2m"), link.shortUrl());
    assertEquals(Optional.of(URI.create("https://example.com/article")), link.destination());
    assertEquals(Optional.of("Example Article"), link.title());
    assertEquals(Optional.of(false), link.enabled());
    assertEquals(Optional.of(true), link.passwordProtected());
    assertEquals(Optional.of(Instant.parse("2025-12-31T23:59:59Z")), link.expiresAt());
    assertEquals(142, link.clicks().getAsLong());
    assertEquals(Optional.of(Instant.parse("2025-06-20T10:00:00Z")), link.createdAt());
    assertEquals(Optional.of(Instant.parse("2025-06-24T11:30:00Z")), link.updatedAt());
    assertEquals(List.of(), link.labels());
    assertEquals(Optional.empty(), link.redirectType(), "SnipURL does not say which redirect it uses");
    assertEquals(Optional.empty(), link.lastClickedAt(), "SnipURL's link object has no last click");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", "550e8400-e29b-41d4-a716-446655440000");
    expected.put("short_code", "a8Kx2m");
    expected.put("short_url", "https://snipurl.click/a8Kx2m");
    expected.put("original_url", "https://example.com/article");
    expected.put("title", "Example Article");
    expected.put("is_active", false);
    expected.put("has_password", true);
    expected.put("expires_at", "2025-12-31T23:59:59.000Z");
    expected.put("clicks_count", 142);
    expected.put("analytics_public", true);
    expected.put("created_at", "2025-06-20T10:00:00.000Z");
    expected.put("updated_at", "2025-06-24T11:30:00.000Z");
    assertEquals(expected, link.providerFields());
  }

  @Test
  void destinationAndSlugAreImmutableAndNamedTogetherWithoutARequest() {
    UnsupportedFieldException e = assertThrows(UnsupportedFieldException.class,
        () -> client.update(DOC_ID, LinkPatch.builder()
            .destination("https://example.com/moved")
            .slug("new-code")
            .title("fine on its own")
            .build()));
    assertEquals(EnumSet.of(LinkField.DESTINATION, LinkField.SLUG), e.fields());
    assertEquals(Operation.UPDATE, e.operation());
    assertTrue(e.getMessage().contains("DESTINATION") && e.getMessage().contains("SLUG"), e.getMessage());
    assertNoRequests();
  }

  @Test
  void clearingTheTitleIsUnsupportedRatherThanANullTitle() {
    UnsupportedFieldException e = assertThrows(UnsupportedFieldException.class,
        () -> client.update(DOC_ID, LinkPatch.builder().clearTitle().build()));
    assertEquals(Set.of(LinkField.TITLE), e.fields());
    assertNoRequests();
  }

  @Test
  void anEmptyPasswordNeverReachesTheServer() {
    RequestValidationException onPatch =
        assertThrows(RequestValidationException.class, () -> LinkPatch.builder().password(""));
    assertTrue(onPatch.violations().get(0).startsWith("password:"), onPatch.violations().toString());
    assertThrows(RequestValidationException.class,
        () -> dev.polylink.core.CreateLinkRequest.builder().destination("https://example.com").password(""));
    assertNoRequests();
  }

  @Test
  void optionsThatSetNothingAreAnEmptyPatch() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.update(DOC_ID, LinkPatch.builder().options(SnipurlOptions.builder().build()).build()));
    assertTrue(e.violations().get(0).startsWith("patch:"), e.violations().toString());
    assertNoRequests();
  }

  @Test
  void validationPrecedesTheIdCheckAndBothPrecedeAnyRequest() {
    assertThrows(UnsupportedFieldException.class,
        () -> client.update(LinkId.of("42"), LinkPatch.builder().slug("abc").build()));
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> client.update(LinkId.of("42"), LinkPatch.builder().enabled(true).build()));
    assertEquals(List.of("id: must be a UUID (was \"42\")"), e.violations());
    assertNoRequests();
  }

  @Test
  void aPasswordIsNeverShownInToStringOrErrors() {
    LinkPatch withPassword = LinkPatch.builder().password("newsecret").build();
    assertFalse(withPassword.toString().contains("newsecret"), withPassword.toString());
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH))
        .willReturn(json(400, error("VALIDATION_ERROR", "Invalid request data."))));
    dev.polylink.core.BadRequestException e =
        assertThrows(dev.polylink.core.BadRequestException.class, () -> client.update(DOC_ID, withPassword));
    assertFalse(e.getMessage().contains("newsecret"), e.getMessage());
  }

  @Test
  void theServersSectionNamesAreSentInDeclarationOrder() {
    wm.stubFor(patch(urlPathEqualTo(LINK_PATH))
        .withRequestBody(equalToJson(
            "{\"analytics_shared_fields\": [\"devices\", \"clicks\", \"trend\", \"countries\", \"os\"]}", false, false))
        .willReturn(json(200, "{\"success\":true,\"data\":" + linkJson(DOC_ID.value(), "a") + "}")));
    client.update(DOC_ID, LinkPatch.builder().options(SnipurlOptions.builder().analyticsSharedFields(EnumSet.of(
        AnalyticsSection.OS, AnalyticsSection.TREND, AnalyticsSection.CLICKS, AnalyticsSection.COUNTRIES,
        AnalyticsSection.DEVICES)).build()).build());
    wm.verify(1, patchRequestedFor(urlPathEqualTo(LINK_PATH)));
  }
}
