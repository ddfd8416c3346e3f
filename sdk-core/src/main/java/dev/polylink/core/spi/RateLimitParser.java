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

  /**
   * Reads every window a response's headers report, the one {@link #parse} reports first; this is
   * the only read of the headers per response. The default is {@link #parse}'s one window.
   *
   * @param headers the response headers
   * @return the windows, empty when none is reported
   */
  default java.util.List<RateLimitStatus> windows(Headers headers) {
    return parse(headers).filter(s -> !s.isEmpty()).map(java.util.List::of).orElse(java.util.List.of());
  }
}
