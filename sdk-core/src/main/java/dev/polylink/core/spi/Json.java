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
import java.util.Map;
import java.util.Optional;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The one Jackson configuration every provider shares: java.time as ISO-8601 strings, unknown
 * properties ignored, absent values never written (null and empty {@code Optional} properties are
 * left out; {@code JsonNullable.of(null)} is written as an explicit {@code null}, for tri-state
 * patches).
 *
 * <p>The rule applies to the values of a {@code Map} too: a {@code null} map value is left out, so
 * {@code map.put("title", null)} sends nothing. To send an explicit {@code null} (a vendor's
 * "remove"), use a {@code JsonNullable} property or an {@code ObjectNode} with {@code putNull}. Do not
 * put {@code Optional} values into a {@code Map<String, Object>}: there an empty one is written as
 * {@code null}.
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

  /** The shared mapper. Do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses a body leniently: empty when it is not JSON. */
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

  /** A JSON object as plain Java values (String, Boolean, Number, List, Map), for providerFields. */
  public static Map<String, Object> toPlainMap(JsonNode object) {
    return MAPPER.convertValue(object, PLAIN_MAP);
  }

  /** A text field of an object node, when present and not null. */
  public static Optional<String> text(JsonNode node, String field) {
    if (node == null) {
      return Optional.empty();
    }
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode()
        ? Optional.empty()
        : Optional.of(value.asText());
  }
}
