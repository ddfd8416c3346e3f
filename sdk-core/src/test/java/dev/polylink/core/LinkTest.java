package dev.polylink.core;

import static dev.polylink.core.Violations.assertInvalid;
import static dev.polylink.core.Violations.assertNpe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LinkTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-02T00:00:00Z");

  private static Link.Builder minimal() {
    return Link.builder()
        .providerId("xqr")
        .id(LinkId.of("1b4e28ba-2fa1-11d2-883f-0016d3cca427"))
        .shortUrl(URI.create("https://xqr.co/abc"))
        .shortCode("abc");
  }

  private static Link full() {
    return minimal()
        .destination(URI.create("https://example.com/"))
        .title("Title")
        .enabled(true)
        .labels(List.of("a", "b"))
        .expiresAt(T1)
        .passwordProtected(true)
        .redirectType(RedirectType.TEMPORARY)
        .clicks(12)
        .lastClickedAt(T1)
        .createdAt(T0)
        .updatedAt(T1)
        .providerFields(Map.of("id", "1b4e28ba", "scans", 12, "password", "vendor-echoed-secret"))
        .build();
  }

  @Test
  void aMinimalLinkSaysNothingElse() {
    Link link = minimal().build();
    assertEquals("xqr", link.providerId());
    assertEquals(LinkId.of("1b4e28ba-2fa1-11d2-883f-0016d3cca427"), link.id());
    assertEquals(URI.create("https://xqr.co/abc"), link.shortUrl());
    assertEquals("abc", link.shortCode());
    assertEquals(Optional.empty(), link.destination());
    assertEquals(Optional.empty(), link.title());
    assertEquals(Optional.empty(), link.enabled());
    assertEquals(List.of(), link.labels());
    assertEquals(Optional.empty(), link.expiresAt());
    assertEquals(Optional.empty(), link.passwordProtected());
    assertEquals(Optional.empty(), link.redirectType());
    assertEquals(OptionalLong.empty(), link.clicks());
    assertEquals(Optional.empty(), link.lastClickedAt());
    assertEquals(Optional.empty(), link.createdAt());
    assertEquals(Optional.empty(), link.updatedAt());
    assertEquals(Map.of(), link.providerFields());
  }

  @Test
  void aFullLinkKeepsEverything() {
    Link link = full();
    assertEquals(Optional.of(URI.create("https://example.com/")), link.destination());
    assertEquals(Optional.of("Title"), link.title());
    assertEquals(Optional.of(true), link.enabled());
    assertEquals(List.of("a", "b"), link.labels());
    assertEquals(Optional.of(T1), link.expiresAt());
    assertEquals(Optional.of(true), link.passwordProtected());
    assertEquals(Optional.of(RedirectType.TEMPORARY), link.redirectType());
    assertEquals(OptionalLong.of(12), link.clicks());
    assertEquals(Optional.of(T1), link.lastClickedAt());
    assertEquals(Optional.of(T0), link.createdAt());
    assertEquals(Optional.of(T1), link.updatedAt());
    assertEquals(12, link.providerFields().get("scans"));
  }

  @Test
  void eachRequiredPartMustBeGiven() {
    assertThrows(NullPointerException.class, () -> Link.builder().build());
    NullPointerException noCode =
        assertThrows(
            NullPointerException.class,
            () -> Link.builder().providerId("xqr").id(LinkId.of("1")).shortUrl(URI.create("https://x.example/a")).build());
    assertTrue(noCode.getMessage().contains("shortCode"), noCode::getMessage);
    NullPointerException noId =
        assertThrows(
            NullPointerException.class,
            () -> Link.builder().providerId("xqr").shortUrl(URI.create("https://x.example/a")).shortCode("a").build());
    assertTrue(noId.getMessage().contains("id"), noId::getMessage);
  }

  @Test
  void optionalOverloadsTakeEmptyAsNotSaid() {
    Link link =
        full().toBuilder()
            .destination(Optional.empty())
            .title(Optional.empty())
            .enabled(Optional.empty())
            .expiresAt(Optional.empty())
            .passwordProtected(Optional.empty())
            .redirectType(Optional.empty())
            .clicks(OptionalLong.empty())
            .lastClickedAt(Optional.empty())
            .createdAt(Optional.empty())
            .updatedAt(Optional.empty())
            .build();
    assertEquals(Optional.empty(), link.destination());
    assertEquals(Optional.empty(), link.title());
    assertEquals(Optional.empty(), link.enabled());
    assertEquals(Optional.empty(), link.expiresAt());
    assertEquals(Optional.empty(), link.passwordProtected());
    assertEquals(Optional.empty(), link.redirectType());
    assertEquals(OptionalLong.empty(), link.clicks());
    assertEquals(Optional.empty(), link.lastClickedAt());
    assertEquals(Optional.empty(), link.createdAt());
    assertEquals(Optional.empty(), link.updatedAt());

    Link again =
        minimal()
            .title(Optional.of("T"))
            .enabled(Optional.of(false))
            .clicks(OptionalLong.of(3))
            .redirectType(Optional.of(RedirectType.PERMANENT))
            .build();
    assertEquals(Optional.of("T"), again.title());
    assertEquals(Optional.of(false), again.enabled());
    assertEquals(OptionalLong.of(3), again.clicks());
    assertEquals(Optional.of(RedirectType.PERMANENT), again.redirectType());
  }

  @Test
  void urlsGivenAsTextAreTheUrisOfThatText() {
    Link fromText = Link.builder().providerId("xqr").id(LinkId.of("1")).shortCode("summer24")
        .shortUrl("https://xqr.to/summer24").destination("https://example.com/summer-sale?utm_source=qr").build();
    Link fromUris = Link.builder().providerId("xqr").id(LinkId.of("1")).shortCode("summer24")
        .shortUrl(URI.create("https://xqr.to/summer24"))
        .destination(URI.create("https://example.com/summer-sale?utm_source=qr")).build();
    assertEquals(URI.create("https://xqr.to/summer24"), fromText.shortUrl());
    assertEquals(Optional.of(URI.create("https://example.com/summer-sale?utm_source=qr")), fromText.destination());
    assertEquals(fromUris, fromText);
    assertEquals(fromUris.hashCode(), fromText.hashCode());
    assertEquals(fromUris.toString(), fromText.toString());
    assertEquals("Link{providerId=xqr, id=1, shortUrl=https://xqr.to/summer24, shortCode=summer24,"
        + " destination=https://example.com/summer-sale?utm_source=qr}", fromText.toString());
    // the same value is handed out on every read, and kept by toBuilder
    assertSame(fromText.shortUrl(), fromText.shortUrl());
    assertSame(fromText.shortUrl(), fromText.toBuilder().build().shortUrl());
    // text of another shape is parsed at once: relative or opaque URIs are URIs too
    assertEquals(URI.create("mailto:a@b.example"), fromText.toBuilder().destination("mailto:a@b.example").build()
        .destination().orElseThrow());
    assertEquals(URI.create("/relative"), fromText.toBuilder().shortUrl("/relative").build().shortUrl());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Link.builder().destination("https://example.com/a b"));
    assertEquals("destination is not a URI: Illegal character in path at index 21: https://example.com/a b",
        bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Link.builder().shortUrl(" https://xqr.to/x"));
    assertNotEquals(fromUris, fromText.toBuilder().shortUrl("https://xqr.to/other").build());
  }

  @Test
  void nullArgumentsAreNullPointerExceptions() {
    Link.Builder b = Link.builder();
    assertNpe(() -> b.providerId(null));
    assertNpe(() -> b.id(null));
    assertNpe(() -> b.shortUrl((URI) null));
    assertNpe(() -> b.shortUrl((String) null));
    assertNpe(() -> b.shortCode(null));
    assertNpe(() -> b.destination((URI) null));
    assertNpe(() -> b.destination((String) null));
    assertNpe(() -> b.destination((Optional<URI>) null));
    assertNpe(() -> b.title((String) null));
    assertNpe(() -> b.title((Optional<String>) null));
    assertNpe(() -> b.enabled((Optional<Boolean>) null));
    assertNpe(() -> b.labels(null));
    assertNpe(() -> b.labels(Arrays.asList("a", null)));
    assertNpe(() -> b.expiresAt((Instant) null));
    assertNpe(() -> b.passwordProtected((Optional<Boolean>) null));
    assertNpe(() -> b.redirectType((RedirectType) null));
    assertNpe(() -> b.clicks((OptionalLong) null));
    assertNpe(() -> b.lastClickedAt((Instant) null));
    assertNpe(() -> b.createdAt((Instant) null));
    assertNpe(() -> b.updatedAt((Instant) null));
    assertNpe(() -> b.providerFields(null));
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, "v");
    assertNpe(() -> b.providerFields(nullKey));
  }

  @Test
  void labelsAreCopiedAndUnmodifiable() {
    List<String> source = new ArrayList<>(List.of("a"));
    Link link = minimal().labels(source).build();
    source.add("b");
    assertEquals(List.of("a"), link.labels());
    assertThrows(UnsupportedOperationException.class, () -> link.labels().add("c"));
  }

  @Test
  void providerFieldsAreADeepImmutableCopy() {
    List<Object> tags = new ArrayList<>(List.of("x"));
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("tags", tags);
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("meta", nested);
    source.put("count", 3L);
    source.put("ratio", new BigDecimal("0.5"));
    source.put("on", true);

    Link link = minimal().providerFields(source).build();
    source.put("late", "x");
    nested.put("late", "y");
    tags.add("y");

    Map<String, Object> fields = link.providerFields();
    assertEquals(Map.of("meta", Map.of("tags", List.of("x")), "count", 3L, "ratio", new BigDecimal("0.5"), "on", true),
        fields);
    assertThrows(UnsupportedOperationException.class, () -> fields.put("k", "v"));
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) fields.get("meta");
    assertThrows(UnsupportedOperationException.class, () -> meta.put("k", "v"));
    @SuppressWarnings("unchecked")
    List<Object> copiedTags = (List<Object>) meta.get("tags");
    assertThrows(UnsupportedOperationException.class, () -> copiedTags.add("z"));
  }

  @Test
  void providerFieldsDropNullValuesAndKeepOrder() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("b", 1);
    source.put("gone", null);
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("inner", null);
    nested.put("kept", "v");
    source.put("a", nested);
    Link link = minimal().providerFields(source).build();
    assertEquals(List.of("b", "a"), List.copyOf(link.providerFields().keySet()));
    assertFalse(link.providerFields().containsKey("gone"));
    assertEquals(Map.of("kept", "v"), link.providerFields().get("a"));
  }

  @Test
  void providerFieldsKeepNullListElementsInPlace() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("slots", java.util.Arrays.asList("a", null, "c"));
    Link link = minimal().providerFields(source).build();
    assertEquals(java.util.Arrays.asList("a", null, "c"), link.providerFields().get("slots"));
  }

  @Test
  void providerFieldsRejectValuesThatAreNotPlainJava() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("x", 1);
    assertInvalid("providerFields.raw", () -> minimal().providerFields(Map.of("raw", node)));
    assertInvalid("providerFields.when", () -> minimal().providerFields(Map.of("when", T0)));
    assertInvalid("providerFields.list[1]",
        () -> minimal().providerFields(Map.of("list", List.of("ok", JsonNodeFactory.instance.textNode("t")))));
    assertInvalid("providerFields.outer.inner",
        () -> minimal().providerFields(Map.of("outer", Map.of("inner", new Object()))));
    assertInvalid("providerFields.outer",
        () -> minimal().providerFields(Map.of("outer", Map.of(1, "one"))));
  }

  @Test
  void toBuilderRoundTrips() {
    Link link = full();
    assertEquals(link, link.toBuilder().build());
    Link retitled = link.toBuilder().title("Other").build();
    assertEquals(Optional.of("Title"), link.title());
    assertEquals(Optional.of("Other"), retitled.title());
    assertEquals(link.providerFields(), retitled.providerFields());
  }

  @Test
  void equalityIsByValue() {
    assertEquals(full(), full());
    assertEquals(full().hashCode(), full().hashCode());
    assertNotEquals(full(), full().toBuilder().clicks(13).build());
    assertNotEquals(full(), full().toBuilder().providerFields(Map.of()).build());
    assertNotEquals(full(), full().toBuilder().providerId("snipurl").build());
    assertNotEquals(full(), full().toBuilder().labels(List.of()).build());
    assertNotEquals(full(), null);
  }

  @Test
  void toStringShowsUnifiedFieldsAndOnlyTheKeysOfProviderFields() {
    String text = full().toString();
    assertTrue(text.startsWith("Link{providerId=xqr, id=1b4e28ba-2fa1-11d2-883f-0016d3cca427"), text);
    assertTrue(text.contains("shortCode=abc"), text);
    assertTrue(text.contains("title=Title"), text);
    assertTrue(text.contains("providerFields=["), text);
    assertFalse(text.contains("vendor-echoed-secret"), text);
    assertEquals(
        "Link{providerId=xqr, id=1b4e28ba-2fa1-11d2-883f-0016d3cca427, shortUrl=https://xqr.co/abc, shortCode=abc}",
        minimal().build().toString());
  }
}
