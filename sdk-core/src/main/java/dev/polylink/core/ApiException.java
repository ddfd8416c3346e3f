package dev.polylink.core;

import dev.polylink.core.spi.VendorError;
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

  /**
   * Creates the exception.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param operation the operation that was attempted
   * @param statusCode the HTTP status of the response
   * @param error what the vendor's error body says
   * @param responseBody the raw response body, within the cap; never a secret
   * @param retryable whether sending the same request again may succeed
   */
  public ApiException(
      String providerId,
      Operation operation,
      int statusCode,
      VendorError error,
      String responseBody,
      boolean retryable) {
    super(providerId, message(providerId, operation, statusCode, error));
    this.operation = Objects.requireNonNull(operation, "operation");
    this.statusCode = statusCode;
    this.errorCode = error.errorCode().orElse(null);
    this.vendorMessage = error.message().orElse(null);
    this.requestId = error.requestId().orElse(null);
    this.details = error.details().orElse(null);
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

  /** {@return the raw response body exactly as received; empty when there was none} */
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

  private static String message(
      String providerId, Operation operation, int statusCode, VendorError error) {
    StringBuilder sb = new StringBuilder();
    sb.append(providerId).append(' ').append(operation.label()).append(" failed: HTTP ").append(statusCode);
    error.errorCode().ifPresent(c -> sb.append(' ').append(c));
    error.message().ifPresent(m -> sb.append(": ").append(m));
    error.requestId().ifPresent(r -> sb.append(" (request id ").append(r).append(')'));
    return sb.toString();
  }
}
