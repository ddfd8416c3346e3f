package dev.polylink.core;

/** HTTP 401: the API key or credentials are missing, wrong, revoked or expired. */
public class AuthenticationException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** An answer with this status; see {@link ApiException} for the values (null: unknown). */
  public AuthenticationException(
      String providerId,
      Operation operation,
      int statusCode,
      String errorCode,
      String vendorMessage,
      String requestId,
      Object details,
      String responseBody) {
    super(providerId, operation, statusCode, errorCode, vendorMessage, requestId, details, responseBody, false);
  }
}
