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
      // One pass over the headers per prefix instead of three lookups (each a scan comparing
      // names case-insensitively); as Headers.get, the last of repeated values counts.
      String limitText = null;
      String remainingText = null;
      String resetText = null;
      int p = prefix.length();
      for (int i = 0, n = headers.size(); i < n; i++) {
        String name = headers.name(i);
        int suffix = name.length() - p;
        if (suffix < 5 || suffix > 9 || !named(name, 0, prefix)) {
          continue; // 5 to 9: the lengths of "Limit", "Reset" and "Remaining"
        }
        if (suffix == 9) {
          if (named(name, p, "Remaining")) {
            remainingText = headers.value(i);
          }
        } else if (suffix == 5) {
          if (named(name, p, "Limit")) {
            limitText = headers.value(i);
          } else if (named(name, p, "Reset")) {
            resetText = headers.value(i);
          }
        }
      }
      long limit = whole(limitText);
      long remaining = whole(remainingText);
      long reset = whole(resetText);
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

  /**
   * Whether {@code name} has {@code part} at {@code offset}, ignoring case as header names do, in
   * one pass folding ASCII letters only: HTTP/2 sends every name in lower case and some servers
   * (the JDK's among them) capitalize only the first letter, so a comparison that tries the
   * vendor's spelling first and then {@code regionMatches(true, ...)} (which folds through {@code
   * Character}) ran twice on most responses. Header names are ASCII (OkHttp accepts no other), and
   * two characters differing in bit 5 alone are the same letter only when the part's is a letter.
   */
  static boolean named(String name, int offset, String part) {
    for (int i = 0, n = part.length(); i < n; i++) {
      char c = name.charAt(offset + i);
      char p = part.charAt(i);
      if (c != p) {
        int lower = p | 0x20;
        if ((c | 0x20) != lower || lower < 'a' || lower > 'z') {
          return false;
        }
      }
    }
    return true;
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
