package dev.polylink.core;

import dev.polylink.core.spi.VendorError;

/** HTTP 409: the request conflicts with existing state, typically a slug that is taken. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  public ConflictException(
      String providerId,
      Operation operation,
      int statusCode,
      VendorError error,
      String responseBody,
      boolean retryable) {
    super(providerId, operation, statusCode, error, responseBody, retryable);
  }
}
