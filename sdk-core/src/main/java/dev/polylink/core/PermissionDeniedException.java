package dev.polylink.core;

import dev.polylink.core.spi.VendorError;

/** HTTP 403: the key lacks a scope, or the plan does not allow the operation. */
public class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(
      String providerId,
      Operation operation,
      int statusCode,
      VendorError error,
      String responseBody,
      boolean retryable) {
    super(providerId, operation, statusCode, error, responseBody, retryable);
  }
}
