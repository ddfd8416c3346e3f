package dev.polylink.core.spi;

import dev.polylink.core.RateLimitStatus;
import java.util.Optional;
import okhttp3.Headers;

/** Reads rate-limit headers from every response, success or error. Must not throw. */
@FunctionalInterface
public interface RateLimitParser {
  /** For vendors that send no rate-limit headers. */
  RateLimitParser NONE = headers -> Optional.empty();

  Optional<RateLimitStatus> parse(Headers headers);
}
