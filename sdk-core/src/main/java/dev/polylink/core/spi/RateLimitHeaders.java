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
      String[] names = names(prefix);
      long limit = whole(headers.get(names[0]));
      long remaining = whole(headers.get(names[1]));
      long reset = whole(headers.get(names[2]));
      if (limit < 0 && remaining < 0 && reset < 0) {
        continue;
      }
      RateLimitStatus.Builder status = RateLimitStatus.builder();
      if (limit >= 0) {
        status.limit(limit);
      }
      if (remaining >= 0) {
        status.remaining(remaining);
      }
      if (reset >= 0) {
        status.resetAt(Instant.ofEpochSecond(reset));
      }
      if (window != null) {
        status.window(window);
      }
      return Optional.of(status.build());
    }
    return Optional.empty();
  }

  /** The header names of each prefix seen, made once (a provider reads one or two prefixes per response). */
  private static final java.util.concurrent.ConcurrentMap<String, String[]> NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** At most this many prefixes are kept; others' names are made per call. */
  private static final int MAX_PREFIXES = 64;

  private static String[] names(String prefix) {
    String[] names = NAMES.get(prefix);
    if (names == null) {
      names = new String[] {prefix + "Limit", prefix + "Remaining", prefix + "Reset"};
      if (NAMES.size() < MAX_PREFIXES) {
        NAMES.putIfAbsent(prefix, names);
      }
    }
    return names;
  }

  /** {@link #number} without the box: the value, or -1 for none. */
  private static long whole(String value) {
    if (value == null) {
      return -1;
    }
    try {
      long parsed = Long.parseLong(value.strip());
      return parsed < 0 ? -1 : parsed;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * {@return A non-negative whole number, or empty}
   *
   * @param value a header value, or {@code null}
   */
  public static Optional<Long> number(String value) {
    long parsed = whole(value);
    return parsed < 0 ? Optional.empty() : Optional.of(parsed);
  }
}
