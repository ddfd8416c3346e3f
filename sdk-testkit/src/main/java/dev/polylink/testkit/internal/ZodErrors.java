package dev.polylink.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation messages per field, rendered as zod's {@code error.format()} renders them, which is
 * what SnipURL puts in {@code error.details}: {@code {"_errors":[], "url":{"_errors":["..."]}}}.
 */
final class ZodErrors {
  private final Map<String, List<String>> byField = new LinkedHashMap<>();

  /** Records a message for {@code field}. */
  void add(String field, String message) {
    byField.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
  }

  boolean isEmpty() {
    return byField.isEmpty();
  }

  /** The zod {@code format()} tree. */
  Map<String, Object> format() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("_errors", List.of());
    byField.forEach((field, messages) -> out.put(field, Map.of("_errors", List.copyOf(messages))));
    return out;
  }

  /** zod's message for a value of the wrong type. */
  static String expected(String type, Object received) {
    return "Expected " + type + ", received " + Values.jsonType(received);
  }
}
