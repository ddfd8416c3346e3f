package dev.polylink.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The test kit's one {@link ObjectMapper}, and conversions between JSON text and plain Java values. */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** Renders plain values (maps, lists, strings, numbers, booleans, null) as JSON text. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a JSON object into plain values; empty when the text is not valid JSON or not an object. */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> parseObject(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      Object value = MAPPER.readValue(text, Object.class);
      return value instanceof Map ? Optional.of((Map<String, Object>) value) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code value} written as JSON and read back: plain values exactly as a JSON reader sees them
   * (small whole numbers become {@link Integer}s, for instance).
   */
  public static Object roundTrip(Object value) {
    try {
      return MAPPER.readValue(write(value), Object.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A deep, mutable copy of plain values. */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) value).forEach((k, v) -> copy.put(k, copy(v)));
      return (T) copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<Object>) value).forEach(v -> copy.add(copy(v)));
      return (T) copy;
    }
    return value;
  }

  /** A deep, unmodifiable copy of plain values; keeps the order of map keys and allows nulls. */
  @SuppressWarnings("unchecked")
  public static <T> T freeze(T value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) value).forEach((k, v) -> copy.put(k, freeze(v)));
      return (T) Collections.unmodifiableMap(copy);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<Object>) value).forEach(v -> copy.add(freeze(v)));
      return (T) Collections.unmodifiableList(copy);
    }
    return value;
  }
}
