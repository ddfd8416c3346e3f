package dev.polylink.core;

/** HTTP 5xx: the vendor failed; GET, PUT, PATCH and DELETE were retried per the RetryPolicy. */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * A 5xx answer; a value the vendor did not send is null (unknown).
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
   */
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
