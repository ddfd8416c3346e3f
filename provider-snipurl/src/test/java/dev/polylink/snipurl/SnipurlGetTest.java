package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code get}: the link object by the shared leniency policy. */
class SnipurlGetTest extends SnipurlWireMockTest {

  private static String getAnswer(String sharedFieldsMember) {
    String link = linkJson(DOC_ID.value(), "my-article");
    return "{\"success\":true,\"data\":" + link.substring(0, link.length() - 1)
        + (sharedFieldsMember.isEmpty() ? "" : "," + sharedFieldsMember) + "}}";
  }

  @Test
  void getMapsSnipurlsSharedSectionsIntoProviderFields() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, fixture("get-response.json"))));
    dev.polylink.core.Link link = client.get(DOC_ID);
    assertEquals(List.of("overview", "locations"), link.providerFields().get("analytics_shared_fields"));
    assertEquals(java.util.Optional.empty(), link.expiresAt());
    assertFalse(link.providerFields().containsKey("expires_at"));
    assertEquals(java.util.Optional.of(true), link.enabled());
    assertEquals(java.util.Optional.of(false), link.passwordProtected());
  }

  /** Bug fix (issue 12): a wrong-typed optional field used to fail the whole call. */
  @Test
  void aMistypedOptionalFieldIsLeftEmptyAndTheRestIsRead() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200,
        fixture("update-response.json").replace("\"is_active\": false", "\"is_active\": \"no\""))));
    dev.polylink.core.Link link = client.get(DOC_ID);
    assertEquals(java.util.Optional.empty(), link.enabled());
    assertEquals("no", link.providerFields().get("is_active"));
    assertEquals(DOC_ID, link.id());
    assertEquals(java.util.Optional.of(true), link.passwordProtected());
  }

  @Test
  void timestampsWithAnOffsetAreRead() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200,
        fixture("update-response.json").replace("2025-06-20T10:00:00.000Z", "2025-06-20T12:00:00.000+02:00"))));
    assertEquals(java.util.Optional.of(java.time.Instant.parse("2025-06-20T10:00:00Z")), client.get(DOC_ID).createdAt());
  }

  // ---------------------------------------------------------------- analytics settings (item 14)

  @Test
  void analyticsSharedFieldsNullIsReadAsShareEverySection() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200, getAnswer("\"analytics_shared_fields\":null"))));

    SnipurlOptions settings = client.analyticsSettings(DOC_ID);

    assertTrue(settings.sharesAllAnalyticsSections());
    assertEquals(Optional.of(false), settings.analyticsPublic());
    assertEquals(Optional.empty(), settings.analyticsSharedFields());
    assertFalse(client.get(DOC_ID).providerFields().containsKey("analytics_shared_fields"),
        "providerFields() leaves JSON nulls out, hence analyticsSettings");
  }

  @Test
  void aListOfSectionsIsReadWithTheServersNamesAndUnknownNamesSkipped() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200,
        getAnswer("\"analytics_shared_fields\":[\"clicks\",\"os\",\"overview\",\"cities\"]"))));

    SnipurlOptions settings = client.analyticsSettings(DOC_ID);

    assertFalse(settings.sharesAllAnalyticsSections());
    assertEquals(Optional.of(EnumSet.of(AnalyticsSection.OVERVIEW, AnalyticsSection.CLICKS, AnalyticsSection.OS)),
        settings.analyticsSharedFields());
    assertEquals(List.of("clicks", "os", "overview", "cities"),
        client.get(DOC_ID).providerFields().get("analytics_shared_fields"));
  }

  @Test
  void settingsAnAnswerLeavesOutStayUnset() {
    wm.stubFor(get(urlPathEqualTo(LINK_PATH)).willReturn(json(200,
        "{\"success\":true,\"data\":" + linkJson(DOC_ID.value(), "a").replace(",\"analytics_public\":false", "") + "}")));
    assertTrue(client.analyticsSettings(DOC_ID).isEmpty());
  }
}
