package dev.polylink.core;

/** HTTP 410: the link exists but is disabled or expired. */
public class GoneException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** An answer with this status; see {@link ApiException} for the values (null: unknown). */
  public GoneException(
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
