package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Link;
import dev.polylink.core.LinkId;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JsonTest {

  /** A vendor patch body: tri-state fields next to plain and optional ones. */
  record Patch(
      JsonNullable<String> title,
      JsonNullable<String> note,
      String url,
      Optional<String> slug,
      Instant expiresAt,
      Optional<Instant> startsAt) {}

  record Vendor(String id, Instant createdAt, OffsetDateTime updatedAt, JsonNullable<String> title) {}

  @Test
  void triStateFieldsSerializeAsAbsentNullOrValue() throws Exception {
    Patch patch =
        new Patch(JsonNullable.of(null), JsonNullable.undefined(), null, Optional.empty(),
            Instant.parse("2026-01-02T03:04:05Z"), Optional.of(Instant.parse("2026-01-01T00:00:00Z")));
    assertEquals(
        "{\"title\":null,\"expiresAt\":\"2026-01-02T03:04:05Z\",\"startsAt\":\"2026-01-01T00:00:00Z\"}",
        Json.mapper().writeValueAsString(patch));

    Patch set = new Patch(JsonNullable.of("T"), JsonNullable.of("n"), "https://e.example", Optional.of("s"), null,
        Optional.empty());
    assertEquals("{\"title\":\"T\",\"note\":\"n\",\"url\":\"https://e.example\",\"slug\":\"s\"}",
        Json.mapper().writeValueAsString(set));
  }

  @Test
  void aNullMapValueIsLeftOutSoAnExplicitNullNeedsAnObjectNode() throws Exception {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    map.put("title", null);
    map.put("url", "https://e.example");
    assertEquals("{\"url\":\"https://e.example\"}", Json.mapper().writeValueAsString(map));

    com.fasterxml.jackson.databind.node.ObjectNode node = Json.mapper().createObjectNode();
    node.putNull("title");
    node.put("url", "https://e.example");
    assertEquals("{\"title\":null,\"url\":\"https://e.example\"}", Json.mapper().writeValueAsString(node));
  }

  @Test
  void readingIgnoresUnknownPropertiesAndKeepsInstantsAndOffsets() throws Exception {
    Vendor v = Json.mapper().readValue(
        "{\"id\": \"x\", \"createdAt\": \"2026-01-02T03:04:05+02:00\", \"updatedAt\": \"2026-01-02T03:04:05+02:00\","
            + " \"brandNew\": {\"nested\": [1, 2]}, \"title\": null}",
        Vendor.class);
    assertEquals("x", v.id());
    assertEquals(Instant.parse("2026-01-02T01:04:05Z"), v.createdAt());
    assertEquals(OffsetDateTime.parse("2026-01-02T03:04:05+02:00"), v.updatedAt());
    assertEquals(JsonNullable.of(null), v.title());

    Vendor missing = Json.mapper().readValue("{\"id\": \"y\"}", Vendor.class);
    assertEquals(JsonNullable.undefined(), missing.title());
  }

  @Test
  void toPlainMapYieldsPlainJavaValues() throws Exception {
    JsonNode node = Json.mapper().readTree(
        "{\"s\": \"x\", \"i\": 1, \"l\": 12345678901, \"big\": 123456789012345678901234567890, \"d\": 2.5,"
            + " \"b\": true, \"n\": null, \"list\": [1, \"two\", {\"three\": 3}], \"map\": {\"k\": [true]}}");
    Map<String, Object> map = Json.toPlainMap(node);
    assertEquals("x", map.get("s"));
    assertEquals(1, map.get("i"));
    assertEquals(12345678901L, map.get("l"));
    assertEquals(new BigInteger("123456789012345678901234567890"), map.get("big"));
    assertEquals(2.5, map.get("d"));
    assertEquals(true, map.get("b"));
    assertEquals(List.of(1, "two", Map.of("three", 3)), map.get("list"));
    assertEquals(Map.of("k", List.of(true)), map.get("map"));
    assertPlain(map);

    // and a Link accepts it as providerFields, dropping the null
    Link link = Link.builder().providerId("p").id(LinkId.of("1")).shortUrl(URI.create("https://s.example/a"))
        .shortCode("a").providerFields(map).build();
    assertFalse(link.providerFields().containsKey("n"));
    assertEquals(8, link.providerFields().size());
  }

  private static void assertPlain(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
      assertFalse(value instanceof JsonNode);
      return;
    }
    if (value instanceof Map) {
      ((Map<?, ?>) value).forEach((k, v) -> {
        assertInstanceOf(String.class, k);
        assertPlain(v);
      });
      return;
    }
    if (value instanceof List) {
      ((List<?>) value).forEach(JsonTest::assertPlain);
      return;
    }
    throw new AssertionError("not a plain value: " + value.getClass());
  }

  @Test
  void tryParseIsLenient() {
    assertEquals(Optional.empty(), Json.tryParse(null));
    assertEquals(Optional.empty(), Json.tryParse(""));
    assertEquals(Optional.empty(), Json.tryParse("  "));
    assertEquals(Optional.empty(), Json.tryParse("<html><body>Bad gateway</body></html>"));
    assertEquals(Optional.empty(), Json.tryParse("{\"truncated\": "));
    assertTrue(Json.tryParse("{\"a\": 1}").get().isObject());
    assertTrue(Json.tryParse("[1]").get().isArray());
  }

  @Test
  void textReadsScalarFieldsOnly() throws Exception {
    JsonNode node = Json.mapper().readTree("{\"s\": \"v\", \"n\": 42, \"b\": false, \"z\": null, \"o\": {}, \"a\": []}");
    assertEquals(Optional.of("v"), Json.text(node, "s"));
    assertEquals(Optional.of("42"), Json.text(node, "n"));
    assertEquals(Optional.of("false"), Json.text(node, "b"));
    assertEquals(Optional.empty(), Json.text(node, "z"));
    assertEquals(Optional.empty(), Json.text(node, "o"));
    assertEquals(Optional.empty(), Json.text(node, "a"));
    assertEquals(Optional.empty(), Json.text(node, "missing"));
    assertEquals(Optional.empty(), Json.text(null, "s"));
  }

  @Test
  void wholeNumberReadsIntegersAndDigitStrings() throws Exception {
    JsonNode node = Json.mapper().readTree(
        "{\"i\": 42, \"zero\": 0, \"neg\": -7, \"long\": 9223372036854775807, \"s\": \"42\", \"pad\": \" 0042 \","
            + " \"s18\": \"999999999999999999\"}");
    assertEquals(OptionalLong.of(42), Json.wholeNumber(node, "i"));
    assertEquals(OptionalLong.of(0), Json.wholeNumber(node, "zero"));
    assertEquals(OptionalLong.of(-7), Json.wholeNumber(node, "neg"));
    assertEquals(OptionalLong.of(Long.MAX_VALUE), Json.wholeNumber(node, "long"));
    assertEquals(OptionalLong.of(42), Json.wholeNumber(node, "s"));
    assertEquals(OptionalLong.of(42), Json.wholeNumber(node, "pad"));
    assertEquals(OptionalLong.of(999_999_999_999_999_999L), Json.wholeNumber(node, "s18"));
  }

  @Test
  void wholeNumberLeavesEverythingElseEmpty() throws Exception {
    JsonNode node = Json.mapper().readTree(
        "{\"big\": 9223372036854775808, \"frac\": 4.5, \"whole\": 4.0, \"neg\": \"-7\", \"plus\": \"+7\","
            + " \"mixed\": \"12a\", \"empty\": \"\", \"blank\": \" \", \"s19\": \"1000000000000000000\","
            + " \"arabic\": \"\u0664\u0662\", \"b\": true, \"z\": null, \"o\": {\"v\": 1}, \"a\": [1]}");
    for (String field : List.of("big", "frac", "whole", "neg", "plus", "mixed", "empty", "blank", "s19", "arabic", "b",
        "z", "o", "a", "missing")) {
      assertEquals(OptionalLong.empty(), Json.wholeNumber(node, field), field);
    }
    assertEquals(OptionalLong.empty(), Json.wholeNumber(null, "i"));
    assertEquals(OptionalLong.empty(), Json.wholeNumber(Json.mapper().readTree("[42]"), "0"));
  }

  @Test
  void boolReadsBooleansOnesAndZeros() throws Exception {
    JsonNode node = Json.mapper().readTree(
        "{\"t\": true, \"f\": false, \"one\": 1, \"zero\": 0, \"st\": \"true\", \"sf\": \" FALSE \","
            + " \"s1\": \"1\", \"s0\": \" 0\"}");
    assertEquals(Optional.of(true), Json.bool(node, "t"));
    assertEquals(Optional.of(false), Json.bool(node, "f"));
    assertEquals(Optional.of(true), Json.bool(node, "one"));
    assertEquals(Optional.of(false), Json.bool(node, "zero"));
    assertEquals(Optional.of(true), Json.bool(node, "st"));
    assertEquals(Optional.of(false), Json.bool(node, "sf"));
    assertEquals(Optional.of(true), Json.bool(node, "s1"));
    assertEquals(Optional.of(false), Json.bool(node, "s0"));
  }

  @Test
  void boolLeavesEverythingElseEmpty() throws Exception {
    JsonNode node = Json.mapper().readTree(
        "{\"two\": 2, \"neg\": -1, \"wrap\": 18446744073709551617, \"wrap0\": 18446744073709551616,"
            + " \"frac\": 1.0, \"yes\": \"yes\", \"on\": \"on\", \"empty\": \"\", \"s2\": \"2\", \"z\": null,"
            + " \"o\": {}, \"a\": [true]}");
    for (String field : List.of("two", "neg", "wrap", "wrap0", "frac", "yes", "on", "empty", "s2", "z", "o", "a",
        "missing")) {
      assertEquals(Optional.empty(), Json.bool(node, field), field);
    }
    assertEquals(Optional.empty(), Json.bool(null, "t"));
  }

  @Test
  void instantReadsIsoStringsOnly() throws Exception {
    JsonNode node = Json.mapper().readTree(
        "{\"z\": \"2025-06-01T09:30:00.000Z\", \"offset\": \"2025-06-01T11:30:00+0200\","
            + " \"local\": \"2025-06-01 09:30:00\", \"unix\": 1748770200, \"unixText\": \"1748770200\","
            + " \"bad\": \"yesterday\", \"n\": null, \"o\": {\"at\": \"2025-06-01T09:30:00Z\"}}");
    Optional<Instant> expected = Optional.of(Instant.parse("2025-06-01T09:30:00Z"));
    assertEquals(expected, Json.instant(node, "z"));
    assertEquals(expected, Json.instant(node, "offset"));
    assertEquals(expected, Json.instant(node, "local"));
    for (String field : List.of("unix", "unixText", "bad", "n", "o", "missing")) {
      assertEquals(Optional.empty(), Json.instant(node, field), field);
    }
    assertEquals(Optional.empty(), Json.instant(null, "z"));
  }
}
