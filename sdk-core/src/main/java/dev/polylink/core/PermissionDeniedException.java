package dev.polylink.core;

/** HTTP 403: the key lacks a scope, or the plan does not allow the operation. */
public class PermissionDeniedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** An answer with this status; see {@link ApiException} for the values (null: unknown). */
  public PermissionDeniedException(
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
