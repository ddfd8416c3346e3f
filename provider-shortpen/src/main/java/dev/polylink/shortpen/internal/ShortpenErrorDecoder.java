package dev.polylink.shortpen.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.polylink.core.spi.ErrorDecoder;
import dev.polylink.core.spi.Json;
import dev.polylink.core.spi.VendorError;
import okhttp3.Headers;

/**
 * ShortPen's errors share the success envelope: {@code {success: false, status_code, message}}.
 * There is no machine-readable code (NOT FOUND in the docs), so {@code errorCode()} stays empty and
 * {@code message} is kept. No request id is documented either.
 *
 * <p>A 429 means "a monthly feature quota has been reached" (quota exhausted, never retried) unless
 * it carries {@code Retry-After}: then it is a burst of the 60-requests-per-minute limit, retried by
 * core after the wait. The body does not decide it, so an HTML 429 is classified the same way.
 */
final class ShortpenErrorDecoder implements ErrorDecoder {
  static final ShortpenErrorDecoder INSTANCE = new ShortpenErrorDecoder();

  private ShortpenErrorDecoder() {}

  @Override
  public VendorError decode(int statusCode, Headers headers, String body) {
    VendorError.Builder error =
        VendorError.builder().quotaExhausted(statusCode == 429 && headers.get("Retry-After") == null);
    Json.tryParse(body)
        .filter(JsonNode::isObject)
        .flatMap(root -> Json.text(root, "message"))
        .ifPresent(error::message);
    return error.build();
  }
}
