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
  private final Map<List<String>, List<String>> byPath = new LinkedHashMap<>();

  /** Records a message for {@code field}. */
  void add(String field, String message) {
    add(List.of(field), message);
  }

  /**
   * Records a message for a nested field, e.g. {@code [links, 0, url]}: zod's {@code format()}
   * nests it as {@code {"links":{"_errors":[],"0":{"_errors":[],"url":{"_errors":["..."]}}}}}.
   */
  void add(List<String> path, String message) {
    byPath.computeIfAbsent(List.copyOf(path), k -> new ArrayList<>()).add(message);
  }

  boolean isEmpty() {
    return byPath.isEmpty();
  }

  /** The zod {@code format()} tree. */
  Map<String, Object> format() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("_errors", new ArrayList<String>());
    byPath.forEach((path, messages) -> {
      Map<String, Object> node = out;
      for (String segment : path) {
        node = child(node, segment);
      }
      errorsOf(node).addAll(messages);
    });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> node, String segment) {
    return (Map<String, Object>) node.computeIfAbsent(segment, k -> {
      Map<String, Object> created = new LinkedHashMap<>();
      created.put("_errors", new ArrayList<String>());
      return created;
    });
  }

  @SuppressWarnings("unchecked")
  private static List<String> errorsOf(Map<String, Object> node) {
    return (List<String>) node.get("_errors");
  }

  /** zod's message for a value of the wrong type. */
  static String expected(String type, Object received) {
    return "Expected " + type + ", received " + Values.jsonType(received);
  }
}
