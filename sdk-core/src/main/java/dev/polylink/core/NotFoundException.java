package dev.polylink.core;

import dev.polylink.core.spi.VendorError;

/** HTTP 404: no such link (or it belongs to another account). */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(
      String providerId,
      Operation operation,
      int statusCode,
      VendorError error,
      String responseBody,
      boolean retryable) {
    super(providerId, operation, statusCode, error, responseBody, retryable);
  }
}
