package dev.polylink.core;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429. Either a short burst limit ({@link #quotaExhausted()} false: retried per the {@link
 * RetryPolicy}, honouring {@code Retry-After}) or a quota that will not refill soon, such as a
 * monthly or feature quota ({@link #quotaExhausted()} true: never retried).
 */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * How long the vendor asked to wait, or null; {@link #retryAfter()}.
   */
  private final Duration retryAfter;
  /**
   * Whether a quota is used up; {@link #quotaExhausted()}.
   */
  private final boolean quotaExhausted;

  /**
   * A 429; a value the vendor did not send is null (unknown).
   *
   * @param providerId the provider, e.g. {@code "xqr"}
   * @param operation the operation that failed
   * @param statusCode the HTTP status
   * @param errorCode the vendor's machine-readable code, or null
   * @param vendorMessage the vendor's human-readable message, or null
   * @param requestId the vendor's request id, or null
   * @param details the vendor's structured details as plain Java values, or null
   * @param responseBody the raw body as kept; empty for none
   * @param retryAfter the wait the vendor asked for, or null
   * @param quotaExhausted true for a quota that will not refill soon (never retried)
   */
  public RateLimitException(
      String providerId,
      Operation operation,
      int statusCode,
      String errorCode,
      String vendorMessage,
      String requestId,
      Object details,
      String responseBody,
      Duration retryAfter,
      boolean quotaExhausted) {
    super(providerId, operation, statusCode, errorCode, vendorMessage, requestId, details, responseBody,
        !quotaExhausted);
    this.retryAfter = retryAfter;
    this.quotaExhausted = quotaExhausted;
  }

  /** {@return how long the vendor asked to wait ({@code Retry-After}), where it said} */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** {@return true for a monthly or feature quota that retrying will not fix} */
  public boolean quotaExhausted() {
    return quotaExhausted;
  }
}
