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
   * @throws RequestValidationException for any other type, e.g. a Jackson node, naming its path
   */
  static Map<String, Object> freezeMap(Map<String, ?> source) {
    return freezeMap("providerFields", source);
  }

  private static Map<String, Object> freezeMap(String path, Map<?, ?> source) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : source.entrySet()) {
      if (e.getKey() == null) {
        throw new NullPointerException(path + " key");
      }
      if (!(e.getKey() instanceof String)) {
        throw invalid(path, "keys must be strings, not " + e.getKey().getClass().getName());
      }
      String key = (String) e.getKey();
      if (e.getValue() != null) {
        copy.put(key, freeze(path + "." + key, e.getValue()));
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object freeze(String path, Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Map) {
      return freezeMap(path, (Map<?, ?>) value);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      int index = 0;
      for (Object element : (List<?>) value) {
        copy.add(element == null ? null : freeze(path + "[" + index + "]", element));
        index++;
      }
      return Collections.unmodifiableList(copy);
    }
    throw invalid(path, "only String, Boolean, Number, List and Map are allowed, not " + value.getClass().getName());
  }

  private static RequestValidationException invalid(String path, String rule) {
    return new RequestValidationException(PolylinkException.NO_PROVIDER, path + ": " + rule);
  }
}
