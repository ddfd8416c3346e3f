package dev.polylink.core;

import dev.polylink.core.spi.VendorError;

/** HTTP 410: the link exists but is disabled or expired. */
public class GoneException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param operation the operation that was attempted
   * @param statusCode the HTTP status of the response
   * @param error what the vendor's error body says
   * @param responseBody the raw response body, within the cap; never a secret
   * @param retryable whether sending the same request again may succeed
   */
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
