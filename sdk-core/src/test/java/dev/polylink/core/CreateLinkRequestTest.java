package dev.polylink.core;

import static dev.polylink.core.Violations.assertInvalid;
import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CreateLinkRequestTest {
  private static final Instant EXPIRY = Instant.parse("2031-05-06T07:08:09Z");

  record TestOptions(String providerId) implements ProviderOptions {}

  private static CreateLinkRequest full() {
    return CreateLinkRequest.builder()
        .destination("https://example.com/launch")
        .slug("launch")
        .title("Launch")
        .addLabels("campaign", "spring")
        .expiresAt(EXPIRY)
        .password("open-sesame")
        .redirectType(RedirectType.PERMANENT)
        .domain("42")
        .options(new TestOptions("test"))
        .build();
  }

  @Test
  void minimalRequestSetsOnlyTheDestination() {
    CreateLinkRequest r = CreateLinkRequest.builder().destination("https://example.com").build();
    assertEquals(URI.create("https://example.com"), r.destination());
    assertEquals(Set.of(LinkField.DESTINATION), r.fields());
    assertEquals(Optional.empty(), r.slug());
    assertEquals(Optional.empty(), r.title());
    assertEquals(List.of(), r.labels());
    assertEquals(Optional.empty(), r.expiresAt());
    assertEquals(Optional.empty(), r.password());
    assertEquals(Optional.empty(), r.redirectType());
    assertEquals(Optional.empty(), r.domain());
    assertEquals(Optional.empty(), r.options());
  }

  @Test
  void fullRequestKeepsEverything() {
    CreateLinkRequest r = full();
    assertEquals(Optional.of("launch"), r.slug());
    assertEquals(Optional.of("Launch"), r.title());
    assertEquals(List.of("campaign", "spring"), r.labels());
    assertEquals(Optional.of(EXPIRY), r.expiresAt());
    assertEquals(Optional.of("open-sesame"), r.password());
    assertEquals(Optional.of(RedirectType.PERMANENT), r.redirectType());
    assertEquals(Optional.of("42"), r.domain());
    assertEquals(Optional.of(new TestOptions("test")), r.options());
    assertEquals(EnumSet.allOf(LinkField.class).stream().filter(f -> f != LinkField.ENABLED).collect(
        java.util.stream.Collectors.toSet()), r.fields());
  }

  @Test
  void fieldsFollowWhatWasSet() {
    assertEquals(
        EnumSet.of(LinkField.DESTINATION, LinkField.SLUG, LinkField.PASSWORD),
        CreateLinkRequest.builder().destination("https://e.example").slug("s").password("p").build().fields());
    assertEquals(
        EnumSet.of(LinkField.DESTINATION, LinkField.LABELS),
        CreateLinkRequest.builder().destination("https://e.example").addLabels("x").build().fields());
    // domain and options are not link fields
    assertEquals(
        EnumSet.of(LinkField.DESTINATION),
        CreateLinkRequest.builder().destination("https://e.example").domain("d").options(new TestOptions("t")).build()
            .fields());
    assertThrows(UnsupportedOperationException.class, () -> full().fields().clear());
  }

  @Test
  void labelsReplaceAndAddLabelsAppends() {
    CreateLinkRequest r =
        CreateLinkRequest.builder()
            .destination("https://e.example")
            .addLabels("a")
            .labels(List.of("b", "c"))
            .addLabels("d")
            .build();
    assertEquals(List.of("b", "c", "d"), r.labels());
    CreateLinkRequest none =
        CreateLinkRequest.builder().destination("https://e.example").addLabels("a").labels(List.of()).build();
    assertEquals(List.of(), none.labels());
    assertFalse(none.fields().contains(LinkField.LABELS));
  }

  @Test
  void labelsAreCopiedAndUnmodifiable() {
    List<String> source = new ArrayList<>(List.of("a"));
    CreateLinkRequest.Builder b = CreateLinkRequest.builder().destination("https://e.example").labels(source);
    source.add("b");
    CreateLinkRequest r = b.build();
    assertEquals(List.of("a"), r.labels());
    assertThrows(UnsupportedOperationException.class, () -> r.labels().add("x"));
    b.addLabels("later");
    assertEquals(List.of("a"), r.labels(), "a built request does not follow its builder");
  }

  @Test
  void destinationIsRequired() {
    assertInvalid("destination", () -> CreateLinkRequest.builder().slug("s").build());
  }

  @Test
  void destinationMustBeAnAbsoluteHttpUrlWithAHost() {
    CreateLinkRequest.Builder b = CreateLinkRequest.builder();
    assertInvalid("destination", () -> b.destination("/relative"));
    assertInvalid("destination", () -> b.destination("example.com/no-scheme"));
    assertInvalid("destination", () -> b.destination("ftp://example.com/file.txt"));
    assertInvalid("destination", () -> b.destination("https:///no-host"));
    assertInvalid("destination", () -> b.destination("https:/also-no-host"));
    assertInvalid("destination", () -> b.destination("javascript:alert(1)"));
    assertInvalid("destination", () -> b.destination("http://exa mple.com"));
    assertInvalid("destination", () -> b.destination(""));
    assertInvalid("destination", () -> b.destination(URI.create("//example.com/x")));
    assertInvalid("destination", () -> b.destination(URI.create("file:///etc/passwd")));

    assertEquals(URI.create("HTTPS://Example.com/A?b=c#d"),
        CreateLinkRequest.builder().destination("HTTPS://Example.com/A?b=c#d").build().destination());
    assertEquals(URI.create("http://[::1]:8080/x"),
        CreateLinkRequest.builder().destination("http://[::1]:8080/x").build().destination());
    assertEquals(URI.create("https://example.com/x"),
        CreateLinkRequest.builder().destination("  https://example.com/x ").build().destination());
  }

  @Test
  void internationalizedDomainNamesAreValidDestinations() {
    CreateLinkRequest r = CreateLinkRequest.builder().destination("https://münchen.de/stadtplan").build();
    assertEquals("https://münchen.de/stadtplan", r.destination().toString());
    LinkPatch p = LinkPatch.builder().destination(URI.create("https://例え.jp/")).build();
    assertEquals("https://例え.jp/", p.destination().value().toString());
  }

  @Test
  void blankTextFieldsNameTheField() {
    CreateLinkRequest.Builder b = CreateLinkRequest.builder();
    assertInvalid("slug", () -> b.slug(""));
    assertInvalid("slug", () -> b.slug(" \t"));
    assertInvalid("title", () -> b.title("  "));
    assertInvalid("domain", () -> b.domain(""));
    assertInvalid("labels element", () -> b.labels(List.of("good", "")));
    assertInvalid("labels element", () -> b.addLabels("good", " "));
    assertInvalid("password", () -> b.password(""));
    CreateLinkRequest r = b.destination("https://e.example").build();
    assertEquals(Set.of(LinkField.DESTINATION), r.fields(), "rejected values were not kept");
    assertEquals(List.of(), r.labels(), "a rejected label list adds nothing");
  }

  @Test
  void aWhitespacePasswordIsAllowedButItsValueIsNeverShown() {
    CreateLinkRequest r = CreateLinkRequest.builder().destination("https://e.example").password(" ").build();
    assertEquals(Optional.of(" "), r.password());
    RequestValidationException e =
        assertThrows(RequestValidationException.class, () -> CreateLinkRequest.builder().password(""));
    assertTrue(e.getMessage().startsWith("polylink: invalid request: password:"), e.getMessage());
  }

  @Test
  void nullArgumentsAreNullPointerExceptions() {
    CreateLinkRequest.Builder b = CreateLinkRequest.builder();
    assertNpe(() -> b.destination((String) null));
    assertNpe(() -> b.destination((URI) null));
    assertNpe(() -> b.slug(null));
    assertNpe(() -> b.title(null));
    assertNpe(() -> b.labels(null));
    assertNpe(() -> b.labels(Arrays.asList("a", null)));
    assertNpe(() -> b.addLabels((String[]) null));
    assertNpe(() -> b.addLabels("a", null));
    assertNpe(() -> b.expiresAt(null));
    assertNpe(() -> b.password(null));
    assertNpe(() -> b.redirectType(null));
    assertNpe(() -> b.domain(null));
    assertNpe(() -> b.options(null));
  }

  @Test
  void toBuilderRoundTripsAndIsIndependent() {
    CreateLinkRequest original = full();
    assertEquals(original, original.toBuilder().build());
    CreateLinkRequest changed = original.toBuilder().slug("other").addLabels("extra").build();
    assertEquals(Optional.of("launch"), original.slug());
    assertEquals(List.of("campaign", "spring"), original.labels());
    assertEquals(List.of("campaign", "spring", "extra"), changed.labels());
    assertEquals(original.password(), changed.password());
  }

  @Test
  void equalityIsByValue() {
    CreateLinkRequest a = full();
    CreateLinkRequest b = full();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.toBuilder().password("other").build());
    assertNotEquals(a, a.toBuilder().domain("43").build());
    assertNotEquals(a, a.toBuilder().labels(List.of("spring", "campaign")).build(), "label order counts");
    assertNotEquals(a, a.toBuilder().redirectType(RedirectType.TEMPORARY).build());
    assertNotEquals(a, a.toBuilder().options(new TestOptions("other")).build());
    assertNotEquals(a, null);
  }

  @Test
  void toStringShowsFieldsButNotThePassword() {
    String text = full().toString();
    assertFalse(text.contains("open-sesame"), text);
    assertTrue(text.contains("password=****"), text);
    assertTrue(text.contains("destination=https://example.com/launch"), text);
    assertTrue(text.contains("slug=launch"), text);
    assertTrue(text.contains("labels=[campaign, spring]"), text);
    assertEquals(
        "CreateLinkRequest{destination=https://e.example}",
        CreateLinkRequest.builder().destination("https://e.example").build().toString());
  }
}
