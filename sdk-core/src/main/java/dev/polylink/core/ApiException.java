package dev.polylink.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The vendor answered with an error status. The subclass follows the HTTP status even when the body
 * is empty or an HTML page; the vendor's own code, message, request id and the raw body are kept.
 */
public class ApiException extends PolylinkException {
  private static final long serialVersionUID = 1L;

  /**
   * The operation that failed; {@link #operation()}.
   */
  private final Operation operation;
  /**
   * The HTTP status; {@link #statusCode()}.
   */
  private final int statusCode;
  /**
   * The vendor's error code, or null; {@link #errorCode()}.
   */
  private final String errorCode;
  /**
   * The vendor's message, or null; {@link #vendorMessage()}.
   */
  private final String vendorMessage;
  /**
   * The vendor's request id, or null; {@link #requestId()}.
   */
  private final String requestId;
  /**
   * The raw body, within the cap; {@link #responseBody()}.
   */
  private final String responseBody;
  private final transient Object details;
  /**
   * Whether sending the request again may succeed; {@link #retryable()}.
   */
  private final boolean retryable;

  /** The longest vendor message shown in {@link #getMessage()}; {@link #vendorMessage()} has it whole. */
  public static final int MESSAGE_VENDOR_TEXT_LIMIT = 300;

  /**
   * An error answer. Every value the vendor did not send is null ("unknown").
   *
   * @param providerId the provider, e.g. {@code "xqr"}
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param errorCode the vendor's machine-readable code, or null
   * @param vendorMessage the vendor's human-readable message, or null
   * @param requestId the vendor's request id, or null
   * @param details the vendor's structured details as plain Java values, or null
   * @param responseBody the raw body as kept (see {@link #responseBody()}); empty for none
   * @param retryable whether sending the same request again later may succeed
   */
  public ApiException(
      String providerId,
      Operation operation,
      int statusCode,
      String errorCode,
      String vendorMessage,
      String requestId,
      Object details,
      String responseBody,
      boolean retryable) {
    this(providerId, operation, statusCode, errorCode, vendorMessage, requestId, details, responseBody,
        retryable, null);
  }

  /**
   * Like the public constructor, with {@code note} added to the message (for subclasses that say
   * more than the vendor did, such as {@link RedirectException}).
   *
   * @param providerId the provider, e.g. {@code "xqr"}
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param errorCode the vendor's machine-readable code, or null
   * @param vendorMessage the vendor's human-readable message, or null
   * @param requestId the vendor's request id, or null
   * @param details the vendor's structured details as plain Java values, or null
   * @param responseBody the raw body as kept; empty for none
   * @param retryable whether sending the same request again later may succeed
   * @param note what to add to the message after the vendor's message, or null
   */
  protected ApiException(
      String providerId,
      Operation operation,
      int statusCode,
      String errorCode,
      String vendorMessage,
      String requestId,
      Object details,
      String responseBody,
      boolean retryable,
      String note) {
    super(providerId, message(providerId, operation, statusCode, errorCode, vendorMessage, requestId, note));
    this.operation = Objects.requireNonNull(operation, "operation");
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.vendorMessage = vendorMessage;
    this.requestId = requestId;
    this.details = details;
    this.responseBody = Objects.requireNonNull(responseBody, "responseBody");
    this.retryable = retryable;
  }

  /** {@return the operation that failed} */
  public Operation operation() {
    return operation;
  }

  /** {@return the HTTP status the vendor answered with} */
  public int statusCode() {
    return statusCode;
  }

  /** {@return the vendor's machine-readable error code, e.g. {@code SLUG_TAKEN}, where it sends one} */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** {@return the vendor's human-readable message, where it sends one} */
  public Optional<String> vendorMessage() {
    return Optional.ofNullable(vendorMessage);
  }

  /** {@return the vendor's request id (from the body or a header), for support tickets} */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * {@return the vendor's structured details (e.g. SnipURL's validation details) as plain Java
   * values}
   */
  public Optional<Object> details() {
    return Optional.ofNullable(details);
  }

  /**
   * {@return the raw response body as received, up to the first 64 KiB (bytes beyond that are
   * neither read nor kept); empty when there was none}
   */
  public String responseBody() {
    return responseBody;
  }

  /**
   * {@return whether the same request may succeed if sent again later (408, a burst 429, 500, 502,
   * 503, 504)} The client's {@link RetryPolicy} has already retried it where that was safe.
   */
  public boolean retryable() {
    return retryable;
  }

  /**
   * {@code <provider> <operation> failed: HTTP <status> <code>: <vendor message> (request id <id>)},
   * the vendor's message cut to {@link #MESSAGE_VENDOR_TEXT_LIMIT} characters so that a vendor that
   * echoes megabytes does not make a log line of them.
   */
  private static String message(
      String providerId, Operation operation, int statusCode, String errorCode, String vendorMessage,
      String requestId, String note) {
    StringBuilder sb = new StringBuilder();
    sb.append(providerId).append(' ').append(operation.label()).append(" failed: HTTP ").append(statusCode);
    if (errorCode != null) {
      sb.append(' ').append(cut(errorCode, 100));
    }
    if (vendorMessage != null) {
      sb.append(": ").append(cut(vendorMessage, MESSAGE_VENDOR_TEXT_LIMIT));
    }
    if (note != null) {
      sb.append(vendorMessage != null ? "; " : ": ").append(note);
    }
    if (requestId != null) {
      sb.append(" (request id ").append(cut(requestId, 100)).append(')');
    }
    return sb.toString();
  }

  private static String cut(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    return text.substring(0, limit) + "... (" + (text.length() - limit) + " more characters)";
  }
}
