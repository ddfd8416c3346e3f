package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import dev.polylink.core.spi.Json;
import dev.polylink.shortpen.ShortpenClient;

/**
 * ShortPen's success envelope {@code {success, status_code, data, message}}. A 2xx answer whose body
 * is not that envelope, or says {@code success: false}, cannot be trusted and is a {@link
 * TransportException}.
 */
final class Envelope {
  private Envelope() {}

  /** {@code data} as an object, for generate, update and delete. */
  static JsonNode dataObject(JsonNode root, Operation operation) {
    JsonNode data = data(root, operation);
    if (!data.isObject()) {
      throw unreadable(operation, "\"data\" is not an object");
    }
    return data;
  }

  /** {@code data} as an array, for list. */
  static JsonNode dataArray(JsonNode root, Operation operation) {
    JsonNode data = data(root, operation);
    if (!data.isArray()) {
      throw unreadable(operation, "\"data\" is not an array");
    }
    return data;
  }

  private static JsonNode data(JsonNode root, Operation operation) {
    if (root == null || !root.isObject()) {
      throw unreadable(operation, "the body is not a JSON object");
    }
    JsonNode success = root.get("success");
    if (success != null && success.isBoolean() && !success.booleanValue()) {
      throw unreadable(operation, "the body says success: false"
          + Json.text(root, "message").filter(m -> !m.isBlank()).map(m -> " (" + m + ")").orElse(""));
    }
    JsonNode data = root.get("data");
    if (data == null || data.isNull()) {
      throw unreadable(operation, "the body has no \"data\"");
    }
    return data;
  }

  /** A TransportException for a 2xx body that does not say what ShortPen documents. */
  static TransportException unreadable(Operation operation, String what) {
    return new TransportException(
        ShortpenClient.PROVIDER_ID, operation, "unexpected response from ShortPen: " + what, null);
  }
}
