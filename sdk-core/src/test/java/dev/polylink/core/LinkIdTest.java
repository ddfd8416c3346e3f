package dev.polylink.core;

import static dev.polylink.core.Violations.assertInvalid;
import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkIdTest {

  @Test
  void ofStringKeepsTheValueAsIs() {
    LinkId id = LinkId.of("Ab-12");
    assertEquals("Ab-12", id.value());
    assertEquals("Ab-12", id.toString());
    assertEquals("id=Ab-12", "id=" + id);
  }

  @Test
  void ofUuidIsTheCanonicalLowerCaseForm() {
    UUID uuid = UUID.fromString("1B4E28BA-2FA1-11D2-883F-0016D3CCA427");
    LinkId id = LinkId.of(uuid);
    assertEquals("1b4e28ba-2fa1-11d2-883f-0016d3cca427", id.value());
    assertEquals(LinkId.of("1b4e28ba-2fa1-11d2-883f-0016d3cca427"), id);
  }

  @Test
  void ofLong() {
    assertEquals("42", LinkId.of(42L).value());
    assertEquals(LinkId.of("42"), LinkId.of(42));
    assertEquals("9223372036854775807", LinkId.of(Long.MAX_VALUE).toString());
  }

  @Test
  void blankIsInvalidAndNullIsANullPointer() {
    RequestValidationException e = assertInvalid("id", () -> LinkId.of(""));
    assertEquals(PolylinkException.NO_PROVIDER, e.providerId());
    assertInvalid("id", () -> LinkId.of("   "));
    assertNpe(() -> LinkId.of((String) null));
    assertNpe(() -> LinkId.of((UUID) null));
  }

  @Test
  void equalityIsByValue() {
    assertEquals(LinkId.of("abc"), LinkId.of("abc"));
    assertEquals(LinkId.of("abc").hashCode(), LinkId.of("abc").hashCode());
    assertNotEquals(LinkId.of("abc"), LinkId.of("ABC"));
    assertNotEquals(LinkId.of("abc"), "abc");
    assertNotEquals(LinkId.of("abc"), null);
    assertTrue(LinkId.of("a").compareTo(LinkId.of("b")) < 0);
    assertEquals(0, LinkId.of("7").compareTo(LinkId.of(7)));
  }
}
