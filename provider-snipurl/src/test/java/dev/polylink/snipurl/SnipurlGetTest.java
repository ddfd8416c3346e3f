package dev.polylink.snipurl;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code get}: the link object by the shared leniency policy. */
class SnipurlGetTest extends SnipurlWireMockTest {

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
}
