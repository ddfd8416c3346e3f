package dev.polylink.core.spi;

import okhttp3.Headers;

/**
 * Reads a vendor's error response. Core has already chosen the exception type from the status; the
 * decoder adds the vendor's code, message and request id, and says whether a 429 is a quota.
 * It must not throw: a body that is not the vendor's error JSON yields {@link VendorError#none()}
 * or whatever could be read.
 */
@FunctionalInterface
public interface ErrorDecoder {
  /**
   * Reads what a vendor's error response says. Never throws: what cannot be read is left empty
   * ({@link VendorError#none()}).
   *
   * @param statusCode the HTTP status
   * @param headers the response headers
   * @param body the response body, within the cap; may be empty
   * @return what the body says
   */
  VendorError decode(int statusCode, Headers headers, String body);

  /**
   * {@link #decode(int, Headers, String)} with the rate-limit windows the client already read from
   * these headers (its {@link RateLimitParser}, once per response): a decoder that needs them (is a
   * 429 a quota?) uses these instead of parsing the headers again. The default ignores them.
   *
   * @param statusCode the HTTP status
   * @param headers the response headers
   * @param body the response body, within the cap; may be empty
   * @param rateLimits the windows {@link RateLimitParser#windows} read from {@code headers}; may be empty
   * @return what the body says
   */
  default VendorError decode(
      int statusCode, Headers headers, String body, java.util.List<dev.polylink.core.RateLimitStatus> rateLimits) {
    return decode(statusCode, headers, body);
  }
}
