package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lenient reads of ShortPen's JSON values. Its documentation gives types but few samples, so a
 * number may arrive as a string and a boolean as {@code 0}/{@code 1}; anything else is "not said".
 */
final class Nodes {
  private Nodes() {}

  /** A whole number given as a JSON integer or a string of digits. */
  static OptionalLong wholeNumber(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null) {
      return OptionalLong.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return OptionalLong.of(value.longValue());
    }
    if (value.isTextual()) {
      String text = value.textValue().strip();
      if (!text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return OptionalLong.of(Long.parseLong(text));
      }
    }
    return OptionalLong.empty();
  }

  /** A boolean given as JSON {@code true}/{@code false}, {@code 1}/{@code 0}, or those as strings. */
  static Optional<Boolean> bool(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBoolean()) {
      return Optional.of(value.booleanValue());
    }
    if (value.isIntegralNumber()) {
      long n = value.longValue();
      return n == 0 || n == 1 ? Optional.of(n == 1) : Optional.empty();
    }
    if (value.isTextual()) {
      switch (value.textValue().strip().toLowerCase(Locale.ROOT)) {
        case "true":
        case "1":
          return Optional.of(true);
        case "false":
        case "0":
          return Optional.of(false);
        default:
          return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
