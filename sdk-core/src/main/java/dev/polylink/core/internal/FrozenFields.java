package dev.polylink.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.Json;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A vendor's JSON object as an unmodifiable map of plain Java values (String, Boolean, Number, List,
 * Map), converted from the parsed node only when first read: what {@code Link.providerFields()} and
 * {@code spi.FrozenJson} hand out.
 *
 * <p>Until then it holds the object's member names and values in two arrays: a scalar as the
 * node's own value (its String, a Number, a Boolean), a nested object or list as its node, read-only
 * (nothing is copied; the SDK never changes a response's node once it is mapped). So a caller that
 * never reads the fields pays for two small arrays, not for a conversion, and a kept link holds no
 * more than these. The first read of anything (a get, the size, iteration, equality, the hash code,
 * the string) converts the nested nodes once, in place under this map's lock; every later
 * read sees the same converted map, itself over two arrays (about a third of a {@code
 * LinkedHashMap}'s memory; lookups scan the names). Equality and the hash code are {@link Map}'s,
 * on the converted value.
 *
 * <p>The conversion: object members whose value is JSON {@code null} are left out (or kept as
 * {@code null} values, for {@link #ofKeepingNulls}), {@code null} list elements are kept in place;
 * a number is the node's {@link JsonNode#numberValue()} (Integer, Long, BigInteger, Double,
 * BigDecimal, as parsed), which is what Jackson's own conversion to a map gives. Every nested map
 * and list is unmodifiable, nested maps keep the vendor's member order.
 */
public final class FrozenFields implements Map<String, Object> {
  private static final FrozenFields EMPTY = new FrozenFields(Map.of());

  private final boolean keepNulls;
  // The object's member names (Jackson's, shared by every object of a response) and values: scalars
  // as plain values (the node's own String, a Number, a Boolean) and, until converted, containers as
  // their nodes. Final, so that however this map is published its arrays are seen whole; the
  // conversion replaces the nodes in place under the lock, before it publishes the map over the same
  // arrays through the volatile field, and nothing reads a value but through that map.
  private final String[] keys;
  private final Object[] values;
  private volatile Map<String, Object> map; // null until converted

  private FrozenFields(String[] keys, Object[] values, boolean keepNulls) {
    this.keys = keys;
    this.values = values;
    this.keepNulls = keepNulls;
  }

  private FrozenFields(Map<String, Object> frozen) {
    this.keepNulls = false;
    this.keys = null;
    this.values = null;
    this.map = frozen;
  }

  /** {@return the empty map} */
  public static FrozenFields empty() {
    return EMPTY;
  }

  /**
   * The object's members, JSON {@code null}s left out, converted when first read.
   *
   * @param object a JSON object node, whose nested containers are kept as they are: the caller
   *     must never change it
   * @return the map; empty for {@code null} or a node that is not an object
   */
  public static FrozenFields of(JsonNode object) {
    return of(object, false);
  }

  /**
   * Like {@link #of}, but an object member whose value is JSON {@code null}, at any depth, is kept
   * as a {@code null} value.
   *
   * @param object a JSON object node, whose nested containers are kept as they are: the caller
   *     must never change it
   * @return the map; empty for {@code null} or a node that is not an object
   */
  public static FrozenFields ofKeepingNulls(JsonNode object) {
    return of(object, true);
  }

  private static FrozenFields of(JsonNode object, boolean keepNulls) {
    if (object == null || !object.isObject()) {
      return EMPTY;
    }
    ArrayMap members = members(object, keepNulls, true);
    return members == null ? EMPTY : new FrozenFields(members.keys, members.values, keepNulls);
  }

  /**
   * Wraps a map that is already a deep unmodifiable copy of plain values, without copying it.
   *
   * @param frozen the deep unmodifiable map
   * @return the map
   */
  public static FrozenFields ofFrozen(Map<String, Object> frozen) {
    return frozen.isEmpty() ? EMPTY : new FrozenFields(frozen);
  }

  /**
   * Whether the vendor's object has been converted (test hook: mapping a response must not convert).
   *
   * @return whether the map has been converted
   */
  public boolean isConverted() {
    return map != null;
  }

  /**
   * Whether object members whose value is JSON {@code null} are kept ({@link #ofKeepingNulls}).
   *
   * @return whether JSON nulls are kept as {@code null} values
   */
  public boolean keepsNulls() {
    return keepNulls;
  }

  /**
   * The member names as {@code keySet().toString()} writes them ({@code [a, b]}), without
   * converting: for {@code Link.toString()}, which shows the names only.
   *
   * @return the names in brackets, comma-separated
   */
  public String keysText() {
    return map != null || keys == null ? converted().keySet().toString() : Arrays.asList(keys).toString();
  }

  private Map<String, Object> converted() {
    Map<String, Object> m = map;
    if (m == null) {
      synchronized (this) {
        m = map;
        if (m == null) {
          for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof JsonNode) {
              values[i] = value((JsonNode) values[i], keepNulls);
            }
          }
          m = new ArrayMap(keys, values);
          map = m;
        }
      }
    }
    return m;
  }

  private static Map<String, Object> object(JsonNode object, boolean keepNulls) {
    ArrayMap members = members(object, keepNulls, false);
    return members == null ? Map.of() : members;
  }

  /**
   * The object's members as an array-backed map, JSON nulls dropped unless {@code keepNulls};
   * containers kept as their nodes when {@code nodesForContainers}, converted otherwise. Null when
   * no member remains.
   */
  private static ArrayMap members(JsonNode object, boolean keepNulls, boolean nodesForContainers) {
    String[] keys = new String[object.size()];
    Object[] values = new Object[keys.length];
    int n = 0;
    Iterator<Map.Entry<String, JsonNode>> members = object.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      JsonNode value = member.getValue();
      if (keepNulls || !value.isNull()) {
        keys[n] = member.getKey();
        values[n] = nodesForContainers && value.isContainerNode() ? value : value(value, keepNulls);
        n++;
      }
    }
    if (n == 0) {
      return null;
    }
    return n == keys.length ? new ArrayMap(keys, values) : new ArrayMap(Arrays.copyOf(keys, n), Arrays.copyOf(values, n));
  }

  private static Object value(JsonNode value, boolean keepNulls) {
    switch (value.getNodeType()) {
      case STRING:
        return value.textValue();
      case BOOLEAN:
        return value.booleanValue();
      case NUMBER:
        return value.numberValue();
      case NULL:
      case MISSING:
        return null;
      case OBJECT:
        return object(value, keepNulls);
      case ARRAY:
        if (value.isEmpty()) {
          return List.of();
        }
        List<Object> list = new ArrayList<>(value.size());
        for (JsonNode element : value) {
          list.add(value(element, keepNulls));
        }
        return Collections.unmodifiableList(list);
      default:
        // Binary and POJO nodes come only from code, never from a parsed answer: Jackson's conversion.
        return Json.mapper().convertValue(value, Object.class);
    }
  }

  /**
   * An unmodifiable map over two arrays, in their order: a third of a {@code LinkedHashMap}'s
   * memory for a vendor object's few members. Lookups scan the names (Jackson's names are shared
   * instances, so the scan mostly compares references).
   */
  private static final class ArrayMap extends AbstractMap<String, Object> {
    private final String[] keys;
    private final Object[] values;

    ArrayMap(String[] keys, Object[] values) {
      this.keys = keys;
      this.values = values;
    }

    private int indexOf(Object key) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == key) {
          return i;
        }
      }
      if (key != null) {
        for (int i = 0; i < keys.length; i++) {
          if (keys[i].equals(key)) {
            return i;
          }
        }
      }
      return -1;
    }

    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
      return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
      int i = indexOf(key);
      return i < 0 ? null : values[i];
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
              return next < keys.length;
            }

            @Override
            public Entry<String, Object> next() {
              if (next >= keys.length) {
                throw new NoSuchElementException();
              }
              int i = next++;
              return new SimpleImmutableEntry<>(keys[i], values[i]);
            }
          };
        }

        @Override
        public int size() {
          return keys.length;
        }
      };
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return converted().entrySet();
  }

  @Override
  public int size() {
    return converted().size();
  }

  @Override
  public boolean isEmpty() {
    return converted().isEmpty();
  }

  @Override
  public boolean containsKey(Object key) {
    return converted().containsKey(key);
  }

  @Override
  public boolean containsValue(Object value) {
    return converted().containsValue(value);
  }

  @Override
  public Object get(Object key) {
    return converted().get(key);
  }

  @Override
  public Set<String> keySet() {
    return converted().keySet();
  }

  @Override
  public Object getOrDefault(Object key, Object defaultValue) {
    return converted().getOrDefault(key, defaultValue);
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    converted().forEach(action);
  }

  @Override
  public Collection<Object> values() {
    return converted().values();
  }

  @Override
  public Object put(String key, Object value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object remove(Object key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void putAll(Map<? extends String, ?> m) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void clear() {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object putIfAbsent(String key, Object value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean remove(Object key, Object value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean replace(String key, Object oldValue, Object newValue) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object replace(String key, Object value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object computeIfAbsent(String key, Function<? super String, ?> mappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object compute(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> remappingFunction) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || converted().equals(o);
  }

  @Override
  public int hashCode() {
    return converted().hashCode();
  }

  @Override
  public String toString() {
    return converted().toString();
  }
}
