package dev.polylink.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>Until then it holds the vendor's node, read-only (no copy is made; the SDK never changes a
 * response's node once it is mapped), so a caller that never reads the fields never pays for them.
 * The first read of anything (a get, the size, iteration, equality, the hash code, the string)
 * converts the whole object once, under this map's lock, and drops the node; every later read sees
 * the same converted map. Equality and the hash code are {@link Map}'s, on the converted value.
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
  private JsonNode node; // guarded by this; null once converted
  private volatile Map<String, Object> map; // null until converted

  private FrozenFields(JsonNode node, boolean keepNulls) {
    this.node = node;
    this.keepNulls = keepNulls;
  }

  private FrozenFields(Map<String, Object> frozen) {
    this.keepNulls = false;
    this.map = frozen;
  }

  /** {@return the empty map} */
  public static FrozenFields empty() {
    return EMPTY;
  }

  /**
   * The object's members, JSON {@code null}s left out, converted when first read.
   *
   * @param object a JSON object node, kept as it is: the caller must never change it
   * @return the map; empty for {@code null} or a node that is not an object
   */
  public static FrozenFields of(JsonNode object) {
    return object == null || !object.isObject() || object.isEmpty() ? EMPTY : new FrozenFields(object, false);
  }

  /**
   * Like {@link #of}, but an object member whose value is JSON {@code null}, at any depth, is kept
   * as a {@code null} value.
   *
   * @param object a JSON object node, kept as it is: the caller must never change it
   * @return the map; empty for {@code null} or a node that is not an object
   */
  public static FrozenFields ofKeepingNulls(JsonNode object) {
    return object == null || !object.isObject() || object.isEmpty() ? EMPTY : new FrozenFields(object, true);
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
   * Whether the vendor's node has been converted (test hook: mapping a response must not convert).
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

  private Map<String, Object> converted() {
    Map<String, Object> m = map;
    if (m == null) {
      synchronized (this) {
        m = map;
        if (m == null) {
          m = object(node, keepNulls);
          map = m;
          node = null;
        }
      }
    }
    return m;
  }

  private static Map<String, Object> object(JsonNode object, boolean keepNulls) {
    Map<String, Object> copy = new LinkedHashMap<>(capacity(object.size()));
    Iterator<Map.Entry<String, JsonNode>> members = object.fields();
    while (members.hasNext()) {
      Map.Entry<String, JsonNode> member = members.next();
      JsonNode value = member.getValue();
      if (value.isNull()) {
        if (keepNulls) {
          copy.put(member.getKey(), null);
        }
      } else {
        copy.put(member.getKey(), value(value, keepNulls));
      }
    }
    return Collections.unmodifiableMap(copy);
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

  private static int capacity(int size) {
    return size < 3 ? size + 1 : (int) (size / 0.75f) + 1;
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
