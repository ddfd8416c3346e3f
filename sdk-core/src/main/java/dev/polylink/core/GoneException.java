package dev.polylink.core;

/** HTTP 410: the link exists but is disabled or expired. */
public class GoneException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * An answer with this status; a value the vendor did not send is null (unknown).
   *
   * @param providerId the provider, e.g. {@code "xqr"}
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param errorCode the vendor's machine-readable code, or null
   * @param vendorMessage the vendor's human-readable message, or null
   * @param requestId the vendor's request id, or null
   * @param details the vendor's structured details as plain Java values, or null
   * @param responseBody the raw body as kept; empty for none
   */
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
