package dev.polylink.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Assertions on {@link RequestValidationException}s shared by core's unit tests. */
public final class Violations {
  private Violations() {}

  /** Asserts that {@code action} is rejected with a violation naming {@code field}. */
  public static RequestValidationException assertInvalid(String field, Executable action) {
    RequestValidationException e = assertThrows(RequestValidationException.class, action);
    assertFalse(e.violations().isEmpty(), "a validation exception needs violations");
    assertTrue(
        e.violations().stream().anyMatch(v -> v.startsWith(field + ":")),
        () -> "expected a violation naming '" + field + "' but got " + e.violations());
    assertTrue(e.getMessage().contains(field), e::getMessage);
    return e;
  }

  /** Asserts that {@code action} is rejected with exactly the violations naming {@code fields}, in order. */
  public static RequestValidationException assertInvalidFields(List<String> fields, Executable action) {
    RequestValidationException e = assertThrows(RequestValidationException.class, action);
    assertEquals(fields.size(), e.violations().size(), () -> "violations: " + e.violations());
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      String violation = e.violations().get(i);
      assertTrue(violation.startsWith(field + ":"), () -> violation + " should name " + field);
    }
    return e;
  }

  /** Asserts that {@code action} throws a NullPointerException. */
  public static void assertNpe(Executable action) {
    assertThrows(NullPointerException.class, action);
  }
}
