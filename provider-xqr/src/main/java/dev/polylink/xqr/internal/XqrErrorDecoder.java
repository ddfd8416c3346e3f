package dev.polylink.xqr.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.ErrorDecoder;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.VendorError;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Reads xQR's error envelope {@code {"error": {"code", "message", "status"}, "meta": {"request_id"}}}.
 * Core has already chosen the exception by status (401 authentication, 403 permission, 409 conflict,
 * 410 gone, 429 rate limit, ...); this adds the code, message and request id, and tells a monthly
 * quota from a burst limit:
 *
 * <ul>
 *   <li>{@code RATE_LIMIT_EXCEEDED} (monthly quota used up): {@code quotaExhausted}, never retried;
 *   <li>{@code BURST_LIMIT_EXCEEDED} (too many requests per second): not a quota, retried after
 *       {@code Retry-After} (xQR sends {@code Retry-After: 1});
 *   <li>a 429 with neither code (an unreadable body): a quota exactly when the monthly header
 *       {@code X-RateLimit-Remaining} says 0 (as the client read it, once per response: the
 *       {@code monthly} window it passes in).
 * </ul>
 *
 * <p>The request id is read from {@code meta.request_id}, from {@code error.request_id} when a
 * body carries it there instead, and from the {@code X-Request-Id} header (which xQR's QR page shows)
 * when the body has none. Codes are compared case-insensitively: the QR page's 404 spells its code
 * {@code not_found} where the other pages use upper case. An {@code error.details} value, not
 * documented by xQR, is passed on as plain values. Anything unreadable yields what could be read;
 * anything that throws here is caught by core, which then keeps the status and the raw body.
 */
final class XqrErrorDecoder implements ErrorDecoder {
  static final XqrErrorDecoder INSTANCE = new XqrErrorDecoder();

  static final String QUOTA_CODE = "RATE_LIMIT_EXCEEDED";
  static final String BURST_CODE = "BURST_LIMIT_EXCEEDED";

  private XqrErrorDecoder() {}

  /** Reads the headers' windows itself; the client calls the overload with the windows it read. */
  @Override
  public VendorError decode(int statusCode, Headers headers, String body) {
    return decode(statusCode, headers, body, XqrRateLimits.INSTANCE.windows(headers));
  }

  @Override
  public VendorError decode(int statusCode, Headers headers, String body, List<RateLimitStatus> rateLimits) {
    Optional<JsonNode> root = Json.tryParse(body).filter(JsonNode::isObject);
    JsonNode errorNode = root.map(r -> r.get("error")).orElse(null);
    JsonNode error = errorNode != null && errorNode.isObject() ? errorNode : null;
    JsonNode meta = root.map(r -> r.get("meta")).filter(JsonNode::isObject).orElse(null);
    String code = Json.text(error, "code").orElse(null);
    String message = error != null
        ? Json.text(error, "message").orElse(null)
        : root.flatMap(r -> Json.text(r, "error")).orElse(null);
    VendorError.Builder vendor = VendorError.builder()
        .errorCode(code)
        .message(message)
        .requestId(Json.text(meta, "request_id").or(() -> Json.text(error, "request_id"))
            .or(() -> Optional.ofNullable(headers.get("X-Request-Id")).filter(id -> !id.isBlank())).orElse(null))
        .quotaExhausted(statusCode == 429 && quotaExhausted(code, rateLimits));
    JsonNode details = error == null ? null : error.get("details");
    if (details != null && !details.isNull()) {
      vendor.details(Json.mapper().convertValue(details, Object.class));
    }
    return vendor.build();
  }

  private static boolean quotaExhausted(String code, List<RateLimitStatus> rateLimits) {
    if (QUOTA_CODE.equalsIgnoreCase(code)) {
      return true;
    }
    if (BURST_CODE.equalsIgnoreCase(code)) {
      return false;
    }
    return XqrRateLimits.window(rateLimits, XqrRateLimits.MONTHLY)
        .map(m -> m.remaining().isPresent() && m.remaining().getAsLong() == 0).orElse(false);
  }
}
