package dev.polylink.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.internal.FrozenFields;
import java.util.Map;

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
}
