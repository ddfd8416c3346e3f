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

  /**
   * Nothing could be read from the body (empty, HTML, or not the vendor's error shape).
   *
   * @return an error with no field known
   */
  public static VendorError none() {
    return NONE;
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this error's values.
   *
   * @return a new builder holding this value's fields
   */
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

  /**
   * {@return the vendor's own error code, e.g. {@code "slug_taken"}; empty when the body has none}
   */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** {@return the vendor's own message; empty when the body has none} */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /**
   * {@return the vendor's request id, for its support; empty when the body and headers name none}
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * {@return the vendor's structured details (plain Java values: Map, List, String, Number,
   * Boolean)}
   */
  public Optional<Object> details() {
    return Optional.ofNullable(details);
  }

  /**
   * {@return true when a 429 means a quota that will not refill soon (a monthly or feature quota),
   * so the request must not be retried}
   */
  public boolean quotaExhausted() {
    return quotaExhausted;
  }

  /**
   * {@return A wait the body asks for, when the vendor puts one there; the {@code Retry-After}
   * header wins}
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * Rate-limit state the error body reports (e.g. the window of a 429), recorded as the client's
   * {@code lastRateLimit()} after the headers' state.
   *
   * @return the reported rate-limit state, or empty
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

    /**
     * Sets {@link VendorError#errorCode()}.
     *
     * @param errorCode the value
     * @return this builder
     */
    public Builder errorCode(String errorCode) {
      this.errorCode = blankToNull(errorCode);
      return this;
    }

    /**
     * Sets {@link VendorError#message()}.
     *
     * @param message the message, which never contains a secret
     * @return this builder
     */
    public Builder message(String message) {
      this.message = blankToNull(message);
      return this;
    }

    /**
     * Sets {@link VendorError#requestId()}.
     *
     * @param requestId the value
     * @return this builder
     */
    public Builder requestId(String requestId) {
      this.requestId = blankToNull(requestId);
      return this;
    }

    /**
     * Sets {@link VendorError#details()}.
     *
     * @param details the value
     * @return this builder
     */
    public Builder details(Object details) {
      this.details = details;
      return this;
    }

    /**
     * Sets {@link VendorError#quotaExhausted()}.
     *
     * @param quotaExhausted whether a quota (not a short burst window) is used up
     * @return this builder
     */
    public Builder quotaExhausted(boolean quotaExhausted) {
      this.quotaExhausted = quotaExhausted;
      return this;
    }

    /**
     * Sets {@link VendorError#retryAfter()}.
     *
     * @param retryAfter how long the vendor asked to wait, or {@code null} when it did not say
     * @return this builder
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Sets {@link VendorError#rateLimit()}.
     *
     * @param rateLimit the value
     * @return this builder
     */
    public Builder rateLimit(RateLimitStatus rateLimit) {
      this.rateLimit = rateLimit;
      return this;
    }

    /**
     * Builds the {@code VendorError}.
     *
     * @return a new, immutable {@code VendorError}
     */
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
