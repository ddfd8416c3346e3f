package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.RateLimitHeaders;
import dev.polylink.core.spi.RateLimitParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;

/**
 * xQR's rate-limit signals, combined into the one {@link RateLimitStatus} that {@code
 * lastRateLimit()} reports.
 *
 * <p>xQR has two limits: a monthly quota per workspace ({@code X-RateLimit-Limit} / {@code
 * X-RateLimit-Remaining}) and a per-second burst limit per key ({@code X-RateLimit-Burst-Limit} /
 * {@code X-RateLimit-Burst-Remaining}); it documents no reset header. The body's {@code
 * meta.rate_limit} comes in three shapes across its documentation: {@code {limit, remaining, reset}}
 * (Unix seconds), {@code {limit, remaining, burst_limit, burst_remaining}} and {@code {remaining,
 * reset_at}} (ISO-8601). The rules:
 *
 * <ol>
 *   <li>The monthly headers win: the status is their limit and remaining, window {@value #MONTHLY}.
 *   <li>The body fills what the headers lack (chiefly the reset time) only when it describes the
 *       same window, i.e. none of its {@code limit}/{@code remaining} contradicts the headers. The
 *       {@code {limit: 600, ...}} example of the link pages matches no plan's monthly quota, so a
 *       body that disagrees with the headers is ignored rather than mixed in.
 *   <li>Without monthly headers the body alone is used; its window is {@value #MONTHLY} when it
 *       carries {@code burst_*} keys (the error-handling page's shape, whose {@code limit} is the
 *       monthly one) and unnamed otherwise, because xQR does not say which window it describes.
 *   <li>With neither, the burst headers are reported, window {@value #BURST} (per second).
 * </ol>
 *
 * Values are read leniently (numbers or digit strings, non-negative; {@code reset} as Unix seconds
 * or ISO-8601, likewise {@code reset_at}); anything unreadable is ignored, and nothing here ever
 * fails a call.
 */
final class XqrRateLimits implements RateLimitParser {
  static final XqrRateLimits INSTANCE = new XqrRateLimits();

  /** The window name of the monthly quota. */
  static final String MONTHLY = "monthly";
  /** The window name of the per-second burst limit. */
  static final String BURST = "burst";

  private XqrRateLimits() {}

  /** From headers alone, for every response (success or error): monthly, else burst. */
  @Override
  public Optional<RateLimitStatus> parse(Headers headers) {
    Optional<RateLimitStatus> monthly = RateLimitHeaders.read(headers, MONTHLY, "X-RateLimit-");
    return monthly.isPresent() ? monthly : RateLimitHeaders.read(headers, BURST, "X-RateLimit-Burst-");
  }

  /**
   * Both windows the headers report, read once per response: monthly (first), then burst. An
   * unmodifiable list, which the attempt keeps as it is ({@code List.copyOf} copies no such list).
   */
  @Override
  public java.util.List<RateLimitStatus> windows(Headers headers) {
    RateLimitStatus monthly = RateLimitHeaders.read(headers, MONTHLY, "X-RateLimit-").orElse(null);
    RateLimitStatus burst = RateLimitHeaders.read(headers, BURST, "X-RateLimit-Burst-").orElse(null);
    if (monthly == null) {
      return burst == null ? java.util.List.of() : java.util.List.of(burst);
    }
    return burst == null ? java.util.List.of(monthly) : java.util.List.of(monthly, burst);
  }

  /**
   * The windows the client read from the headers ({@link #windows}, once per response) and a
   * success body's {@code meta.rate_limit} combined by the rules above; empty when neither says
   * anything. Never throws.
   */
  Optional<RateLimitStatus> combine(java.util.List<RateLimitStatus> headerWindows, JsonNode meta) {
    try {
      Optional<RateLimitStatus> monthly = window(headerWindows, MONTHLY);
      if (monthly.isPresent() && complete(monthly.get())) {
        // The headers win and the body only fills what they lack: with nothing lacking, the body
        // (read on every success) cannot change the result, so it is not parsed.
        return monthly;
      }
      Optional<RateLimitStatus> body = fromBody(meta == null ? null : meta.get("rate_limit"));
      if (monthly.isPresent()) {
        return Optional.of(body.filter(b -> agrees(monthly.get(), b))
            .map(b -> fill(monthly.get(), b))
            .orElse(monthly.get()));
      }
      if (body.isPresent()) {
        return body;
      }
      return window(headerWindows, BURST);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@return the window of that name among those read from the headers} */
  static Optional<RateLimitStatus> window(java.util.List<RateLimitStatus> headerWindows, String name) {
    for (RateLimitStatus w : headerWindows) {
      if (w.window().filter(name::equals).isPresent()) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  private static Optional<RateLimitStatus> fromBody(JsonNode rateLimit) {
    if (rateLimit == null || !rateLimit.isObject()) {
      return Optional.empty();
    }
    RateLimitStatus.Builder status = RateLimitStatus.builder();
    number(rateLimit.get("limit")).ifPresent(status::limit);
    number(rateLimit.get("remaining")).ifPresent(status::remaining);
    instant(rateLimit.get("reset")).or(() -> instant(rateLimit.get("reset_at"))).ifPresent(status::resetAt);
    if (rateLimit.has("burst_limit") || rateLimit.has("burst_remaining")) {
      status.window(MONTHLY);
    }
    RateLimitStatus built = status.build();
    // A window name alone says nothing about the limit.
    return built.limit().isEmpty() && built.remaining().isEmpty() && built.resetAt().isEmpty()
        ? Optional.empty()
        : Optional.of(built);
  }

  /** Whether {@code s} says all that a body could fill in: the limit, the remaining count and the reset. */
  private static boolean complete(RateLimitStatus s) {
    return s.limit().isPresent() && s.remaining().isPresent() && s.resetAt().isPresent();
  }

  private static boolean agrees(RateLimitStatus headers, RateLimitStatus body) {
    return same(headers.limit(), body.limit()) && same(headers.remaining(), body.remaining());
  }

  private static boolean same(java.util.OptionalLong a, java.util.OptionalLong b) {
    return a.isEmpty() || b.isEmpty() || a.getAsLong() == b.getAsLong();
  }

  private static RateLimitStatus fill(RateLimitStatus headers, RateLimitStatus body) {
    RateLimitStatus.Builder merged = headers.toBuilder();
    if (headers.limit().isEmpty()) {
      body.limit().ifPresent(merged::limit);
    }
    if (headers.remaining().isEmpty()) {
      body.remaining().ifPresent(merged::remaining);
    }
    if (headers.resetAt().isEmpty()) {
      body.resetAt().ifPresent(merged::resetAt);
    }
    return merged.build();
  }

  private static Optional<Long> number(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue() >= 0 ? Optional.of(node.longValue()) : Optional.empty();
    }
    return node.isTextual() ? RateLimitHeaders.number(node.textValue()) : Optional.empty();
  }

  private static Optional<Instant> instant(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    Optional<Long> seconds = number(node);
    if (seconds.isPresent()) {
      try {
        return Optional.of(Instant.ofEpochSecond(seconds.get()));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    return node.isTextual() ? LinkMapper.instant(node.textValue()) : Optional.empty();
  }
}
