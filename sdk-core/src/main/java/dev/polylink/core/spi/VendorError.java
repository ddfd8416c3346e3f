package dev.polylink.core.spi;

import dev.polylink.core.RateLimitStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider's {@link ErrorDecoder} read out of a vendor's error response: the vendor's own
 * code, message and request id, and the facts that decide retrying. Core combines it with the
 * status, headers and raw body into the right {@link dev.polylink.core.ApiException} subclass.
 */
public final class VendorError {
  private static final VendorError NONE = builder().build();

  private final String errorCode;
  private final String message;
  private final String requestId;
  private final Object details;
  private final boolean quotaExhausted;
  private final Duration retryAfter;
  private final RateLimitStatus rateLimit;

  private VendorError(Builder b) {
    this.errorCode = b.errorCode;
    this.message = b.message;
    this.requestId = b.requestId;
    this.details = b.details;
    this.quotaExhausted = b.quotaExhausted;
    this.retryAfter = b.retryAfter;
    this.rateLimit = b.rateLimit;
  }

  /** Nothing could be read from the body (empty, HTML, or not the vendor's error shape). */
  public static VendorError none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this error's values. */
  public Builder toBuilder() {
    return new Builder()
        .errorCode(errorCode)
        .message(message)
        .requestId(requestId)
        .details(details)
        .quotaExhausted(quotaExhausted)
        .retryAfter(retryAfter)
        .rateLimit(rateLimit);
  }

  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The vendor's structured details (plain Java values: Map, List, String, Number, Boolean). */
  public Optional<Object> details() {
    return Optional.ofNullable(details);
  }

  /**
   * True when a 429 means a quota that will not refill soon (a monthly or feature quota), so the
   * request must not be retried.
   */
  public boolean quotaExhausted() {
    return quotaExhausted;
  }

  /** A wait the body asks for, when the vendor puts one there; the {@code Retry-After} header wins. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Rate-limit state the error body reports (e.g. the window of a 429), recorded as the client's
   * {@code lastRateLimit()} after the headers' state.
   */
  public Optional<RateLimitStatus> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  @Override
  public String toString() {
    return "VendorError{code=" + errorCode + ", message=" + message + ", requestId=" + requestId
        + ", quotaExhausted=" + quotaExhausted + ", retryAfter=" + retryAfter + "}";
  }

  /** Builder; every setter accepts null as "the vendor did not say". */
  public static final class Builder {
    private String errorCode;
    private String message;
    private String requestId;
    private Object details;
    private boolean quotaExhausted;
    private Duration retryAfter;
    private RateLimitStatus rateLimit;

    private Builder() {}

    public Builder errorCode(String errorCode) {
      this.errorCode = blankToNull(errorCode);
      return this;
    }

    public Builder message(String message) {
      this.message = blankToNull(message);
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = blankToNull(requestId);
      return this;
    }

    public Builder details(Object details) {
      this.details = details;
      return this;
    }

    public Builder quotaExhausted(boolean quotaExhausted) {
      this.quotaExhausted = quotaExhausted;
      return this;
    }

    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    public Builder rateLimit(RateLimitStatus rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    public VendorError build() {
      return new VendorError(this);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof VendorError)) {
      return false;
    }
    VendorError that = (VendorError) o;
    return quotaExhausted == that.quotaExhausted
        && Objects.equals(errorCode, that.errorCode)
        && Objects.equals(message, that.message)
        && Objects.equals(requestId, that.requestId)
        && Objects.equals(details, that.details)
        && Objects.equals(retryAfter, that.retryAfter)
        && Objects.equals(rateLimit, that.rateLimit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(errorCode, message, requestId, details, quotaExhausted, retryAfter, rateLimit);
  }
}
