package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.polylink.core.spi.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@link FrozenFields} read through every {@link Map} method, with keys that are not Jackson's own. */
class FrozenFieldsMapTest {
  private static JsonNode parse(String json) {
    return Json.tryParse(json).orElseThrow();
  }

  private static FrozenFields fields() {
    return FrozenFields.of(parse("{\"a\": 1, \"b\": \"two\", \"c\": [3], \"d\": {\"e\": 4}}"));
  }

  /** A key equal to a member's name but not the same instance (Jackson's names are interned). */
  private static String copy(String key) {
    return new String(key.toCharArray());
  }

  @Test
  void anEqualKeyFindsItsMemberNotOnlyTheSameInstance() {
    FrozenFields fields = fields();
    String c = copy("c");
    assertNotSame("c", c);
    assertEquals(List.of(3), fields.get(c));
    assertEquals("two", fields.get(copy("b")));
    assertEquals(1, fields.get(copy("a")));
    assertTrue(fields.containsKey(copy("d")));
    assertEquals(Map.of("e", 4), fields.get(copy("d")));
    assertEquals("two", fields.get("b"));
    assertFalse(fields.containsKey(copy("z")));
    assertFalse(fields.containsKey(null));
    assertNull(fields.get(null));
  }

  @Test
  void everyReadGivesTheMembers() {
    FrozenFields fields = fields();
    assertFalse(fields.isEmpty());
    assertEquals(4, fields.size());
    assertEquals(4, fields.entrySet().size());
    assertEquals(List.of(1, "two", List.of(3), Map.of("e", 4)), new ArrayList<>(fields.values()));
    assertTrue(fields.containsValue("two"));
    assertTrue(fields.containsValue(Map.of("e", 4)));
    assertFalse(fields.containsValue("three"));
    assertEquals("two", fields.getOrDefault("b", "none"));
    assertEquals("none", fields.getOrDefault("z", "none"));
    Map<String, Object> seen = new LinkedHashMap<>();
    fields.forEach(seen::put);
    assertEquals(List.of("a", "b", "c", "d"), new ArrayList<>(seen.keySet()));
    assertEquals(fields, seen);
  }

  @Test
  void anExhaustedIteratorThrowsNoSuchElement() {
    Iterator<Map.Entry<String, Object>> it = fields().entrySet().iterator();
    for (int i = 0; i < 4; i++) {
      assertTrue(it.hasNext());
      it.next();
    }
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void containersAtEveryDepthAreConverted() {
    FrozenFields fields = FrozenFields.of(parse(
        "{\"o\": {\"p\": {\"q\": [1, {\"r\": [true]}], \"s\": null}, \"t\": []}, \"u\": [[], [null, {}]]}"));
    assertEquals(Map.of("p", Map.of("q", List.of(1, Map.of("r", List.of(true)))), "t", List.of()), fields.get("o"));
    assertEquals(List.of(List.of(), Arrays.asList(null, Map.of())), fields.get("u"));
    FrozenFields kept = FrozenFields.ofKeepingNulls(parse("{\"o\": {\"p\": {\"s\": null}}, \"e\": []}"));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("s", null);
    assertEquals(Map.of("p", s), kept.get("o"));
    assertEquals(List.of(), kept.get("e"));
  }

  /**
   * Nothing is copied at construction: a nested container is read from its node at the first read
   * (a test may change the node, which callers must never do, to see when it is read).
   */
  @Test
  void nestedContainersAreReadFromTheirNodesOnlyAtTheFirstRead() {
    ObjectNode root = (ObjectNode) parse("{\"n\": {\"x\": 1}, \"l\": [1]}");
    FrozenFields fields = FrozenFields.of(root);
    ((ObjectNode) root.get("n")).put("late", 2);
    root.withArray("l").add(2);
    assertEquals(Map.of("x", 1, "late", 2), fields.get("n"));
    assertEquals(List.of(1, 2), fields.get("l"));
  }

  @Test
  void nodesNoParserMakesAreConvertedAsJacksonConvertsThem() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putPOJO("pojo", "text");
    node.putPOJO("list", List.of(1, 2));
    FrozenFields fields = FrozenFields.of(node);
    assertEquals("text", fields.get("pojo"));
    assertEquals(List.of(1, 2), fields.get("list"));
  }
}
