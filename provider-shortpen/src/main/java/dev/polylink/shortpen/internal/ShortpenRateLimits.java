package dev.polylink.shortpen.internal;

import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.RateLimitHeaders;
import dev.polylink.core.spi.RateLimitParser;
import java.util.Optional;
import okhttp3.Headers;

/**
 * ShortPen's rate-limit signals. ShortPen documents 60 requests a minute per token but no
 * rate-limit headers; should it send the common {@code X-RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset} family, it is read, with no window name (ShortPen names none).
 */
final class ShortpenRateLimits implements RateLimitParser {
  static final ShortpenRateLimits INSTANCE = new ShortpenRateLimits();

  private ShortpenRateLimits() {}

  @Override
  public Optional<RateLimitStatus> parse(Headers headers) {
    return RateLimitHeaders.read(headers, null, "X-RateLimit-");
  }
}
