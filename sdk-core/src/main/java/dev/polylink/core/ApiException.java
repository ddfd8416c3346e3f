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

  private final Operation operation;
  private final int statusCode;
  private final String errorCode;
  private final String vendorMessage;
  private final String requestId;
  private final String responseBody;
  private final transient Object details;
  private final boolean retryable;

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

  /** The operation that failed. */
  public Operation operation() {
    return operation;
  }

  /** The HTTP status the vendor answered with. */
  public int statusCode() {
    return statusCode;
  }

  /** The vendor's machine-readable error code, e.g. {@code SLUG_TAKEN}, where it sends one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The vendor's human-readable message, where it sends one. */
  public Optional<String> vendorMessage() {
    return Optional.ofNullable(vendorMessage);
  }

  /** The vendor's request id (from the body or a header), for support tickets. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The vendor's structured details (e.g. SnipURL's validation details) as plain Java values. */
  public Optional<Object> details() {
    return Optional.ofNullable(details);
  }

  /** The raw response body exactly as received; empty when there was none. */
  public String responseBody() {
    return responseBody;
  }

  /**
   * Whether the same request may succeed if sent again later (408, a burst 429, 500, 502, 503,
   * 504). The client's {@link RetryPolicy} has already retried it where that was safe.
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
