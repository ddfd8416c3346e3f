package dev.polylink.core;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Told what a {@link LinkClient} does: each operation (one call of a client method such as {@code
 * create}), each HTTP attempt it makes, each retry and its wait, and each rate-limit state read.
 * Register any number with {@link LinkClientBuilder#addListener(LinkClientListener)}; they are told
 * in the order they were added, on the thread that called the client. The events of an operation
 * of {@link LinkClient#async()} ({@link OperationStarted#asynchronous()}) keep the same order but
 * arrive on the threads that do its work: {@code operationStarted} on the caller's, the attempts'
 * on OkHttp's dispatcher or the client's scheduler, {@code operationFinished} on the thread that
 * completes the future; a listener must not keep per-thread state across them.
 *
 * <p>The order of events for one operation:
 *
 * <ol>
 *   <li>{@link #operationStarted} — before anything is checked or sent;
 *   <li>for each HTTP request the operation makes (most make one; ShortPen's {@code get} may page
 *       through the listing, CarrierX's expiry update reads the link first), for each attempt:
 *       <ol>
 *         <li>{@link #attemptStarted};
 *         <li>{@link #rateLimitRead} when the response's headers carry a rate-limit state;
 *         <li>{@link #attemptFinished} with the status, or with the I/O failure;
 *         <li>{@link #retryScheduled} when the attempt is retried, before the wait;
 *       </ol>
 *   <li>{@link #rateLimitRead} again when the provider reads a rate-limit state from a success body
 *       (xQR's {@code meta.rate_limit});
 *   <li>{@link #operationFinished} — always, exactly once, with the outcome exception if it failed.
 * </ol>
 *
 * <p>An operation rejected before any request (a {@link RequestValidationException}, an {@link
 * UnsupportedFieldException}) has no attempt events: {@code operationStarted}, then {@code
 * operationFinished} with the exception and zero attempts.
 *
 * <p>Events never carry a secret, a password, a request or response body, or a raw path: the path
 * is the provider's template such as {@code /v1/links/{link_id}}. A listener that throws is
 * ignored for that event (the exception is logged at DEBUG) and never breaks the call. Listeners
 * must be thread-safe when the client is shared; they should return quickly, since the call waits
 * for them.
 */
public interface LinkClientListener {
  /**
   * An operation began.
   *
   * @param event what happened
   */
  default void operationStarted(OperationStarted event) {}

  /**
   * An HTTP attempt is about to be sent.
   *
   * @param event what happened
   */
  default void attemptStarted(AttemptStarted event) {}

  /**
   * An HTTP attempt ended, with a status or an I/O failure.
   *
   * @param event what happened
   */
  default void attemptFinished(AttemptFinished event) {}

  /**
   * A failed attempt will be retried after {@link RetryScheduled#delay()}.
   *
   * @param event what happened
   */
  default void retryScheduled(RetryScheduled event) {}

  /**
   * The vendor reported its rate-limit state (headers of any response, or a success body).
   *
   * @param event what happened
   */
  default void rateLimitRead(RateLimitRead event) {}

  /**
   * The client is about to wait for its rate-limit budget (client-side pacing, a {@code
   * Retry-After} that holds every request back) before an attempt; a progress display can show it.
   *
   * @param event the event
   */
  default void rateLimitWait(RateLimitWait event) {}

  /**
   * An operation ended, successfully or not.
   *
   * @param event what happened
   */
  default void operationFinished(OperationFinished event) {}

  /** Why an attempt is retried. */
  enum RetryReason {
    /** A 429 that is not a quota: the client waits for the vendor's rate limit to reset. */
    RATE_LIMITED,
    /** A retryable status other than 429: 408, 500, 502, 503 or 504. */
    RETRYABLE_STATUS,
    /** An I/O failure after the request was sent, of an idempotent request (GET, PUT, PATCH, DELETE). */
    IO_ERROR,
    /** A failure before the request was written to a connection (DNS, connect, TLS): even a POST is resent. */
    NOT_SENT
  }

  /**
   * An operation began.
   *
   * @param provider the provider id, e.g. {@code "xqr"}
   * @param operation the operation
   * @param asynchronous whether it is an operation of {@link LinkClient#async()}: its later events
   *     arrive on other threads than this one
   * @param operationId the operation's number, the same in its {@link OperationFinished}: a
   *     listener correlates the two by it, since an asynchronous operation ends on another thread
   *     than it began on; unique among the operations of the JVM's clients (positive), 0 for an
   *     event not made by a client
   */
  record OperationStarted(String provider, Operation operation, boolean asynchronous, long operationId) {
    /**
     * A blocking operation began.
     *
     * @param provider the provider id
     * @param operation the operation
     */
    public OperationStarted(String provider, Operation operation) {
      this(provider, operation, false, 0);
    }

    /**
     * An operation began, without an {@link #operationId()} (0).
     *
     * @param provider the provider id
     * @param operation the operation
     * @param asynchronous whether it is an operation of {@link LinkClient#async()}
     */
    public OperationStarted(String provider, Operation operation, boolean asynchronous) {
      this(provider, operation, asynchronous, 0);
    }
  }

  /**
   * An HTTP attempt is about to be sent.
   *
   * @param provider the provider id
   * @param operation the operation it belongs to
   * @param method the HTTP method, e.g. {@code "PATCH"}
   * @param pathTemplate the provider's path template relative to the base URL, e.g. {@code
   *     /v1/links/{link_id}}; never the raw path with ids
   * @param attempt the attempt number of this request, from 1
   */
  record AttemptStarted(String provider, Operation operation, String method, String pathTemplate, int attempt) {}

  /**
   * An HTTP attempt ended.
   *
   * @param provider the provider id
   * @param operation the operation it belongs to
   * @param method the HTTP method
   * @param pathTemplate the path template, as in {@link AttemptStarted}
   * @param attempt the attempt number of this request, from 1
   * @param status the HTTP status; empty when no response arrived (see {@code failure})
   * @param vendorCode the vendor's error code of an error response, e.g. {@code SLUG_TAKEN}
   * @param requestId the vendor's request id, from the error body or a request-id header
   * @param quotaExhausted true for a 429 that says a quota is used up (never retried)
   * @param duration from sending the request to having read the response, its body included (the
   *     client reads each attempt's whole body within the attempt)
   * @param failure the I/O failure when no response arrived; its message names no secret
   */
  record AttemptFinished(
      String provider,
      Operation operation,
      String method,
      String pathTemplate,
      int attempt,
      OptionalInt status,
      Optional<String> vendorCode,
      Optional<String> requestId,
      boolean quotaExhausted,
      Duration duration,
      Optional<IOException> failure) {
    /**
     * Whether a 2xx response arrived.
     *
     * @return true for a 2xx response
     */
    public boolean succeeded() {
      return status.isPresent() && status.getAsInt() >= 200 && status.getAsInt() < 300;
    }
  }

  /**
   * A failed attempt will be retried.
   *
   * @param provider the provider id
   * @param operation the operation it belongs to
   * @param method the HTTP method
   * @param pathTemplate the path template
   * @param attempt the number of the attempt that failed; the next one is {@code attempt + 1}
   * @param reason why it is retried
   * @param status the failed attempt's status; empty after an I/O failure
   * @param delay how long the client waits before the next attempt
   * @param retryAfter true when the wait is the vendor's {@code Retry-After}, false for backoff
   */
  record RetryScheduled(
      String provider,
      Operation operation,
      String method,
      String pathTemplate,
      int attempt,
      RetryReason reason,
      OptionalInt status,
      Duration delay,
      boolean retryAfter) {
    /**
     * Whether this is a wait for the vendor's rate limit.
     *
     * @return true for {@link RetryReason#RATE_LIMITED}
     */
    public boolean rateLimitWait() {
      return reason == RetryReason.RATE_LIMITED;
    }
  }

  /**
   * The vendor reported its rate-limit state; it is also what {@link LinkClient#lastRateLimit()}
   * returns from now on.
   *
   * @param provider the provider id
   * @param operation the operation whose response carried it
   * @param status the state read, never empty
   */
  record RateLimitRead(String provider, Operation operation, RateLimitStatus status) {}

  /**
   * The client waits {@code delay} for its rate-limit budget before attempt {@code attempt}.
   *
   * @param provider the provider id
   * @param operation the operation
   * @param attempt the attempt about to start, from 1
   * @param delay how long it waits
   */
  record RateLimitWait(String provider, Operation operation, int attempt, java.time.Duration delay) {}

  /**
   * An operation ended.
   *
   * @param provider the provider id
   * @param operation the operation
   * @param duration from {@link OperationStarted} to now, every attempt and wait included
   * @param attempts the HTTP attempts made, over all its requests; 0 when it failed before any
   * @param retries the attempts that were retries ({@link RetryScheduled} events)
   * @param failure the exception the caller receives; empty on success
   * @param asynchronous whether it is an operation of {@link LinkClient#async()}, told on the
   *     thread that completes its future
   * @param operationId the number of its {@link OperationStarted#operationId()}; 0 for an event
   *     not made by a client
   */
  record OperationFinished(
      String provider,
      Operation operation,
      Duration duration,
      int attempts,
      int retries,
      Optional<Throwable> failure,
      boolean asynchronous,
      long operationId) {
    /**
     * An operation ended, without an {@link #operationId()} (0).
     *
     * @param provider the provider id
     * @param operation the operation
     * @param duration from {@link OperationStarted} to now
     * @param attempts the HTTP attempts made
     * @param retries the attempts that were retries
     * @param failure the exception the caller receives; empty on success
     * @param asynchronous whether it is an operation of {@link LinkClient#async()}
     */
    public OperationFinished(String provider, Operation operation, Duration duration, int attempts, int retries,
        Optional<Throwable> failure, boolean asynchronous) {
      this(provider, operation, duration, attempts, retries, failure, asynchronous, 0);
    }

    /**
     * A blocking operation ended.
     *
     * @param provider the provider id
     * @param operation the operation
     * @param duration from {@link OperationStarted} to now
     * @param attempts the HTTP attempts made
     * @param retries the attempts that were retries
     * @param failure the exception the caller receives; empty on success
     */
    public OperationFinished(
        String provider, Operation operation, Duration duration, int attempts, int retries, Optional<Throwable> failure) {
      this(provider, operation, duration, attempts, retries, failure, false, 0);
    }
    /**
     * Whether the operation returned normally.
     *
     * @return true when {@link #failure()} is empty
     */
    public boolean succeeded() {
      return failure.isEmpty();
    }

    /**
     * A low-cardinality outcome for metrics and logs.
     *
     * @return {@code "success"}, or the failure's simple class name such as {@code
     *     "NotFoundException"}
     */
    public String outcome() {
      return failure.map(f -> f.getClass().getSimpleName()).orElse("success");
    }
  }
}
