package dev.polylink.core.internal;

import dev.polylink.core.spi.VendorError;
import java.io.IOException;
import java.time.Duration;

/**
 * Carries a decoded vendor error from the retry interceptor through OkHttp and Retrofit, which only
 * let {@link IOException}s pass, to the transport, which turns it into an ApiException.
 */
public final class ApiFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String body;
  private final transient VendorError error;
  private final Duration retryAfter;
  private final String location;
  private boolean afterPossiblyProcessedAttempt;

  ApiFailure(int statusCode, String body, VendorError error, Duration retryAfter, String location) {
    super("HTTP " + statusCode);
    this.statusCode = statusCode;
    this.body = body;
    this.error = error;
    this.retryAfter = retryAfter;
    this.location = location;
  }

  public int statusCode() {
    return statusCode;
  }

  public String body() {
    return body;
  }

  public VendorError error() {
    return error;
  }

  /** The wait the vendor asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /**
   * Whether an earlier attempt of the same request may have been processed without a definite
   * answer: a 404 to a resent DELETE then means the first attempt deleted it.
   */
  public boolean afterPossiblyProcessedAttempt() {
    return afterPossiblyProcessedAttempt;
  }

  ApiFailure afterPossiblyProcessedAttempt(boolean value) {
    this.afterPossiblyProcessedAttempt = value;
    return this;
  }

  /** The {@code Location} header of a 3xx answer, or null. */
  public String location() {
    return location;
  }
}
