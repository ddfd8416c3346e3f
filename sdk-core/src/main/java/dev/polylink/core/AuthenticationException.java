package dev.polylink.core;

import dev.polylink.core.spi.VendorError;

/** HTTP 401: the API key or credentials are missing, wrong, revoked or expired. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(
      String providerId,
      Operation operation,
      int statusCode,
      VendorError error,
      String responseBody,
      boolean retryable) {
    super(providerId, operation, statusCode, error, responseBody, retryable);
  }
}
