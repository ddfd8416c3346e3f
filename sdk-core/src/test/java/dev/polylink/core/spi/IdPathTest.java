package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class IdPathTest {
  private static final IdPath LINK = IdPath.of("v1/links/{link_id}");
  private static final IdPath QR = IdPath.of("v1/links/{link_id}/qr");

  @Test
  void aCheckedIdGoesInAsItIs() {
    assertEquals("v1/links/d47f2e1a-8c3b-4a5d-9e6f-1234567890ab", LINK.with("d47f2e1a-8c3b-4a5d-9e6f-1234567890ab"));
    assertEquals("v1/links/Ab9_~.x/qr", QR.with("Ab9_~.x"));
  }

  @Test
  void theTemplateIsNamedWithALeadingSlash() {
    assertEquals("/v1/links/{link_id}", LINK.template());
    assertEquals("/v1/links/{link_id}/qr", QR.toString());
  }

  @Test
  void anyOtherCharacterIsPercentEncodedSoTheIdStaysOneSegment() {
    assertEquals("v1/links/a%2Fb%3Fc%23d%25e%20f", LINK.with("a/b?c#d%e f"));
    assertEquals("v1/links/%C3%A9%E2%82%AC/qr", QR.with("é€"));
    // Resolved against a base URL, the id is one segment, and reads back as it was.
    for (String id : List.of("a/b?c#d%e f", "é€", "..x", "{id}", "a;b=c")) {
      HttpUrl url = HttpUrl.get("https://api.example.com/base/").resolve(LINK.with(id));
      assertEquals(List.of("base", "v1", "links", id), url.pathSegments(), id);
      assertEquals(null, url.query(), id);
    }
  }

  @Test
  void pathTraversalAndEmptyIdsAreRefused() {
    for (String id : List.of("", ".", "..")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LINK.with(id));
      assertTrue(e.getMessage().contains("/v1/links/{link_id}"), e.getMessage());
    }
    assertEquals("v1/links/...", LINK.with("..."));
  }

  @Test
  void aTemplateNeedsExactlyOnePlaceholderAndNoQuery() {
    for (String bad : List.of("v1/links", "v1/{a}/{b}", "v1/{}", "v1/links/{id}?x=1", "/v1/links/{id}", "v1/{a", "v1/a}")) {
      assertThrows(IllegalArgumentException.class, () -> IdPath.of(bad), bad);
    }
  }
}
