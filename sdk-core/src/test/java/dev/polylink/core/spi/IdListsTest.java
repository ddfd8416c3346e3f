package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polylink.core.LinkId;
import dev.polylink.core.RequestValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdListsTest {
  private static final String A = "550e8400-e29b-41d4-a716-446655440000";
  private static final String B = "550e8400-e29b-41d4-a716-446655440001";

  @Test
  void parsedOnceEachInIterationOrder() {
    List<UUID> ids = IdLists.distinct("p", List.of(LinkId.of(B), LinkId.of(A), LinkId.of(B)), id -> Checks.uuidId("p", id));
    assertEquals(List.of(UUID.fromString(B), UUID.fromString(A)), ids);
    assertEquals(List.of(), IdLists.distinct("p", List.of(), id -> Checks.uuidId("p", id)));
  }

  @Test
  void everyMalformedIdIsNamedByItsPosition() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> IdLists.distinct(
        "p", List.of(LinkId.of("x"), LinkId.of(A), LinkId.of("42")), id -> Checks.uuidId("p", id)));
    assertEquals(List.of("ids[0]: must be a UUID (was \"x\")", "ids[2]: must be a UUID (was \"42\")"), e.violations());
    assertEquals("p", e.providerId());
  }

  @Test
  void aViolationWithoutAFieldIsStillPositioned() {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> IdLists.distinct(
        "p", List.of(LinkId.of("x")), id -> {
          throw new RequestValidationException("p", "bad");
        }));
    assertEquals(List.of("ids[0]: bad"), e.violations());
  }

  @Test
  void nullsAreNullPointerExceptions() {
    NullPointerException list = assertThrows(NullPointerException.class, () -> IdLists.distinct("p", null, id -> id));
    assertEquals("ids", list.getMessage());
    NullPointerException element = assertThrows(NullPointerException.class,
        () -> IdLists.distinct("p", Arrays.asList(LinkId.of(A), null), id -> id));
    assertEquals("ids element", element.getMessage());
  }
}
