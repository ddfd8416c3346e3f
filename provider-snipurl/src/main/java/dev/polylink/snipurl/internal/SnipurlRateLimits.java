package dev.polylink.snipurl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.RateLimitHeaders;
import dev.polylink.core.spi.RateLimitParser;
import java.util.Optional;
import okhttp3.Headers;

/**
 * SnipURL's rate-limit signals. Every response carries {@code X-RateLimit-Limit}, {@code
 * X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (Unix seconds); a later server version sends
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset} without the {@code X-}, so both spellings
 * are read, the {@code X-} one first. The headers do not name their window (the limit is that of
 * the window in force: per minute normally, the exceeded one on a 429), so the window stays empty
 * unless a 429's {@code details.window} names it ({@code "1m"} or {@code "1h"}).
 */
final class SnipurlRateLimits implements RateLimitParser {
  static final SnipurlRateLimits INSTANCE = new SnipurlRateLimits();

  private SnipurlRateLimits() {}

  /** The headers of any response; empty when it has none. */
  @Override
  public Optional<RateLimitStatus> parse(Headers headers) {
    return RateLimitHeaders.read(headers, null, "X-RateLimit-", "RateLimit-");
  }

  /**
   * The state a 429 reports: the headers' window (as the client read it, once per response) plus
   * the window its {@code details} name, and {@code details.limit} when no header gave the limit.
   * Empty when the details name no window, since the headers alone were already recorded.
   */
  Optional<RateLimitStatus> afterRateLimitError(java.util.List<RateLimitStatus> headerWindows, JsonNode details) {
    Optional<String> window = Json.text(details, "window").filter(w -> !w.isBlank());
    if (window.isEmpty()) {
      return Optional.empty();
    }
    RateLimitStatus.Builder status = headerWindows.isEmpty()
        ? RateLimitStatus.builder() : headerWindows.get(0).toBuilder();
    RateLimitStatus fromHeaders = status.build();
    JsonNode limit = details.get("limit");
    if (fromHeaders.limit().isEmpty() && limit != null && limit.isIntegralNumber() && limit.longValue() >= 0) {
      status.limit(limit.longValue());
    }
    return Optional.of(status.window(window.get()).build());
  }
}
