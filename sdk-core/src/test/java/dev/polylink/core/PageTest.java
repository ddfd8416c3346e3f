package dev.polylink.core;

import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void keepsItemsCursorAndTotal() {
    Page<String> page = Page.of(List.of("a", "b"), Optional.of("next"), OptionalLong.of(7));
    assertEquals(List.of("a", "b"), page.items());
    assertEquals(Optional.of("next"), page.nextCursor());
    assertEquals(OptionalLong.of(7), page.total());
  }

  @Test
  void theLastPageHasNoCursor() {
    Page<String> page = Page.of(List.of(), Optional.empty(), OptionalLong.empty());
    assertEquals(List.of(), page.items());
    assertEquals(Optional.empty(), page.nextCursor());
    assertEquals(OptionalLong.empty(), page.total());
  }

  @Test
  void aBlankCursorMeansTheLastPage() {
    // A cursor that ListLinksRequest would reject can never be followed.
    assertEquals(Optional.empty(), Page.of(List.of("a"), Optional.of(""), OptionalLong.empty()).nextCursor());
    assertEquals(Optional.empty(), Page.of(List.of("a"), Optional.of("  "), OptionalLong.empty()).nextCursor());
    assertEquals(
        Page.of(List.of("a"), Optional.empty(), OptionalLong.empty()),
        Page.of(List.of("a"), Optional.of(""), OptionalLong.empty()));
  }

  @Test
  void itemsAreCopiedAndUnmodifiable() {
    List<String> source = new ArrayList<>(List.of("a"));
    Page<String> page = Page.of(source, Optional.empty(), OptionalLong.empty());
    source.add("b");
    assertEquals(List.of("a"), page.items());
    assertThrows(UnsupportedOperationException.class, () -> page.items().add("c"));
  }

  @Test
  void nullArgumentsAreNullPointerExceptions() {
    assertNpe(() -> Page.of(null, Optional.empty(), OptionalLong.empty()));
    assertNpe(() -> Page.of(List.of(), null, OptionalLong.empty()));
    assertNpe(() -> Page.of(List.of(), Optional.empty(), null));
    assertNpe(() -> Page.of(Arrays.asList("a", null), Optional.empty(), OptionalLong.empty()));
  }

  @Test
  void equalityAndToString() {
    Page<String> a = Page.of(List.of("a"), Optional.of("c"), OptionalLong.of(1));
    Page<String> b = Page.of(List.of("a"), Optional.of("c"), OptionalLong.of(1));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Page.of(List.of("a"), Optional.empty(), OptionalLong.of(1)));
    assertNotEquals(a, Page.of(List.of("a"), Optional.of("c"), OptionalLong.empty()));
    assertNotEquals(a, Page.of(List.of("b"), Optional.of("c"), OptionalLong.of(1)));
    assertEquals("Page{items=1, nextCursor=c, total=1}", a.toString());
    assertTrue(Page.of(List.of(), Optional.empty(), OptionalLong.empty()).toString().contains("items=0"));
  }
}
