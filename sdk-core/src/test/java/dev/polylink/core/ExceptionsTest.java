package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

  @Test
  void requestValidationExceptionListsEveryViolation() {
    List<String> violations = new ArrayList<>(List.of("slug: too short", "title: blank"));
    RequestValidationException e = new RequestValidationException("xqr", violations);
    violations.add("late");
    assertEquals(List.of("slug: too short", "title: blank"), e.violations());
    assertEquals("xqr: invalid request: slug: too short; title: blank", e.getMessage());
    assertEquals("xqr", e.providerId());
    assertThrows(UnsupportedOperationException.class, () -> e.violations().add("x"));
    assertThrows(IllegalArgumentException.class, () -> new RequestValidationException("xqr", List.of()));
    assertTrue(e instanceof PolylinkException);
  }

  @Test
  void unsupportedFieldExceptionNamesEveryFieldInOrder() {
    Set<LinkField> fields = EnumSet.of(LinkField.PASSWORD, LinkField.SLUG);
    UnsupportedFieldException e = new UnsupportedFieldException("snipurl", Operation.UPDATE, fields, "change");
    fields.add(LinkField.TITLE);
    assertEquals(EnumSet.of(LinkField.SLUG, LinkField.PASSWORD), e.fields());
    assertEquals("snipurl cannot change: SLUG, PASSWORD (operation update)", e.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> e.fields().clear());
    assertThrows(IllegalArgumentException.class,
        () -> new UnsupportedFieldException("x", Operation.CREATE, EnumSet.noneOf(LinkField.class), "set"));
  }

  @Test
  void transportExceptionNamesProviderAndOperation() {
    IOException cause = new IOException("connection reset");
    TransportException e = new TransportException("carrierx", Operation.LIST, "I/O failure", cause);
    assertEquals("carrierx list failed: I/O failure", e.getMessage());
    assertEquals(Optional.of(cause), e.rootCause());
    assertEquals(Operation.LIST, e.operation());
    assertEquals(Optional.empty(), new TransportException("x", Operation.GET, "m", null).rootCause());
  }

  @Test
  void everyExceptionNeedsAProvider() {
    assertThrows(NullPointerException.class, () -> new PolylinkException(null, "m"));
  }
}
