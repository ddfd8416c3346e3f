package dev.polylink.core.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;

/**
 * Reads a vendor's success envelope, {@code {"success"?: true, "data": ..., ...}}, and raises the one
 * error for a 2xx answer that does not say what the vendor documents: a {@link TransportException}
 * ("unexpected response: ..."), never a guess. A body that is not a JSON object, says {@code
 * "success": false}, or has no {@code data} is unreadable.
 */
public final class Envelope {
  private Envelope() {}

  /**
   * {@code data} as an object (one link, a delete count).
   *
   * @param providerId who reads (for the exception)
   * @param operation the operation that read it (for the exception)
   * @param root the parsed 2xx body
   * @return {@code data}
   * @throws TransportException when the body is not the envelope or {@code data} is not an object
   */
  public static JsonNode dataObject(String providerId, Operation operation, JsonNode root) {
    JsonNode data = data(providerId, operation, root);
    if (!data.isObject()) {
      throw unreadable(providerId, operation, "\"data\" is not an object");
    }
    return data;
  }

  /**
   * {@code data} as an array (a page of links).
   *
   * @param providerId who reads (for the exception)
   * @param operation the operation that read it (for the exception)
   * @param root the parsed 2xx body
   * @return {@code data}
   * @throws TransportException when the body is not the envelope or {@code data} is not an array
   */
  public static JsonNode dataArray(String providerId, Operation operation, JsonNode root) {
    JsonNode data = data(providerId, operation, root);
    if (!data.isArray()) {
      throw unreadable(providerId, operation, "\"data\" is not an array");
    }
    return data;
  }

  /**
   * The root object of a 2xx body, for a vendor whose list answers put the paging fields beside
   * {@code data} or whose bodies have no envelope.
   *
   * @param providerId who reads (for the exception)
   * @param operation the operation that read it (for the exception)
   * @param root the parsed 2xx body
   * @return the root object
   * @throws TransportException when the body is not a JSON object
   */
  public static JsonNode root(String providerId, Operation operation, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw unreadable(providerId, operation, "the body is not a JSON object");
    }
    return root;
  }

  private static JsonNode data(String providerId, Operation operation, JsonNode body) {
    JsonNode root = root(providerId, operation, body);
    JsonNode success = root.get("success");
    if (success != null && success.isBoolean() && !success.booleanValue()) {
      throw unreadable(providerId, operation, "the body says success: false"
          + Json.text(root, "message").filter(m -> !m.isBlank()).map(m -> " (" + m + ")").orElse(""));
    }
    JsonNode data = root.get("data");
    if (data == null || data.isNull()) {
      throw unreadable(providerId, operation, "the body has no \"data\"");
    }
    return data;
  }

  /**
   * The error for a 2xx answer that is not what the vendor documents.
   *
   * @param providerId who reads (for the exception)
   * @param operation the operation that read it
   * @param what what is wrong with the answer
   * @return a {@link TransportException} ("unexpected response: " + what), to throw
   */
  public static TransportException unreadable(String providerId, Operation operation, String what) {
    return new TransportException(providerId, operation, "unexpected response: " + what, null);
  }
}
