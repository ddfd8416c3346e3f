package dev.polylink.carrierx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.ErrorDecoder;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.VendorError;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;

/**
 * Reads CarrierX error answers. Their JSON shape is not documented: the documentation lists only
 * status codes and messages ("Bad credentials", "Cannot find item by SID", "Object validation
 * error", ...), and CarrierX's own SDK reads an {@code errors} key from 400 answers. So the decoder
 * takes the message from a top-level {@code message} string and/or an {@code errors} value (a
 * string, or a list of strings or of objects with {@code field} and {@code message}), keeps {@code
 * errors} as the exception's details, and reads no error code or request id, which CarrierX does
 * not document. A body that is not a JSON object yields {@link VendorError#none()}; core keeps the
 * raw body and chooses the exception type by status. CarrierX documents no quotas: a 429 is never
 * treated as an exhausted quota.
 */
final class CarrierxErrorDecoder implements ErrorDecoder {
  static final CarrierxErrorDecoder INSTANCE = new CarrierxErrorDecoder();

  /** How many entries of {@code errors} go into the message; details keep them all. */
  private static final int MAX_LISTED = 10;

  private CarrierxErrorDecoder() {}

  @Override
  public VendorError decode(int statusCode, Headers headers, String body) {
    JsonNode root = Json.tryParse(body).orElse(null);
    if (root == null || !root.isObject()) {
      return VendorError.none();
    }
    String message = Json.text(root, "message").filter(m -> !m.isBlank()).orElse(null);
    JsonNode errors = root.get("errors");
    String listed = describe(errors);
    String combined =
        message == null ? listed : listed == null || listed.equals(message) ? message : message + ": " + listed;
    Object details =
        errors == null || errors.isNull() || !errors.isContainerNode() || errors.isEmpty()
            ? null
            : Json.mapper().convertValue(errors, Object.class);
    return VendorError.builder().message(combined).details(details).build();
  }

  private static String describe(JsonNode errors) {
    if (errors == null || errors.isNull()) {
      return null;
    }
    if (errors.isValueNode()) {
      String text = errors.asText();
      return text.isBlank() ? null : text;
    }
    List<String> parts = new ArrayList<>();
    if (errors.isArray()) {
      for (JsonNode error : errors) {
        if (parts.size() == MAX_LISTED) {
          parts.add("... (" + (errors.size() - MAX_LISTED) + " more)");
          break;
        }
        String part = entry(null, error);
        if (part != null) {
          parts.add(part);
        }
      }
    } else {
      for (java.util.Map.Entry<String, JsonNode> e : errors.properties()) {
        if (parts.size() == MAX_LISTED) {
          parts.add("... (" + (errors.size() - MAX_LISTED) + " more)");
          break;
        }
        String part = entry(e.getKey(), e.getValue());
        if (part != null) {
          parts.add(part);
        }
      }
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  /** One error: "field: message", "message", or the value as compact JSON. */
  private static String entry(String key, JsonNode error) {
    if (error == null || error.isNull()) {
      return null;
    }
    String text;
    String field = key;
    if (error.isObject()) {
      text = Json.text(error, "message").orElse(null);
      if (field == null) {
        field = Json.text(error, "field").orElse(null);
      }
      if (text == null) {
        text = error.toString();
      }
    } else if (error.isArray()) {
      List<String> items = new ArrayList<>();
      error.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
      text = String.join(", ", items);
    } else {
      text = error.asText();
    }
    if (text == null || text.isBlank()) {
      return null;
    }
    return field == null || field.isBlank() ? text : field + ": " + text;
  }
}
