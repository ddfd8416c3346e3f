package dev.polylink.core;

/** HTTP 409: the request conflicts with existing state, typically a slug that is taken. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** An answer with this status; see {@link ApiException} for the values (null: unknown). */
  public ConflictException(
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
