package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenJsonTest {
  @Test
  void nodeBecomesAnUnmodifiableMapKeepingNulls() throws Exception {
    Map<String, Object> map =
        FrozenJson.map(new ObjectMapper().readTree("{\"a\":1,\"b\":null,\"c\":[\"x\",true]}"));
    assertEquals(3, map.size());
    assertEquals(1, ((Number) map.get("a")).intValue());
    assertTrue(map.containsKey("b"));
    assertNull(map.get("b"));
    assertEquals(List.of("x", true), map.get("c"));
    assertThrows(UnsupportedOperationException.class, () -> map.put("d", 1));
  }

  @Test
  void mapIsCopiedDeeplyAndFrozenAtEveryLevel() {
    List<Object> list = new ArrayList<>(Arrays.asList("one", null));
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("list", list);
    inner.put("n", 2);
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("inner", inner);
    outer.put("s", "v");
    outer.put("nil", null);

    Map<String, Object> frozen = FrozenJson.map(outer);

    assertEquals(outer, frozen);
    assertEquals(List.of("inner", "s", "nil"), new ArrayList<>(frozen.keySet()));
    @SuppressWarnings("unchecked")
    Map<String, Object> frozenInner = (Map<String, Object>) frozen.get("inner");
    @SuppressWarnings("unchecked")
    List<Object> frozenList = (List<Object>) frozenInner.get("list");
    assertNotSame(inner, frozenInner);
    assertNotSame(list, frozenList);
    assertThrows(UnsupportedOperationException.class, () -> frozen.put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> frozenInner.put("x", 1));
    assertThrows(UnsupportedOperationException.class, () -> frozenList.add("x"));

    list.add("later");
    inner.put("later", 1);
    outer.put("later", 1);
    assertEquals(Arrays.asList("one", null), frozenList);
    assertEquals(2, frozenInner.size());
    assertEquals(3, frozen.size());
  }

  @Test
  void nullMapIsRefused() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> FrozenJson.map((Map<String, ?>) null));
    assertEquals("map", e.getMessage());
  }
}
