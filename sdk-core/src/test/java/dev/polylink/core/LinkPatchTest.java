package dev.polylink.core;

import static dev.polylink.core.Violations.assertInvalid;
import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkPatchTest {
  private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

  /** Options of an imaginary provider, with value equality. */
  record TestOptions(String providerId, String flag) implements ProviderOptions {}

  @Test
  void theDerivedViewsAreMadeOnceAndFollowEveryCopy() {
    LinkPatch patch = LinkPatch.builder().destination("https://example.com/new").clearTitle().build();
    assertSame(patch.updates(), patch.updates());
    assertSame(patch.fields(), patch.fields());
    assertSame(patch.clearedFields(), patch.clearedFields());
    assertEquals(EnumSet.of(LinkField.DESTINATION, LinkField.TITLE), patch.fields());
    assertEquals(Set.of(LinkField.TITLE), patch.clearedFields());
    LinkPatch changed = patch.toBuilder().clearLabels().enabled(false).build();
    assertEquals(EnumSet.of(LinkField.DESTINATION, LinkField.TITLE, LinkField.ENABLED, LinkField.LABELS),
        changed.fields());
    assertEquals(EnumSet.of(LinkField.TITLE, LinkField.LABELS), changed.clearedFields());
    assertEquals(EnumSet.of(LinkField.DESTINATION, LinkField.TITLE), patch.fields(), "the original is unchanged");
    assertThrows(UnsupportedOperationException.class, () -> patch.fields().clear());
    assertThrows(UnsupportedOperationException.class, () -> patch.updates().clear());
    assertEquals(patch, LinkPatch.builder().destination("https://example.com/new").clearTitle().build());
  }

  @Test
  void aNewPatchTouchesNothing() {
    LinkPatch patch = LinkPatch.builder().build();
    assertTrue(patch.isEmpty());
    assertEquals(Set.of(), patch.fields());
    assertEquals(Set.of(), patch.clearedFields());
    assertEquals(Optional.empty(), patch.options());
    patch.updates().values().forEach(update -> assertTrue(update.isAbsent()));
    assertEquals(EnumSet.allOf(LinkField.class), patch.updates().keySet());
    assertEquals("LinkPatch{}", patch.toString());
  }

  @Test
  void everyFieldCanBeSet() {
    LinkPatch patch =
        LinkPatch.builder()
            .destination("https://example.com/new")
            .slug("new-slug")
            .title("New title")
            .enabled(false)
            .labels(List.of("a", "b"))
            .expiresAt(EXPIRY)
            .password("s3cret")
            .redirectType(RedirectType.TEMPORARY)
            .build();

    assertEquals(FieldUpdate.set(URI.create("https://example.com/new")), patch.destination());
    assertEquals(FieldUpdate.set("new-slug"), patch.slug());
    assertEquals(FieldUpdate.set("New title"), patch.title());
    assertEquals(FieldUpdate.set(false), patch.enabled());
    assertEquals(FieldUpdate.set(List.of("a", "b")), patch.labels());
    assertEquals(FieldUpdate.set(EXPIRY), patch.expiresAt());
    assertEquals(FieldUpdate.set("s3cret"), patch.password());
    assertEquals(FieldUpdate.set(RedirectType.TEMPORARY), patch.redirectType());
    assertEquals(EnumSet.allOf(LinkField.class), patch.fields());
    assertEquals(Set.of(), patch.clearedFields());
    assertFalse(patch.isEmpty());
  }

  @Test
  void destinationAcceptsAUriToo() {
    LinkPatch patch = LinkPatch.builder().destination(URI.create("http://example.org/x?y=1")).build();
    assertEquals(URI.create("http://example.org/x?y=1"), patch.destination().value());
  }

  @Test
  void eachClearableFieldIsTriState() {
    LinkPatch absent = LinkPatch.builder().build();
    LinkPatch set = LinkPatch.builder().title("T").expiresAt(EXPIRY).password("pw").labels(List.of("x")).build();
    LinkPatch cleared =
        LinkPatch.builder().clearTitle().clearExpiresAt().clearPassword().clearLabels().build();

    for (LinkField field : List.of(LinkField.TITLE, LinkField.EXPIRES_AT, LinkField.PASSWORD, LinkField.LABELS)) {
      assertEquals(FieldUpdate.State.ABSENT, absent.updates().get(field).state(), field::name);
      assertEquals(FieldUpdate.State.SET, set.updates().get(field).state(), field::name);
      assertEquals(FieldUpdate.State.CLEARED, cleared.updates().get(field).state(), field::name);
    }
    assertEquals(
        EnumSet.of(LinkField.TITLE, LinkField.LABELS, LinkField.EXPIRES_AT, LinkField.PASSWORD),
        cleared.fields());
    assertEquals(cleared.fields(), cleared.clearedFields());
    assertEquals(Set.of(), set.clearedFields());
    assertFalse(cleared.isEmpty());
  }

  @Test
  void theLastCallForAFieldWins() {
    LinkPatch setThenCleared = LinkPatch.builder().title("x").clearTitle().build();
    assertTrue(setThenCleared.title().isCleared());

    LinkPatch clearedThenSet = LinkPatch.builder().clearTitle().title("y").build();
    assertEquals(FieldUpdate.set("y"), clearedThenSet.title());

    LinkPatch twice = LinkPatch.builder().destination("https://a.example").destination("https://b.example").build();
    assertEquals(URI.create("https://b.example"), twice.destination().value());

    LinkPatch password = LinkPatch.builder().clearPassword().password("pw").clearPassword().build();
    assertTrue(password.password().isCleared());

    LinkPatch expiry = LinkPatch.builder().clearExpiresAt().expiresAt(EXPIRY).build();
    assertEquals(FieldUpdate.set(EXPIRY), expiry.expiresAt());

    LinkPatch labels = LinkPatch.builder().labels(List.of("a")).clearLabels().labels(List.of("b", "c")).build();
    assertEquals(List.of("b", "c"), labels.labels().value());
  }

  @Test
  void emptyLabelsAreTheSameAsClearingThem() {
    LinkPatch empty = LinkPatch.builder().labels(List.of()).build();
    LinkPatch cleared = LinkPatch.builder().clearLabels().build();
    assertTrue(empty.labels().isCleared());
    assertEquals(cleared, empty);
    assertEquals(Set.of(LinkField.LABELS), empty.clearedFields());
    assertEquals(Set.of(LinkField.LABELS), empty.fields());
  }

  @Test
  void labelsAreCopiedAndUnmodifiable() {
    List<String> source = new java.util.ArrayList<>(List.of("a"));
    LinkPatch patch = LinkPatch.builder().labels(source).build();
    source.add("b");
    assertEquals(List.of("a"), patch.labels().value());
    assertThrows(UnsupportedOperationException.class, () -> patch.labels().value().add("c"));
  }

  @Test
  void enabledHasNoClearButBothValues() {
    assertEquals(Boolean.TRUE, LinkPatch.builder().enabled(true).build().enabled().value());
    assertEquals(Boolean.FALSE, LinkPatch.builder().enabled(false).build().enabled().value());
    assertEquals(Set.of(LinkField.ENABLED), LinkPatch.builder().enabled(false).build().fields());
  }

  @Test
  void fieldsListsSetAndClearedButNotAbsentFields() {
    LinkPatch patch = LinkPatch.builder().destination("https://example.com").clearTitle().build();
    assertEquals(EnumSet.of(LinkField.DESTINATION, LinkField.TITLE), patch.fields());
    assertEquals(EnumSet.of(LinkField.TITLE), patch.clearedFields());
    assertThrows(UnsupportedOperationException.class, () -> patch.fields().add(LinkField.SLUG));
    assertThrows(UnsupportedOperationException.class, () -> patch.clearedFields().clear());
  }

  @Test
  void updatesHasEveryFieldInOrderAndIsUnmodifiable() {
    LinkPatch patch = LinkPatch.builder().slug("s").clearExpiresAt().build();
    Map<LinkField, FieldUpdate<?>> updates = patch.updates();
    assertEquals(List.of(LinkField.values()), List.copyOf(updates.keySet()));
    assertEquals(FieldUpdate.set("s"), updates.get(LinkField.SLUG));
    assertEquals(FieldUpdate.cleared(), updates.get(LinkField.EXPIRES_AT));
    assertEquals(FieldUpdate.absent(), updates.get(LinkField.DESTINATION));
    assertThrows(UnsupportedOperationException.class, () -> updates.put(LinkField.SLUG, FieldUpdate.absent()));
  }

  @Test
  void optionsAloneMakeThePatchNonEmpty() {
    TestOptions options = new TestOptions("test", "on");
    LinkPatch patch = LinkPatch.builder().options(options).build();
    assertFalse(patch.isEmpty());
    assertEquals(Set.of(), patch.fields());
    assertEquals(Optional.of(options), patch.options());
  }

  @Test
  void aClearedFieldMakesThePatchNonEmpty() {
    assertFalse(LinkPatch.builder().clearPassword().build().isEmpty());
  }

  @Test
  void toBuilderRoundTripsAndLeavesTheOriginalAlone() {
    LinkPatch original =
        LinkPatch.builder()
            .destination("https://example.com")
            .clearTitle()
            .labels(List.of("l"))
            .password("pw")
            .options(new TestOptions("test", "x"))
            .build();
    assertEquals(original, original.toBuilder().build());
    assertEquals(original.hashCode(), original.toBuilder().build().hashCode());

    LinkPatch changed = original.toBuilder().title("back").enabled(true).build();
    assertTrue(original.title().isCleared());
    assertTrue(original.enabled().isAbsent());
    assertEquals(FieldUpdate.set("back"), changed.title());
    assertEquals(FieldUpdate.set(true), changed.enabled());
    assertEquals(original.destination(), changed.destination());
    assertEquals(original.options(), changed.options());
  }

  @Test
  void equalityIsByValue() {
    LinkPatch a = LinkPatch.builder().title("T").clearExpiresAt().build();
    LinkPatch b = LinkPatch.builder().clearExpiresAt().title("T").build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, LinkPatch.builder().title("T").build());
    assertNotEquals(a, LinkPatch.builder().title("U").clearExpiresAt().build());
    assertNotEquals(
        LinkPatch.builder().clearTitle().build(), LinkPatch.builder().build(), "cleared is not absent");
    assertNotEquals(
        LinkPatch.builder().options(new TestOptions("t", "1")).build(),
        LinkPatch.builder().options(new TestOptions("t", "2")).build());
    assertNotEquals(a, "LinkPatch");
    assertNotEquals(a, null);
  }

  @Test
  void toStringShowsTouchedFieldsButNeverThePassword() {
    LinkPatch patch =
        LinkPatch.builder().title("Hello").clearExpiresAt().password("hunter2-secret").build();
    String text = patch.toString();
    assertFalse(text.contains("hunter2-secret"), text);
    assertTrue(text.contains("password=set(****)"), text);
    assertTrue(text.contains("title=set(Hello)"), text);
    assertTrue(text.contains("expires_at=cleared"), text);
    assertFalse(text.contains("slug"), text);

    assertTrue(LinkPatch.builder().clearPassword().build().toString().contains("password=cleared"));
  }

  @Test
  void thePasswordUpdateItselfNeverShowsItsValue() {
    LinkPatch patch = LinkPatch.builder().password("hunter2-secret").title("T").build();
    assertEquals("set(****)", patch.password().toString());
    assertFalse(patch.updates().toString().contains("hunter2-secret"), patch.updates()::toString);
    assertEquals("hunter2-secret", patch.password().value());
    assertEquals(FieldUpdate.set("hunter2-secret"), patch.password(), "masking does not change equality");
    assertEquals(FieldUpdate.set("hunter2-secret").hashCode(), patch.password().hashCode());
    assertEquals(patch, patch.toBuilder().build());
  }

  @Test
  void nullArgumentsAreNullPointerExceptions() {
    LinkPatch.Builder b = LinkPatch.builder();
    assertNpe(() -> b.destination((String) null));
    assertNpe(() -> b.destination((URI) null));
    assertNpe(() -> b.slug(null));
    assertNpe(() -> b.title(null));
    assertNpe(() -> b.labels(null));
    assertNpe(() -> b.labels(java.util.Arrays.asList("a", null)));
    assertNpe(() -> b.expiresAt(null));
    assertNpe(() -> b.password(null));
    assertNpe(() -> b.redirectType(null));
    assertNpe(() -> b.options(null));
    assertTrue(b.build().isEmpty(), "rejected calls leave the builder unchanged");
  }

  @Test
  void malformedValuesNameTheField() {
    LinkPatch.Builder b = LinkPatch.builder();
    assertInvalid("destination", () -> b.destination("/relative/path"));
    assertInvalid("destination", () -> b.destination("ftp://example.com/file"));
    assertInvalid("destination", () -> b.destination("https:///no-host"));
    assertInvalid("destination", () -> b.destination("not a url"));
    assertInvalid("destination", () -> b.destination(URI.create("mailto:someone@example.com")));
    assertInvalid("slug", () -> b.slug("  "));
    assertInvalid("title", () -> b.title(""));
    assertInvalid("labels element", () -> b.labels(List.of("ok", " ")));
    RequestValidationException e = assertInvalid("password", () -> b.password(""));
    assertEquals(PolylinkException.NO_PROVIDER, e.providerId());
    assertTrue(b.build().isEmpty(), "rejected calls leave the builder unchanged");
  }

  @Test
  void fieldUpdateStates() {
    FieldUpdate<String> set = FieldUpdate.set("v");
    assertTrue(set.isSet());
    assertEquals("v", set.value());
    assertEquals(Optional.of("v"), set.asOptional());
    assertEquals("set(v)", set.toString());

    FieldUpdate<String> cleared = FieldUpdate.cleared();
    assertTrue(cleared.isCleared());
    assertThrows(NoSuchElementException.class, cleared::value);
    assertEquals(Optional.empty(), cleared.asOptional());
    assertEquals("cleared", cleared.toString());

    FieldUpdate<String> absent = FieldUpdate.absent();
    assertTrue(absent.isAbsent());
    assertThrows(NoSuchElementException.class, absent::value);
    assertEquals("absent", absent.toString());
    assertSame(FieldUpdate.absent(), absent);

    assertNpe(() -> FieldUpdate.set(null));

    StringBuilder seen = new StringBuilder();
    set.ifSet(seen::append);
    cleared.ifSet(seen::append);
    absent.ifSet(seen::append);
    assertEquals("v", seen.toString());
  }
}
