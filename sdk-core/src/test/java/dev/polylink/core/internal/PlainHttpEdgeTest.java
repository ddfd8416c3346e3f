package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link PlainHttp#isLoopback} on hosts a URL can give: none, half-bracketed, and malformed literals. */
class PlainHttpEdgeTest {

  @Test
  void noHostIsNotLoopback() {
    assertFalse(PlainHttp.isLoopback(null));
  }

  @Test
  void onlyAFullyBracketedHostLosesItsBrackets() {
    assertTrue(PlainHttp.isLoopback("[::1]"));
    assertTrue(PlainHttp.isLoopback("LOCALHOST"));
    assertFalse(PlainHttp.isLoopback("localhost]"), "a closing bracket alone is kept");
    assertFalse(PlainHttp.isLoopback("xlocalhost]"), "a closing bracket alone is kept");
    assertFalse(PlainHttp.isLoopback("[localhostx"), "an opening bracket alone is kept");
  }

  @Test
  void aMalformedLiteralIsNotLoopbackAndIsNeverResolved() {
    assertFalse(PlainHttp.isLoopback("::zz"));
    assertFalse(PlainHttp.isLoopback("[::1::2::3]"));
  }
}
