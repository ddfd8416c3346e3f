package dev.polylink.core.spi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import dev.polylink.core.internal.JsonNullableModule;

/**
 * The one Jackson configuration every provider shares: java.time as ISO-8601 strings, unknown
 * properties ignored, absent values never written (null and empty {@code Optional} properties are
 * left out; {@link JsonNullable#of JsonNullable.of(null)} is written as an explicit {@code null}, for tri-state
 * patches).
 *
 * <p>The rule applies to the values of a {@code Map} too: a {@code null} map value is left out, so
 * {@code map.put("title", null)} sends nothing. To send an explicit {@code null} (a vendor's
 * "remove"), use a {@code JsonNullable} property or an {@code ObjectNode} with {@code putNull}. Do not
 * put {@code Optional} values into a {@code Map<String, Object>}: there an empty one is written as
 * {@code null}.
 *
 * <p>The field readers ({@link #text}, {@link #wholeNumber}, {@link #bool}, {@link #instant}) never
 * fail: a missing, {@code null} or unreadable value is empty, so a provider can leave the unified
 * field empty and keep the raw value in {@code providerFields()}. A vendor whose wrong types must
 * fail the call checks the node itself.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(new Jdk8Module())
          .addModule(new JsonNullableModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
          .build();

  private static final TypeReference<Map<String, Object>> PLAIN_MAP = new TypeReference<>() {};

  private Json() {}

  /** {@return the shared mapper} Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a body leniently: empty when it is not JSON.
   *
   * @param body the raw response body
   * @return the parsed tree, or empty when the body is blank or not JSON
   */
  public static Optional<JsonNode> tryParse(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(MAPPER.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * {@return A JSON object as plain Java values (String, Boolean, Number, List, Map), for
   * providerFields}
   *
   * @param object a JSON object node
   */
  public static Map<String, Object> toPlainMap(JsonNode object) {
    return MAPPER.convertValue(object, PLAIN_MAP);
  }

  /**
   * {@return A text field of an object node, when present and not null}
   *
   * @param node a JSON object node, or {@code null}
   * @param field the name of the field in {@code node}
   */
  public static Optional<String> text(JsonNode node, String field) {
    if (node == null) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode()
        ? Optional.empty()
        : Optional.of(value.asText());
  }

  /**
   * {@return A whole number given as a JSON integer that fits a {@code long}, or as a string of 1
   * to 18 ASCII digits (no sign; surrounding whitespace ignored), for vendors whose numbers
   * sometimes arrive quoted} Anything else (a fraction, {@code "12a"}, {@code "-1"}, {@code null},
   * a missing field or a null {@code node}) is empty.
   *
   * @param node a JSON object node, or {@code null}
   * @param field the name of the field in {@code node}
   */
  public static OptionalLong wholeNumber(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
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

  /**
   * {@return A boolean given as JSON {@code true}/{@code false}, as the integer {@code 1}/{@code
   * 0}, or as a string {@code "true"}/{@code "false"}/{@code "1"}/{@code "0"} (case and surrounding
   * whitespace ignored)} Anything else (another number, {@code "yes"}, {@code null}, a missing
   * field or a null {@code node}) is empty.
   *
   * @param node a JSON object node, or {@code null}
   * @param field the name of the field in {@code node}
   */
  public static Optional<Boolean> bool(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isBoolean()) {
      return Optional.of(value.booleanValue());
    }
    if (value.isIntegralNumber()) {
      // canConvertToLong: a huge integer must not wrap round to 0 or 1
      long n = value.canConvertToLong() ? value.longValue() : -1;
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

  /**
   * {@return A string field read leniently as ISO-8601 by {@link IsoTimestamps#parse}, a missing
   * zone taken as UTC} A number (such as Unix seconds), {@code null}, a missing field or a null
   * {@code node} is empty.
   *
   * @param node a JSON object node, or {@code null}
   * @param field the name of the field in {@code node}
   */
  public static Optional<Instant> instant(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isTextual() ? IsoTimestamps.parse(value.textValue()) : Optional.empty();
  }
}
