package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class JsonNullableTest {

  @Test
  void undefinedIsOneInstanceThatIsNotPresent() {
    JsonNullable<String> undefined = JsonNullable.undefined();
    assertNotNull(undefined);
    assertSame(undefined, JsonNullable.<Integer>undefined());
    assertFalse(undefined.isPresent());
    assertThrows(NoSuchElementException.class, undefined::get);
  }

  @Test
  void aPresentValueMayBeNull() {
    assertTrue(JsonNullable.of(null).isPresent());
    assertNull(JsonNullable.of(null).get());
    assertEquals("v", JsonNullable.of("v").get());
  }

  @Test
  void equalityTellsPresenceAndValue() {
    assertEquals(JsonNullable.of("a"), JsonNullable.of("a"));
    assertEquals(JsonNullable.of(null), JsonNullable.of(null));
    assertNotEquals(JsonNullable.of("a"), JsonNullable.of("b"));
    assertNotEquals(JsonNullable.of(null), JsonNullable.undefined());
    assertNotEquals(JsonNullable.undefined(), JsonNullable.of(null));
    assertNotEquals(JsonNullable.of("a"), "a");
  }

  @Test
  void theHashCodeIsTheValuesPlusOneAndZeroWhenUndefined() {
    assertEquals(0, JsonNullable.undefined().hashCode());
    assertEquals(1, JsonNullable.of(null).hashCode());
    assertEquals("a".hashCode() + 1, JsonNullable.of("a").hashCode());
    assertEquals(JsonNullable.of(7).hashCode(), JsonNullable.of(7).hashCode());
  }

  @Test
  void toStringShowsTheValueOrUndefined() {
    assertEquals("JsonNullable[v]", JsonNullable.of("v").toString());
    assertEquals("JsonNullable[null]", JsonNullable.of(null).toString());
    assertEquals("JsonNullable.undefined", JsonNullable.undefined().toString());
  }
}
