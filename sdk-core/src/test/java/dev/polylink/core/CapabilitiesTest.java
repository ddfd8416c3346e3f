package dev.polylink.core;

import static dev.polylink.core.Violations.assertInvalid;
import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

  private static Capabilities.Builder sample() {
    return Capabilities.builder()
        .operations(Operation.CREATE, Operation.GET, Operation.LIST)
        .creatableFields(LinkField.DESTINATION, LinkField.SLUG, LinkField.TITLE)
        .updatableFields(LinkField.DESTINATION, LinkField.TITLE)
        .clearableFields(LinkField.TITLE)
        .listFilters(ListFilter.SEARCH)
        .maxPageSize(50);
  }

  @Test
  void keepsWhatTheProviderSays() {
    Capabilities c = sample().build();
    assertEquals(EnumSet.of(Operation.CREATE, Operation.GET, Operation.LIST), c.operations());
    assertEquals(EnumSet.of(LinkField.DESTINATION, LinkField.SLUG, LinkField.TITLE), c.creatableFields());
    assertEquals(EnumSet.of(LinkField.DESTINATION, LinkField.TITLE), c.updatableFields());
    assertEquals(EnumSet.of(LinkField.TITLE), c.clearableFields());
    assertEquals(EnumSet.of(ListFilter.SEARCH), c.listFilters());
    assertEquals(50, c.maxPageSize());

    assertTrue(c.supports(Operation.GET));
    assertFalse(c.supports(Operation.DELETE));
    assertTrue(c.supports(ListFilter.SEARCH));
    assertFalse(c.supports(ListFilter.LABEL));
    assertTrue(c.canCreate(LinkField.SLUG));
    assertFalse(c.canCreate(LinkField.PASSWORD));
    assertTrue(c.canUpdate(LinkField.TITLE));
    assertFalse(c.canUpdate(LinkField.SLUG));
    assertTrue(c.canClear(LinkField.TITLE));
    assertFalse(c.canClear(LinkField.DESTINATION));
  }

  @Test
  void defaultsAreEmptySetsAndAPageOfAHundred() {
    Capabilities c = Capabilities.builder().creatableFields(LinkField.DESTINATION).build();
    assertEquals(Set.of(), c.operations());
    assertEquals(Set.of(), c.updatableFields());
    assertEquals(Set.of(), c.clearableFields());
    assertEquals(Set.of(), c.listFilters());
    assertEquals(100, c.maxPageSize());
  }

  @Test
  void setsAreUnmodifiableAndDetachedFromTheBuilder() {
    Capabilities.Builder b = sample();
    Capabilities c = b.build();
    b.operations(Operation.DELETE).updatableFields(LinkField.SLUG);
    assertFalse(c.supports(Operation.DELETE), "a built Capabilities does not follow its builder");
    assertFalse(c.canUpdate(LinkField.SLUG));
    assertThrows(UnsupportedOperationException.class, () -> c.operations().add(Operation.DELETE));
    assertThrows(UnsupportedOperationException.class, () -> c.creatableFields().clear());
    assertThrows(UnsupportedOperationException.class, () -> c.updatableFields().add(LinkField.SLUG));
    assertThrows(UnsupportedOperationException.class, () -> c.clearableFields().add(LinkField.SLUG));
    assertThrows(UnsupportedOperationException.class, () -> c.listFilters().add(ListFilter.LABEL));
  }

  @Test
  void clearableFieldsMustBeUpdatable() {
    assertInvalid("clearableFields", () -> sample().clearableFields(LinkField.EXPIRES_AT).build());
  }

  @Test
  void everyProviderCreatesTheDestination() {
    assertInvalid("creatableFields", () -> Capabilities.builder().creatableFields(LinkField.SLUG).build());
    assertInvalid("creatableFields", () -> Capabilities.builder().build());
  }

  @Test
  void maxPageSizeMustBePositive() {
    assertInvalid("maxPageSize", () -> Capabilities.builder().maxPageSize(0));
    assertEquals(1, sample().maxPageSize(1).build().maxPageSize());
  }

  @Test
  void nullArgumentsAreNullPointerExceptions() {
    assertNpe(() -> Capabilities.builder().operations((Operation) null));
    assertNpe(() -> Capabilities.builder().operations((Operation[]) null));
    assertNpe(() -> Capabilities.builder().creatableFields(LinkField.DESTINATION, null));
    assertNpe(() -> Capabilities.builder().updatableFields((LinkField) null));
    assertNpe(() -> Capabilities.builder().clearableFields((LinkField) null));
    assertNpe(() -> Capabilities.builder().listFilters((ListFilter) null));
  }

  @Test
  void toBuilderRoundTripsAndLeavesTheOriginalAlone() {
    Capabilities original = sample().build();
    assertEquals(original, original.toBuilder().build());
    Capabilities wider =
        original.toBuilder().operations(Operation.DELETE).updatableFields(LinkField.SLUG).maxPageSize(7).build();
    assertTrue(wider.supports(Operation.DELETE));
    assertTrue(wider.canUpdate(LinkField.SLUG));
    assertEquals(7, wider.maxPageSize());
    assertEquals(original.creatableFields(), wider.creatableFields());
    assertEquals(original.clearableFields(), wider.clearableFields());
    assertEquals(original.listFilters(), wider.listFilters());
    assertFalse(original.supports(Operation.DELETE), "the original is unchanged");
    assertEquals(50, original.maxPageSize());
  }

  @Test
  void equalityIsByValue() {
    assertEquals(sample().build(), sample().build());
    assertEquals(sample().build().hashCode(), sample().build().hashCode());
    assertNotEquals(sample().build(), sample().maxPageSize(51).build());
    assertNotEquals(sample().build(), sample().listFilters(ListFilter.LABEL).build());
    assertNotEquals(sample().build(), sample().operations(Operation.DELETE).build());
    assertNotEquals(sample().build(), null);
    String text = sample().build().toString();
    assertTrue(text.contains("clear=[TITLE]") && text.contains("maxPageSize=50"), text);
  }
}
