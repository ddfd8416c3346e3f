package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.polylink.core.spi.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrozenFieldsTest {
  private static JsonNode parse(String json) {
    return Json.tryParse(json).orElseThrow();
  }

  private static final String OBJECT =
      "{\"b\": 1, \"gone\": null, \"a\": {\"inner\": null, \"kept\": \"v\"}, \"slots\": [\"x\", null, 2],"
          + " \"on\": true, \"big\": 123456789012, \"huge\": 123456789012345678901234567890, \"ratio\": 0.5}";

  @Test
  void convertsToPlainValuesWithoutJsonNullMembersKeepingOrderAndNullListElements() {
    FrozenFields fields = FrozenFields.of(parse(OBJECT));
    assertEquals(List.of("b", "a", "slots", "on", "big", "huge", "ratio"), new ArrayList<>(fields.keySet()));
    assertEquals(1, fields.get("b"));
    assertEquals(Map.of("kept", "v"), fields.get("a"));
    assertEquals(Arrays.asList("x", null, 2), fields.get("slots"));
    assertEquals(Boolean.TRUE, fields.get("on"));
    assertEquals(123456789012L, fields.get("big"));
    assertEquals(new BigInteger("123456789012345678901234567890"), fields.get("huge"));
    assertEquals(0.5, fields.get("ratio"));
    assertFalse(fields.containsKey("gone"));
  }

  @Test
  void givesWhatJacksonsOwnConversionGivesLessTheNullMembers() {
    JsonNode node = parse(OBJECT);
    Map<String, Object> jackson = new LinkedHashMap<>(Json.toPlainMap(node));
    jackson.remove("gone");
    @SuppressWarnings("unchecked")
    Map<String, Object> a = new LinkedHashMap<>((Map<String, Object>) jackson.get("a"));
    a.remove("inner");
    jackson.put("a", a);
    assertEquals(jackson, FrozenFields.of(node));
    assertEquals(Json.toPlainMap(node), FrozenFields.ofKeepingNulls(node));
  }

  @Test
  void keepingNullsKeepsNullMembersAtEveryDepth() {
    FrozenFields fields = FrozenFields.ofKeepingNulls(parse(OBJECT));
    assertTrue(fields.keepsNulls());
    assertTrue(fields.containsKey("gone"));
    assertEquals(null, fields.get("gone"));
    @SuppressWarnings("unchecked")
    Map<String, Object> a = (Map<String, Object>) fields.get("a");
    assertTrue(a.containsKey("inner"));
    assertFalse(FrozenFields.of(parse(OBJECT)).keepsNulls());
  }

  @Test
  void everyLevelIsUnmodifiable() {
    FrozenFields fields = FrozenFields.of(parse(OBJECT));
    assertThrows(UnsupportedOperationException.class, () -> fields.put("k", "v"));
    assertThrows(UnsupportedOperationException.class, () -> fields.remove("b"));
    assertThrows(UnsupportedOperationException.class, () -> fields.putIfAbsent("b", 2));
    assertThrows(UnsupportedOperationException.class, () -> fields.merge("b", 2, (x, y) -> y));
    assertThrows(UnsupportedOperationException.class, fields::clear);
    assertThrows(UnsupportedOperationException.class, () -> fields.entrySet().iterator().next().setValue(0));
    assertThrows(UnsupportedOperationException.class, () -> fields.keySet().remove("b"));
    @SuppressWarnings("unchecked")
    Map<String, Object> a = (Map<String, Object>) fields.get("a");
    assertThrows(UnsupportedOperationException.class, () -> a.put("k", "v"));
    @SuppressWarnings("unchecked")
    List<Object> slots = (List<Object>) fields.get("slots");
    assertThrows(UnsupportedOperationException.class, () -> slots.add("z"));
    assertEquals(7, fields.size());
  }

  @Test
  void theNodeIsConvertedOnlyWhenFirstReadAndThenOnlyOnce() {
    FrozenFields fields = FrozenFields.of(parse(OBJECT));
    assertFalse(fields.isConverted());
    Object a = fields.get("a");
    assertTrue(fields.isConverted());
    assertSame(a, fields.get("a"));
    assertSame(fields.get("slots"), fields.entrySet().stream()
        .filter(e -> e.getKey().equals("slots")).findFirst().orElseThrow().getValue());
  }

  @Test
  void everyKindOfReadConverts() {
    List<java.util.function.Consumer<FrozenFields>> reads = List.of(
        FrozenFields::size, FrozenFields::isEmpty, f -> f.containsKey("b"), f -> f.containsValue(1),
        f -> f.get("b"), f -> f.getOrDefault("b", 0), FrozenFields::keySet, FrozenFields::values,
        FrozenFields::entrySet, f -> f.forEach((k, v) -> { }), FrozenFields::hashCode, FrozenFields::toString,
        f -> f.equals(Map.of()));
    for (java.util.function.Consumer<FrozenFields> read : reads) {
      FrozenFields fields = FrozenFields.of(parse(OBJECT));
      read.accept(fields);
      assertTrue(fields.isConverted(), "a read did not convert");
    }
  }

  @Test
  void theNamesAreWrittenWithoutConverting() {
    FrozenFields fields = FrozenFields.of(parse(OBJECT));
    assertEquals("[b, a, slots, on, big, huge, ratio]", fields.keysText());
    assertFalse(fields.isConverted());
    assertEquals(fields.keySet().toString(), fields.keysText());
    assertEquals("[k]", FrozenFields.ofFrozen(Map.of("k", 1)).keysText());
    assertEquals("[]", FrozenFields.empty().keysText());
  }

  @Test
  void equalityAndHashCodeAreThoseOfTheConvertedMap() {
    FrozenFields lazy = FrozenFields.of(parse("{\"a\": 1, \"b\": [\"x\"], \"n\": null}"));
    Map<String, Object> plain = Map.of("a", 1, "b", List.of("x"));
    assertEquals(plain, lazy);
    assertEquals(lazy, plain);
    assertEquals(plain.hashCode(), lazy.hashCode());
    assertEquals(FrozenFields.of(parse("{\"b\": [\"x\"], \"a\": 1}")), lazy);
    assertNotEquals(FrozenFields.of(parse("{\"a\": 2, \"b\": [\"x\"]}")), lazy);
    assertEquals("{a=1, b=[x]}", lazy.toString());
  }

  @Test
  void emptyForNullNonObjectOrEmptyObjectsAndAFrozenMapIsNotCopied() {
    assertSame(FrozenFields.empty(), FrozenFields.of(null));
    assertSame(FrozenFields.empty(), FrozenFields.of(parse("[1]")));
    assertSame(FrozenFields.empty(), FrozenFields.of(JsonNodeFactory.instance.objectNode()));
    assertSame(FrozenFields.empty(), FrozenFields.ofKeepingNulls(parse("\"text\"")));
    assertTrue(FrozenFields.empty().isEmpty());
    Map<String, Object> frozen = Map.of("k", new BigDecimal("1.5"));
    FrozenFields wrapped = FrozenFields.ofFrozen(frozen);
    assertTrue(wrapped.isConverted());
    assertSame(frozen.get("k"), wrapped.get("k"));
  }

  /**
   * Many threads reading one map for the first time at once all see the same conversion: had two
   * of them converted, they would hold different nested map instances.
   */
  @Test
  void concurrentFirstReadsConvertOnceAndAllSeeTheSameValue() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 200; round++) {
        FrozenFields fields = FrozenFields.of(parse(OBJECT));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> seen = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          seen.add(pool.submit(() -> {
            start.await();
            return fields.get("a");
          }));
        }
        start.countDown();
        Object first = seen.get(0).get(10, TimeUnit.SECONDS);
        assertEquals(Map.of("kept", "v"), first);
        for (Future<Object> other : seen) {
          assertSame(first, other.get(10, TimeUnit.SECONDS));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
