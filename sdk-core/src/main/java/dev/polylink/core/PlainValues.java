package dev.polylink.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, unmodifiable copies of JSON-like plain Java values. */
final class PlainValues {
  private PlainValues() {}

  /**
   * Copies a map of plain values (String, Boolean, Number, List, Map) into an unmodifiable one,
   * recursively. Entries whose value is {@code null} are dropped: absence already means "not said".
   *
   * @throws IllegalArgumentException for any other type, e.g. a Jackson node
   */
  static Map<String, Object> freezeMap(Map<String, ?> source) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : source.entrySet()) {
      if (e.getKey() == null) {
        throw new NullPointerException("providerFields key");
      }
      if (e.getValue() != null) {
        copy.put(e.getKey(), freeze(e.getKey(), e.getValue()));
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object freeze(String path, Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Map) {
      return freezeMap((Map<String, ?>) value);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object element : (List<?>) value) {
        copy.add(element == null ? null : freeze(path, element));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        "providerFields." + path + ": only String, Boolean, Number, List and Map are allowed, not "
            + value.getClass().getName());
  }
}
