package dev.polylink.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.internal.FrozenFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** JSON objects as deeply unmodifiable plain Java values (String, Boolean, Number, List, Map). */
public final class FrozenJson {
  private FrozenJson() {}

  /**
   * The object as an unmodifiable map, every nested map and list unmodifiable too; empty for a
   * non-object. Object members whose value is JSON {@code null} are kept as {@code null} values. The
   * node is kept as it is and converted, once, when the map is first read: the caller must not
   * change it afterwards.
   *
   * @param object the object
   * @return the object as an unmodifiable map, every nested map and list unmodifiable too; empty for a non-object
   */
  public static Map<String, Object> map(JsonNode object) {
    return FrozenFields.ofKeepingNulls(object);
  }

  /**
   * A deep, unmodifiable copy of a map of plain values (String, Boolean, Number, List, Map, and the
   * {@code null}s JSON allows), for the builders of provider types that keep a vendor's object.
   *
   * @param map the map
   * @return the map and every nested map and list, copied and unmodifiable; other values as they are
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Map<String, ?> map) {
    return (Map<String, Object>) freeze(Objects.requireNonNull(map, "map"));
  }

  private static Object freeze(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> copy.put((String) k, freeze(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<?>) value).forEach(v -> copy.add(freeze(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
