package dev.polylink.core;

import static dev.polylink.core.Violations.assertInvalid;
import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListLinksRequestTest {

  @Test
  void defaultsAskForTheFirstPageWithoutFilters() {
    ListLinksRequest d = ListLinksRequest.defaults();
    assertEquals(OptionalInt.empty(), d.pageSize());
    assertEquals(Optional.empty(), d.cursor());
    assertEquals(Optional.empty(), d.label());
    assertEquals(Optional.empty(), d.enabled());
    assertEquals(Optional.empty(), d.search());
    assertEquals(Set.of(), d.filters());
    assertSame(d, ListLinksRequest.defaults());
    assertEquals(d, ListLinksRequest.builder().build());
  }

  @Test
  void everythingIsKept() {
    ListLinksRequest r =
        ListLinksRequest.builder().pageSize(25).cursor("c2").label("news").enabled(false).search("spring").build();
    assertEquals(OptionalInt.of(25), r.pageSize());
    assertEquals(Optional.of("c2"), r.cursor());
    assertEquals(Optional.of("news"), r.label());
    assertEquals(Optional.of(false), r.enabled());
    assertEquals(Optional.of("spring"), r.search());
    assertEquals(EnumSet.allOf(ListFilter.class), r.filters());
    assertThrows(UnsupportedOperationException.class, () -> r.filters().clear());
  }

  @Test
  void filtersFollowWhatWasSet() {
    assertEquals(Set.of(ListFilter.ENABLED), ListLinksRequest.builder().enabled(true).build().filters());
    assertEquals(Set.of(ListFilter.LABEL), ListLinksRequest.builder().label("l").pageSize(3).build().filters());
    assertEquals(Set.of(), ListLinksRequest.builder().pageSize(1).cursor("x").build().filters());
  }

  @Test
  void pageSizeMustBePositive() {
    assertInvalid("pageSize", () -> ListLinksRequest.builder().pageSize(0));
    RequestValidationException e = assertInvalid("pageSize", () -> ListLinksRequest.builder().pageSize(-5));
    assertTrue(e.violations().get(0).contains("-5"), e.violations()::toString);
    assertEquals(OptionalInt.of(1), ListLinksRequest.builder().pageSize(1).build().pageSize());
    assertEquals(OptionalInt.of(Integer.MAX_VALUE),
        ListLinksRequest.builder().pageSize(Integer.MAX_VALUE).build().pageSize());
  }

  @Test
  void blankTextNamesTheField() {
    ListLinksRequest.Builder b = ListLinksRequest.builder();
    assertInvalid("cursor", () -> b.cursor(" "));
    assertInvalid("label", () -> b.label(""));
    assertInvalid("search", () -> b.search("\n"));
    assertEquals(ListLinksRequest.defaults(), b.build());
  }

  @Test
  void nullArgumentsAreNullPointerExceptions() {
    ListLinksRequest.Builder b = ListLinksRequest.builder();
    assertNpe(() -> b.cursor(null));
    assertNpe(() -> b.label(null));
    assertNpe(() -> b.search(null));
    assertNpe(() -> ListLinksRequest.defaults().withCursor(null));
  }

  @Test
  void withCursorKeepsEverythingElse() {
    ListLinksRequest r = ListLinksRequest.builder().pageSize(10).search("q").cursor("first").build();
    ListLinksRequest next = r.withCursor("second");
    assertEquals(Optional.of("second"), next.cursor());
    assertEquals(r.pageSize(), next.pageSize());
    assertEquals(r.search(), next.search());
    assertEquals(Optional.of("first"), r.cursor(), "the original is unchanged");
  }

  @Test
  void toBuilderEqualityAndToString() {
    ListLinksRequest r = ListLinksRequest.builder().pageSize(10).label("l").enabled(true).build();
    assertEquals(r, r.toBuilder().build());
    assertEquals(r.hashCode(), r.toBuilder().build().hashCode());
    assertNotEquals(r, r.toBuilder().enabled(false).build());
    assertNotEquals(r, r.toBuilder().pageSize(11).build());
    assertNotEquals(r, null);
    String text = r.toString();
    assertTrue(text.contains("pageSize=10") && text.contains("label=l") && text.contains("enabled=true"), text);
  }
}
