package dev.polylink.core;

import dev.polylink.core.spi.VendorError;
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
   * Creates the exception.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @param operation the operation that was attempted
   * @param statusCode the HTTP status of the response
   * @param error what the vendor's error body says
   * @param responseBody the raw response body, within the cap; never a secret
   * @param retryAfter how long the vendor asked to wait, or {@code null} when it did not say
   */
  public RateLimitException(
      String providerId,
      Operation operation,
      int statusCode,
      VendorError error,
      String responseBody,
      Duration retryAfter) {
    super(providerId, operation, statusCode, error, responseBody, !error.quotaExhausted());
    this.retryAfter = retryAfter;
    this.quotaExhausted = error.quotaExhausted();
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
