package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The edges of the exceptions' messages and accessors: where a boundary or a separator changes. */
class ExceptionsEdgeTest {
  private static final LinkId A = LinkId.of("a");
  private static final LinkId B = LinkId.of("b");

  /** A subclass that says more than the vendor did, as {@link RedirectException} does. */
  private static final class Noted extends ApiException {
    Noted(String vendorMessage, String note) {
      super("xqr", Operation.GET, 418, null, vendorMessage, null, null, "", false, note);
    }
  }

  @Test
  void aNoteFollowsTheVendorMessageAfterASemicolonAndStandsAloneAfterAColon() {
    assertEquals("xqr get failed: HTTP 418: teapot; not followed", new Noted("teapot", "not followed").getMessage());
    assertEquals("xqr get failed: HTTP 418: not followed", new Noted(null, "not followed").getMessage());
    assertEquals("xqr get failed: HTTP 418: teapot", new Noted("teapot", null).getMessage());
  }

  @Test
  void vendorTextsAreCutOnlyPastTheirLimit() {
    int limit = ApiException.MESSAGE_VENDOR_TEXT_LIMIT;
    String exact = "m".repeat(limit);
    String code = "C".repeat(100);
    ApiException whole = new ApiException("xqr", Operation.GET, 400, code, exact, "r".repeat(100), null, "", false);
    assertEquals("xqr get failed: HTTP 400 " + code + ": " + exact + " (request id " + "r".repeat(100) + ")",
        whole.getMessage());
    ApiException cut = new ApiException("xqr", Operation.GET, 400, code + "CC", exact + "mmm", null, null, "", false);
    assertEquals("xqr get failed: HTTP 400 " + code + "... (2 more characters): " + exact + "... (3 more characters)",
        cut.getMessage());
  }

  @Test
  void aVendorCountOfZeroIsStillACount() {
    BulkOperationException zero = new BulkOperationException(
        "shortpen", Operation.DELETE, List.of(A), OptionalLong.of(0), List.of(B), List.of(), failure());
    assertEquals(OptionalLong.of(0), zero.completedCount());
    BulkOperationException none = new BulkOperationException(
        "shortpen", Operation.DELETE, List.of(A), OptionalLong.empty(), List.of(B), List.of(), failure());
    assertEquals(OptionalLong.empty(), none.completedCount());
  }

  @Test
  void aLocationOfExactly200CharactersIsShownWhole() {
    String exact = "https://x.example/" + "a".repeat(200 - "https://x.example/".length());
    assertEquals(200, exact.length());
    RedirectException whole = new RedirectException("xqr", Operation.GET, 301, exact, null, "");
    assertTrue(whole.getMessage().contains("redirect to " + exact + " not followed"), whole.getMessage());
    RedirectException cut = new RedirectException("xqr", Operation.GET, 301, exact + "b", null, "");
    assertTrue(cut.getMessage().contains("redirect to " + exact + "... not followed"), cut.getMessage());
    assertEquals(java.util.Optional.of(exact + "b"), cut.location());
  }

  @Test
  void featureNotAvailableNamesTheOperationAndFeature() {
    FeatureNotAvailableException e =
        new FeatureNotAvailableException("xqr", Operation.CREATE, "routing_rules", "free");
    assertSame(Operation.CREATE, e.operation());
    assertEquals("routing_rules", e.feature());
    assertTrue(e.getMessage().contains("the plan 'free' does not include routing_rules"), e.getMessage());
    assertFalse(new FeatureNotAvailableException("xqr", Operation.CREATE, "x", null).getMessage().contains("'"));
  }

  private static PolylinkException failure() {
    return new ServerException("shortpen", Operation.DELETE, 500, null, null, null, null, "", true);
  }
}
