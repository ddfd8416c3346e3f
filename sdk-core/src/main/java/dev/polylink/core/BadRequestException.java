package dev.polylink.core;

/** HTTP 400, 415 or 422: the vendor rejected the request's content. */
public class BadRequestException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** An answer with this status; see {@link ApiException} for the values (null: unknown). */
  public BadRequestException(
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
