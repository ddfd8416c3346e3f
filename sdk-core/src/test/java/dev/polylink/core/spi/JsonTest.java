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
import org.junit.jupiter.api.Test;
import org.openapitools.jackson.nullable.JsonNullable;

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
}
