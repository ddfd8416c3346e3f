package dev.polylink.core.spi;

import dev.polylink.core.RateLimitStatus;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a provider's {@link ErrorDecoder} read out of a vendor's error response: the vendor's own
 * code, message and request id, and the facts that decide retrying. Core combines it with the
 * status, headers and raw body into the right {@link dev.polylink.core.ApiException} subclass.
 */
@Value.Immutable
@ValueStyle
public abstract class VendorError {
  private static final VendorError NONE = builder().build();

  VendorError() {}

  /** {@return the error that says nothing: nothing could be read from the body (empty, HTML, or not the vendor's error shape)} */
  public static VendorError none() {
    return NONE;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return ImmutableVendorError.builder();
  }

  /** {@return a builder holding this error's values} */
  public Builder toBuilder() {
    return ImmutableVendorError.builder().from(this);
  }

  /** {@return the vendor's error code} */
  public abstract Optional<String> errorCode();

  /** {@return the vendor's message} */
  public abstract Optional<String> message();

  /** {@return the vendor's request id} */
  public abstract Optional<String> requestId();

  /** {@return the vendor's structured details (plain Java values: Map, List, String, Number, Boolean)} */
  public abstract Optional<Object> details();

  /**
   * True when a 429 means a quota that will not refill soon (a monthly or feature quota), so the
   * request must not be retried.
   *
   * @return whether the quota is exhausted
   */
  @Value.Default
  public boolean quotaExhausted() {
    return false;
  }

  /** {@return a wait the body asks for, when the vendor puts one there; the {@code Retry-After} header wins} */
  public abstract Optional<Duration> retryAfter();

  /**
   * Rate-limit state the error body reports (e.g. the window of a 429), recorded as the client's
   * {@code lastRateLimit()} after the headers' state.
   *
   * @return the rate-limit state the body reports
   */
  public abstract Optional<RateLimitStatus> rateLimit();

  @Override
  public String toString() {
    return "VendorError{code=" + errorCode().orElse(null) + ", message=" + message().orElse(null)
        + ", requestId=" + requestId().orElse(null) + ", quotaExhausted=" + quotaExhausted()
        + ", retryAfter=" + retryAfter().orElse(null) + "}";
  }

  /** Builder; every setter accepts null as "the vendor did not say". */
  public abstract static class Builder {
    Builder() {}

    /** The generated builder is the only subclass. */
    private ImmutableVendorError.Builder generated() {
      return (ImmutableVendorError.Builder) this;
    }

    /**
     * Sets the vendor's error code.
     *
     * @param errorCode the vendor's error code
     * @return this builder
     */
    public Builder errorCode(String errorCode) {
      return generated().setErrorCode(nonBlank(errorCode));
    }

    /**
     * Sets the vendor's message.
     *
     * @param message the vendor's message
     * @return this builder
     */
    public Builder message(String message) {
      return generated().setMessage(nonBlank(message));
    }

    /**
     * Sets the vendor's request id.
     *
     * @param requestId the vendor's request id
     * @return this builder
     */
    public Builder requestId(String requestId) {
      return generated().setRequestId(nonBlank(requestId));
    }

    /**
     * Sets the vendor's structured details.
     *
     * @param details the vendor's structured details
     * @return this builder
     */
    public Builder details(Object details) {
      return generated().setDetails(Optional.ofNullable(details));
    }

    /**
     * Sets whether a quota is exhausted (never retried).
     *
     * @param quotaExhausted whether a quota is exhausted (never retried)
     * @return this builder
     */
    public Builder quotaExhausted(boolean quotaExhausted) {
      return generated().setQuotaExhausted(quotaExhausted);
    }

    /**
     * Sets the wait the body asks for.
     *
     * @param retryAfter the wait the body asks for
     * @return this builder
     */
    public Builder retryAfter(Duration retryAfter) {
      return generated().setRetryAfter(Optional.ofNullable(retryAfter));
    }

    /**
     * Sets the rate-limit state the body reports.
     *
     * @param rateLimit the rate-limit state the body reports
     * @return this builder
     */
    public Builder rateLimit(RateLimitStatus rateLimit) {
      return generated().setRateLimit(Optional.ofNullable(rateLimit));
    }

    /** {@return the vendor error holding the values set} */
    public abstract VendorError build();

    private static Optional<String> nonBlank(String s) {
      return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
  }
}
