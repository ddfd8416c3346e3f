package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.ErrorDecoder;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.VendorError;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Reads SnipURL's error body {@code {"success": false, "error": {"code", "message", "details?"}}}:
 * the code ({@code UNAUTHORIZED}, {@code KEY_EXPIRED}, {@code FORBIDDEN}, {@code VALIDATION_ERROR},
 * {@code BAD_REQUEST}, {@code CONFLICT}, {@code NOT_FOUND}, {@code RATE_LIMIT_EXCEEDED}), the
 * message and the details as plain Java values (zod-formatted for {@code VALIDATION_ERROR}, {@code
 * {limit, window, retry_after}} for {@code RATE_LIMIT_EXCEEDED}). Core picks the exception type from
 * the status, which SnipURL sets consistently with the code.
 *
 * <p>{@code details.retry_after} (seconds) is the body's wait; the {@code Retry-After} header wins
 * when both are sent. SnipURL's windows (a minute, an hour) are both burst limits, never a
 * quota: whether to wait is left to {@code RetryPolicy.maxRetryAfter}. SnipURL sends no request id.
 * On a 429 naming its window, the rate-limit state with that window goes into {@link
 * VendorError#rateLimit()}, which core records as the client's last rate limit. A body that is not
 * SnipURL's error JSON yields {@link VendorError#none()}; anything that throws here is caught by
 * core, which then keeps the status and the raw body.
 */
final class SnipurlErrorDecoder implements ErrorDecoder {
  static final SnipurlErrorDecoder INSTANCE = new SnipurlErrorDecoder();

  private SnipurlErrorDecoder() {}

  /** Reads the headers' window itself; the client calls the overload with the windows it read. */
  @Override
  public VendorError decode(int statusCode, Headers headers, String body) {
    return decode(statusCode, headers, body, SnipurlRateLimits.INSTANCE.windows(headers));
  }

  @Override
  public VendorError decode(int statusCode, Headers headers, String body, java.util.List<RateLimitStatus> rateLimits) {
    Optional<JsonNode> error =
        Json.tryParse(body).map(root -> root.get("error")).filter(JsonNode::isObject);
    if (error.isEmpty()) {
      return VendorError.none();
    }
    JsonNode details = error.get().get("details");
    boolean hasDetails = details != null && !details.isNull();
    VendorError.Builder vendorError = VendorError.builder()
        .errorCode(Json.text(error.get(), "code").orElse(null))
        .message(Json.text(error.get(), "message").orElse(null))
        .details(hasDetails ? Json.mapper().convertValue(details, Object.class) : null);
    if (hasDetails && details.isObject()) {
      JsonNode retryAfter = details.get("retry_after");
      if (retryAfter != null && retryAfter.isIntegralNumber() && retryAfter.longValue() >= 0) {
        vendorError.retryAfter(Duration.ofSeconds(retryAfter.longValue()));
      }
      if (statusCode == 429) {
        vendorError.rateLimit(window(rateLimits, details).orElse(null));
      }
    }
    return vendorError.build();
  }

  /** Rate-limit state is informational: a failure here must not hide the vendor's error. */
  private static Optional<RateLimitStatus> window(java.util.List<RateLimitStatus> rateLimits, JsonNode details) {
    try {
      return SnipurlRateLimits.INSTANCE.afterRateLimitError(rateLimits, details);
    } catch (RuntimeException e) {
      return Optional.empty(); // keep the error as decoded so far
    }
  }
}
