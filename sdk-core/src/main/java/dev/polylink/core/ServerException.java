package dev.polylink.core;

import dev.polylink.core.spi.VendorError;

/** HTTP 5xx: the vendor failed; GET, PUT, PATCH and DELETE were retried per the RetryPolicy. */
public class ServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ServerException(
      String providerId,
      Operation operation,
      int statusCode,
      VendorError error,
      String responseBody,
      boolean retryable) {
    super(providerId, operation, statusCode, error, responseBody, retryable);
  }
}
