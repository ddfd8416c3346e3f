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

  @Test
  void bulkOperationExceptionSaysWhatWasDoneBeforeTheFailure() {
    List<LinkId> completed = new ArrayList<>(List.of(LinkId.of(1), LinkId.of(2)));
    ServerException failure = new ServerException("snipurl", Operation.DELETE, 502, null, null, null, null, "", true);
    BulkOperationException e = new BulkOperationException("snipurl", Operation.DELETE, completed,
        java.util.OptionalLong.of(1), List.of(LinkId.of(3)), List.of(LinkId.of(4), LinkId.of(5)), failure);
    completed.add(LinkId.of(9));
    assertEquals(List.of(LinkId.of(1), LinkId.of(2)), e.completed());
    assertEquals(java.util.OptionalLong.of(1), e.completedCount());
    assertEquals(List.of(LinkId.of(3)), e.failed());
    assertEquals(List.of(LinkId.of(4), LinkId.of(5)), e.notSent());
    assertEquals(failure, e.failure());
    assertEquals(failure, e.getCause());
    assertEquals(Operation.DELETE, e.operation());
    assertEquals("snipurl bulk delete stopped part-way: 2 id(s) were in requests that succeeded (1 reported done);"
        + " the request with the next 1 id(s) failed; 2 id(s) were not sent. Cause: snipurl delete failed: HTTP 502",
        e.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> e.notSent().clear());
    assertTrue(e instanceof PolylinkException);

    BulkOperationException unknown = new BulkOperationException("snipurl", Operation.DELETE, List.of(LinkId.of(1)),
        java.util.OptionalLong.empty(), List.of(LinkId.of(3)), List.of(), failure);
    assertEquals(java.util.OptionalLong.empty(), unknown.completedCount());
    assertTrue(unknown.getMessage().contains("how many were done is unknown"), unknown.getMessage());

    assertThrows(IllegalArgumentException.class, () -> new BulkOperationException("x", Operation.DELETE, List.of(),
        java.util.OptionalLong.of(0), List.of(LinkId.of(3)), List.of(), failure));
    assertThrows(IllegalArgumentException.class, () -> new BulkOperationException("x", Operation.DELETE,
        List.of(LinkId.of(1)), java.util.OptionalLong.of(0), List.of(), List.of(), failure));
    assertThrows(NullPointerException.class, () -> new BulkOperationException("x", Operation.DELETE,
        List.of(LinkId.of(1)), java.util.OptionalLong.of(0), List.of(LinkId.of(3)), List.of(), null));
  }
}
