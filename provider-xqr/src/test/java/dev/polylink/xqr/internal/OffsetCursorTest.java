package dev.polylink.xqr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The offset cursor arithmetic. */
class OffsetCursorTest {
  @Test
  void nextOffsetWhileBelowTheTotal() {
    assertEquals(Optional.of("50"), OffsetCursor.next(0, 50, 50, OptionalLong.of(51)));
    assertEquals(Optional.empty(), OffsetCursor.next(0, 50, 50, OptionalLong.of(50)));
    assertEquals(Optional.empty(), OffsetCursor.next(10, 0, 50, OptionalLong.of(99)));
    assertEquals(Optional.of("60"), OffsetCursor.next(10, 50, 50, OptionalLong.empty()));
    assertEquals(Optional.empty(), OffsetCursor.next(10, 49, 50, OptionalLong.empty()));
    assertEquals(Optional.empty(), OffsetCursor.next(Integer.MAX_VALUE - 1, 5, 5, OptionalLong.empty()));
  }

  @Test
  void parsesWhatItProduces() {
    assertEquals(0, OffsetCursor.parse("0"));
    assertEquals(123456789, OffsetCursor.parse("123456789"));
  }
}
