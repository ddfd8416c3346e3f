package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RequestValidationException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTest {
  @Test
  void offsetsAreWholeNumbersFromZeroUpToTheMaximum() {
    assertEquals(0, Cursors.offset("p", "0", 10));
    assertEquals(10, Cursors.offset("p", "10", 10));
    assertEquals(123456789, Cursors.offset("p", "123456789", Integer.MAX_VALUE));
    assertEquals(999999999999999999L, Cursors.offset("p", "999999999999999999", Long.MAX_VALUE));
  }

  @Test
  void pageNumbersStartAtOne() {
    assertEquals(1, Cursors.pageNumber("p", "1", 5));
    assertEquals(5, Cursors.pageNumber("p", "5", 5));
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> Cursors.pageNumber("p", "0", 5));
    assertEquals(List.of("cursor: must be a page number from Page.nextCursor() (was \"0\")"), e.violations());
    assertEquals("p", e.providerId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "-1", "+1", "2.5", "1e3", "01", " 1", "11", "1000000000000000000"})
  void anythingElseIsRejectedNamingTheCursor(String cursor) {
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> Cursors.offset("p", cursor, 10));
    assertEquals(List.of("cursor: must be an offset from Page.nextCursor() (was \"" + cursor + "\")"), e.violations());
  }

  @Test
  void aNextCursorOnlyWhenThereIsMoreAndThePageWasNotEmpty() {
    assertEquals(Optional.of("50"), Cursors.next(50, true, 50));
    assertEquals(Optional.of("1"), Cursors.next(1, true, 1));
    assertEquals(Optional.empty(), Cursors.next(50, false, 50));
    assertEquals(Optional.empty(), Cursors.next(0, true, 60), "an empty page is always the last");
  }

  @Test
  void moreByTotalElseByAFullPage() {
    assertTrue(Cursors.moreThan(50, OptionalLong.of(51), false));
    assertFalse(Cursors.moreThan(50, OptionalLong.of(50), true));
    assertFalse(Cursors.moreThan(51, OptionalLong.of(50), true));
    assertTrue(Cursors.moreThan(60, OptionalLong.empty(), true));
    assertFalse(Cursors.moreThan(59, OptionalLong.empty(), false));
  }
}
