package dev.polylink.core.internal;

import dev.polylink.core.LinkClientListener.RetryReason;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The hook the retry loop calls at each event point of an HTTP attempt. It is all the retry loop
 * knows of listeners and logging; {@link EventDispatcher} implements it.
 */
public interface AttemptObserver {
  /** Observes nothing. */
  AttemptObserver NONE = (request, attempt) -> Attempt.NONE;

  /**
   * Attempt {@code attempt} of {@code request} is about to be sent.
   *
   * @param request the request
   * @param attempt the attempt number, from 1
   * @return what to tell about the rest of the attempt
   */
  Attempt started(Request request, int attempt);

  /** One attempt, from sending to the decision about it. */
  /**
   * The attempt {@code attempt} waits {@code wait} for the rate-limit budget first.
   *
   * @param attempt the attempt, from 1
   * @param wait the wait
   */
  default void rateLimitWaiting(int attempt, Duration wait) {}

  interface Attempt {
    /** Observes nothing. */
    Attempt NONE = new Attempt() {};

    /**
     * A successful (2xx/3xx) response arrived.
     *
     * @param response the response
     */
    default void succeeded(Response response) {}

    /**
     * An error response arrived, decoded.
     *
     * @param failure the decoded error
     */
    default void failed(ApiFailure failure) {}

    /**
     * No response: an I/O failure.
     *
     * @param failure the failure
     */
    default void failed(IOException failure) {}

    /**
     * The attempt will be retried after {@code wait}.
     *
     * @param reason why
     * @param wait how long the retry loop waits first
     * @param retryAfter whether the wait is the vendor's {@code Retry-After}
     */
    default void retrying(RetryReason reason, Duration wait, boolean retryAfter) {}
  }
}
