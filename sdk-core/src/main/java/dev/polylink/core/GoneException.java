package dev.polylink.core;

import dev.polylink.core.spi.VendorError;

/** HTTP 410: the link exists but is disabled or expired. */
public class GoneException extends ApiException {
  private static final long serialVersionUID = 1L;

  public GoneException(
      String providerId,
      Operation operation,
      int statusCode,
      VendorError error,
      String responseBody,
      boolean retryable) {
    super(providerId, operation, statusCode, error, responseBody, retryable);
  }
}
