package dev.polylink.core;

import dev.polylink.core.internal.FrozenFields;
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
    return frozenFields(source);
  }

  /**
   * Like {@link #freezeMap}, as a {@link FrozenFields}: one that already leaves JSON nulls out (a
   * vendor's object not converted yet, or a link's fields) is taken as it is, without a copy.
   */
  static FrozenFields frozenFields(Map<String, ?> source) {
    if (source instanceof FrozenFields && !((FrozenFields) source).keepsNulls()) {
      return (FrozenFields) source;
    }
    return FrozenFields.ofFrozen(freezeMap("providerFields", source));
  }

  /**
   * The copy walks the values with the path to the current one as a stack of keys and indexes; the
   * path's text is built only for an error's message.
   */
  private static Map<String, Object> freezeMap(String root, Map<?, ?> source) {
    return freezeMap(new Path(root), source);
  }

  private static Map<String, Object> freezeMap(Path path, Map<?, ?> source) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : source.entrySet()) {
      if (e.getKey() == null) {
        throw new NullPointerException(path + " key");
      }
      if (!(e.getKey() instanceof String)) {
        throw invalid(path.toString(), "keys must be strings, not " + e.getKey().getClass().getName());
      }
      String key = (String) e.getKey();
      if (e.getValue() != null) {
        path.push(key);
        copy.put(key, freeze(path, e.getValue()));
        path.pop();
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object freeze(Path path, Object value) {
    if (value instanceof String || value instanceof Boolean || value instanceof Number) {
      return value;
    }
    if (value instanceof Map) {
      return freezeMap(path, (Map<?, ?>) value);
    }
    if (value instanceof List) {
      List<?> source = (List<?>) value;
      List<Object> copy = new ArrayList<>(source.size());
      int index = 0;
      for (Object element : source) {
        if (element == null) {
          copy.add(null);
        } else {
          path.push(index);
          copy.add(freeze(path, element));
          path.pop();
        }
        index++;
      }
      return Collections.unmodifiableList(copy);
    }
    throw invalid(path.toString(), "only String, Boolean, Number, List and Map are allowed, not " + value.getClass().getName());
  }

  /** Where a value is: the root's name, then map keys ({@code .key}) and list indexes ({@code [i]}). */
  private static final class Path {
    private final String root;
    private final List<Object> segments = new ArrayList<>();

    Path(String root) {
      this.root = root;
    }

    void push(Object segment) {
      segments.add(segment);
    }

    void pop() {
      segments.remove(segments.size() - 1);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(root);
      for (Object segment : segments) {
        if (segment instanceof Integer) {
          sb.append('[').append(segment).append(']');
        } else {
          sb.append('.').append(segment);
        }
      }
      return sb.toString();
    }
  }

  private static RequestValidationException invalid(String path, String rule) {
    return new RequestValidationException(PolylinkException.NO_PROVIDER, path + ": " + rule);
  }
}
