package dev.polylink.core;

/** HTTP 5xx: the vendor failed; GET, PUT, PATCH and DELETE were retried per the RetryPolicy. */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** A 5xx answer; see {@link ApiException} for the values (null: unknown). */
  public ServerException(
      String providerId,
      Operation operation,
      int statusCode,
      String errorCode,
      String vendorMessage,
      String requestId,
      Object details,
      String responseBody,
      boolean retryable) {
    super(providerId, operation, statusCode, errorCode, vendorMessage, requestId, details, responseBody, retryable);
  }
}
