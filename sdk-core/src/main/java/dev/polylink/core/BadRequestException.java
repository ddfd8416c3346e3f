package dev.polylink.core;

import dev.polylink.core.spi.VendorError;

/** HTTP 400, 415 or 422: the vendor rejected the request's content. */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  public BadRequestException(
      String providerId,
      Operation operation,
      int statusCode,
      VendorError error,
      String responseBody,
      boolean retryable) {
    super(providerId, operation, statusCode, error, responseBody, retryable);
  }
}
