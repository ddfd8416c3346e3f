package dev.polylink.core.spi;

import dev.polylink.core.RateLimitStatus;
import java.util.Optional;
import okhttp3.Headers;

/** Reads rate-limit headers from every response, success or error. Must not throw. */
@FunctionalInterface
public interface RateLimitParser {
  /** For vendors that send no rate-limit headers. */
  RateLimitParser NONE = headers -> Optional.empty();

  /**
   * Reads a response's rate-limit headers.
   *
   * @param headers the response headers
   * @return the state they report, or empty when they report none
   */
  Optional<RateLimitStatus> parse(Headers headers);
}
