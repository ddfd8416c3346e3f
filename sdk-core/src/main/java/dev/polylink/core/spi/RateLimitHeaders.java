package dev.polylink.core.spi;

import dev.polylink.core.RateLimitStatus;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/** Reads the common {@code X-RateLimit-*} header family. */
public final class RateLimitHeaders {
  private RateLimitHeaders() {}

  /**
   * Reads {@code <prefix>Limit}, {@code <prefix>Remaining} and, when given, {@code <prefix>Reset}
   * (Unix seconds) for the first prefix that has any of them, e.g. {@code "X-RateLimit-"} then
   * {@code "RateLimit-"}. Unreadable values are ignored.
   *
   * @param headers the response headers
   * @param window the window the vendor documents, e.g. {@code "minute"}
   * @param prefixes the header name prefixes to try, in order
   * @return the state the headers report, or empty when they report none
   */
  public static Optional<RateLimitStatus> read(Headers headers, String window, String... prefixes) {
    for (String prefix : prefixes) {
      RateLimitStatus.Builder status = RateLimitStatus.builder();
      boolean any = false;
      Optional<Long> limit = number(headers.get(prefix + "Limit"));
      Optional<Long> remaining = number(headers.get(prefix + "Remaining"));
      Optional<Long> reset = number(headers.get(prefix + "Reset"));
      if (limit.isPresent()) {
        status.limit(limit.get());
        any = true;
      }
      if (remaining.isPresent()) {
        status.remaining(remaining.get());
        any = true;
      }
      if (reset.isPresent()) {
        status.resetAt(Instant.ofEpochSecond(reset.get()));
        any = true;
      }
      if (any) {
        if (window != null) {
          status.window(window);
        }
        return Optional.of(status.build());
      }
    }
    return Optional.empty();
  }

  /**
   * {@return A non-negative whole number, or empty}
   *
   * @param value a header value, or {@code null}
   */
  public static Optional<Long> number(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      long parsed = Long.parseLong(value.strip());
      return parsed < 0 ? Optional.empty() : Optional.of(parsed);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
