package dev.polylink.core.internal;

import dev.polylink.core.LinkClientListener.RetryReason;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.spi.ErrorDecoder;
import dev.polylink.core.spi.RateLimitParser;
import dev.polylink.core.spi.VendorError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The one place that retries: {@link #execute} for blocking calls (which {@link AsyncRetryCall}
 * runs directly on the caller's thread; as an OkHttp application interceptor of the outer client it
 * does the same) and, through the same {@link Run} decisions, {@link AsyncRetryCall}'s non-blocking
 * loop for asynchronous ones
 * (each attempt then an OkHttp {@code enqueue}, each wait a task on a scheduler): every attempt is a
 * call of its own on the inner client (no redirects, no OkHttp retries, the {@link Attempt#SENT_MARKER}), with
 * its own deadline ({@link AttemptWatchdog}), and the whole response body is read inside the attempt. It also decodes
 * every error response once (the decision to retry depends on it) and hands the result on as an
 * {@link ApiFailure}, and reports rate-limit headers of every response.
 *
 * <p>The decoder's request id wins; where the body names none, an {@code X-Request-Id} or {@code
 * Request-Id} response header fills it.
 *
 * <p>Rules, each where the issue of a careful client is known:
 *
 * <ul>
 *   <li>GET, PUT, PATCH and DELETE are retried after I/O errors (a reset, a timeout, a body that
 *       breaks off) and retryable statuses. A POST is retried only when the vendor provably did not
 *       process it: a burst 429 carrying {@code Retry-After}, or a failure before OkHttp wrote the
 *       request to a connection (DNS, connect, TLS). This is OkHttp's own rule for its
 *       connection-failure retries (no retry once a one-shot request was sent), which is switched
 *       off so that only this rule applies. stripe-java does resend POSTs, but only because Stripe
 *       deduplicates them by {@code Idempotency-Key}; none of these four vendors documents such a
 *       key, so a POST that may have arrived is never resent and the {@code TransportException}
 *       says so ({@code requestMayHaveBeenProcessed()}).
 *   <li>Redirects are never followed (OkHttp would turn a POST into a GET to another host, or resend
 *       a 307/308 body there): a 3xx is an {@link ApiFailure} carrying its {@code Location}.
 *   <li>Deadlines, as in the AWS SDK v2 ({@code apiCallAttemptTimeout} and {@code
 *       apiCallTimeout}): each attempt, body included, is bounded by the attempt timeout (the {@link
 *       AttemptWatchdog} cancels the attempt's call when it passes) and by what is left of the operation timeout; a wait
 *       that would end past the operation deadline is not started.
 *   <li>An error answer says whether an earlier attempt may have been processed ({@link
 *       ApiFailure#afterPossiblyProcessedAttempt()}): {@code HttpTransport.execute} then counts a
 *       DELETE answered 404 as deleted, as jclouds' delete methods do.
 *   <li>Success bodies above the size limit fail the call without reading further (the attempt's
 *       call is cancelled, so the rest is never read); error bodies are kept up to {@link
 *       #ERROR_BODY_CAP} characters' worth of bytes and the rest is never read.
 *   <li>An interrupt before or during a call ends it with {@link Interrupted}, the thread's interrupt
 *       flag set. A blocking socket read does not notice an interrupt: the call ends when the read
 *       returns, at the latest when the attempt deadline passes.
 * </ul>
 */
final class RetryInterceptor implements Interceptor {
  /** The most of an error body that is kept (and read): 64 KiB. */
  static final int ERROR_BODY_CAP = 64 * 1024;

  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final OkHttpClient inner;
  private final RetryPolicy policy;
  private final RetryPolicy.Sleeper sleeper;
  private final Clock clock;
  private final ErrorDecoder decoder;
  private final RateLimitParser rateLimitParser;
  private final Consumer<RateLimitStatus> rateLimitSink;
  private final Duration attemptTimeout;
  private final Duration operationTimeout;
  private final long maxBodyBytes;
  /** The idle bound of a pool of our own, checked before each attempt; null with a user's pool. */
  private final IdleConnections idleConnections;
  private final AttemptObserver observer; // obs: listeners and logging
  private final Pacer pacer;
  private final Set<String> quotaWindows;
  private final Consumer<java.util.List<RateLimitStatus>> windowsSink;
  /**
   * The headers every attempt adds: the credentials, the User-Agent and Accept, checked once
   * instead of on every attempt (OkHttp's {@code header(name, value)} scans and validates each).
   * Never shown: this class has no toString of its fields, and OkHttp's {@code Headers.toString()}
   * redacts {@code Authorization}.
   */
  private final Headers attemptHeaders;
  private final AttemptWatchdog watchdog = AttemptWatchdog.SHARED;

  RetryInterceptor(OkHttpClient inner, ClientSettings s, IdleConnections idleConnections) {
    this.inner = inner;
    this.idleConnections = idleConnections;
    this.policy = s.retryPolicy;
    this.sleeper = s.sleeper;
    this.clock = s.clock;
    this.decoder = s.errorDecoder;
    this.rateLimitParser = s.rateLimitParser;
    this.rateLimitSink = s.rateLimitSink;
    this.attemptTimeout = s.attemptTimeout;
    this.operationTimeout = s.operationTimeout;
    this.maxBodyBytes = s.maxResponseBodyBytes;
    this.observer = s.observer;
    this.pacer = s.pacer;
    this.quotaWindows = s.quotaWindows;
    this.windowsSink = s.windowsSink;
    this.attemptHeaders = new Headers.Builder()
        .add("Authorization", s.authorization)
        .add("User-Agent", s.userAgent)
        .add("Accept", "application/json")
        .build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return execute(chain.request(), chain.call()::isCanceled);
  }

  /**
   * Runs the attempts of one request on the caller's thread, blocking: what {@link #intercept} does
   * in a call of the outer client, and what {@link AsyncRetryCall#execute()} runs directly, without
   * an outer OkHttp call around it (whose only work was to call this interceptor: a call object, a
   * dispatcher registration under the dispatcher's lock and an interceptor chain per operation).
   *
   * @param request the request as Retrofit built it
   * @param canceled whether the caller cancelled the call
   * @return the response, its body read whole
   * @throws IOException the failure that ended the attempts
   */
  Response execute(Request request, java.util.function.BooleanSupplier canceled) throws IOException {
    try {
      return attempts(request, canceled);
    } finally {
      if (idleConnections != null) {
        idleConnections.afterAttempt();
      }
    }
  }

  private Response attempts(Request request, java.util.function.BooleanSupplier canceled) throws IOException {
    Run run = new Run(request, true);
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new Interrupted("the thread was interrupted before the request was sent", null, run.uncertain);
      }
      Duration paceWait = run.start();
      if (paceWait != null) {
        pause(paceWait, run.deadline, run.uncertain, "interrupted while waiting for the rate-limit budget");
      }
      Call call = run.newCall();
      Response response;
      try {
        response = call.execute();
        Response complete = run.received(response, call);
        if (complete != null) {
          if (Thread.currentThread().isInterrupted()) {
            // A blocking socket read does not notice an interrupt; the call ends as soon as it returns.
            throw new Interrupted("the thread was interrupted during the call", null, true);
          }
          return complete;
        }
      } catch (BodyTooLarge e) {
        throw run.tooLarge(e);
      } catch (IOException e) {
        IOException failure = run.attemptFailed(e);
        // Cancelled by the caller, or the attempt's own call by its dispatcher's cancelAll() (as
        // the outer call was with it), not by its deadline, which cancels it too.
        boolean cancelled = canceled.getAsBoolean() || (call.isCanceled() && !isCallTimeout(failure));
        pause(run.ioFailure(failure, cancelled), run.deadline, run.uncertain);
        continue;
      } catch (RuntimeException e) {
        run.attemptOver();
        throw e;
      } catch (Exception e) {
        run.attemptOver();
        // OkHttp can sneaky-throw an InterruptedException; the JVM cleared the flag when it did.
        IOException failure = e instanceof InterruptedException
            ? new Interrupted("the thread was interrupted during the call", e, run.uncertain || run.state.sent())
            : new IOException(e);
        run.observed.failed(failure); // obs
        throw failure;
      }
      pause(run.errorAnswer(response, call), run.deadline, run.uncertain);
    }
  }

  /**
   * Starts the attempts of one request without blocking (see {@link AsyncRetryCall}).
   *
   * @param request the request as Retrofit built it
   * @return the state of its attempts
   */
  Run asyncRun(Request request) {
    return new Run(request, false);
  }

  /** An attempt of a run ended: its connection, if any, is back in the pool. */
  void attemptEnded() {
    if (idleConnections != null) {
      idleConnections.afterAttempt();
    }
  }

  /**
   * The attempts of one request: the decisions of the retry loop, shared by the blocking loop of
   * {@link #intercept} and the non-blocking one of {@link AsyncRetryCall}. The loops only run the
   * calls and the waits; every rule (pacing, deadlines, the attempt's copy and headers, what to
   * retry, error decoding, listener events) is here. A run is used by one thread at a time.
   */
  final class Run {
    final Request request;
    /** Whether the thread's interrupt flag counts (the blocking loop); the asynchronous one has none. */
    private final boolean blocking;
    final boolean idempotent;
    final Deadline deadline = new Deadline(operationTimeout);
    /** An earlier attempt may have been processed without a definite answer. */
    boolean uncertain;
    ApiFailure lastAnswer;
    int attempt;
    private boolean boundByOperation;
    Attempt state;
    /** The deadline of the current attempt, ended with it ({@link #attemptOver}). */
    private AttemptWatchdog.Watch watch;
    /** The rate-limit windows of the current attempt's answer, read once. */
    private java.util.List<RateLimitStatus> rateLimits = java.util.List.of();
    AttemptObserver.Attempt observed = AttemptObserver.Attempt.NONE;

    private Run(Request request, boolean blocking) {
      this.request = request;
      this.blocking = blocking;
      this.idempotent = IDEMPOTENT.contains(request.method());
    }

    private boolean lastAttempt() {
      return attempt >= policy.maxAttempts();
    }

    /**
     * Begins the next attempt: checks the operation deadline and takes the rate-limit slot.
     *
     * @return the wait for the rate-limit budget, to be waited before {@link #newCall}; null for none
     * @throws IOException when the deadline passed, the budget's wait would pass it or a quota is used up
     */
    Duration start() throws IOException {
      attempt++;
      long remaining = deadline.remainingNanos();
      if (remaining <= 0) {
        throw new TransportFailure(operationDeadline() + " passed", null, uncertain, lastAnswer);
      }
      return pace(attempt, deadline, uncertain, lastAnswer, lastAnswer == null || lastAnswer.retryAfter() == null);
    }

    /** The attempt's own call on the inner client, with its headers, tag and deadline. */
    Call newCall() {
      long remaining = deadline.remainingNanos();
      long attemptNanos = Deadline.saturatedNanos(attemptTimeout);
      boundByOperation = remaining < attemptNanos;
      state = new Attempt();
      rateLimits = java.util.List.of();
      if (idleConnections != null) {
        idleConnections.beforeAttempt();
      }
      // The credentials, the User-Agent and Accept are added here, in the one copy of the request
      // each attempt needs anyway for its tag, instead of in an interceptor of their own that
      // rebuilt every request once more.
      Call call = inner.newCall(withAttemptHeaders(request).tag(Attempt.TAG, state).build());
      watch = watchdog.watch(call, Math.min(remaining, attemptNanos));
      observed = observer.started(request, attempt); // obs
      return call;
    }

    /** The attempt ended: its deadline no longer matters. */
    void attemptOver() {
      if (watch != null) {
        watch.end();
      }
    }

    /**
     * The failure of the current attempt, which ends it: where its deadline passed first (the
     * watchdog cancelled the call, so the failure reads "Canceled" or "Socket closed"), the
     * {@code InterruptedIOException("timeout")} OkHttp's own call timeout would have thrown.
     *
     * @param e how the attempt failed
     * @return the failure to decide on
     */
    IOException attemptFailed(IOException e) {
      attemptOver();
      if (watch == null || !watch.expired() || isCallTimeout(e)) {
        return e;
      }
      InterruptedIOException timeout = new InterruptedIOException("timeout");
      timeout.initCause(e);
      return timeout;
    }

    /**
     * An answer arrived: its rate-limit headers are read; a success is read whole.
     *
     * @return the success with its body read, or null for an error answer ({@link #errorAnswer})
     * @throws BodyTooLarge for a success body above the limit ({@link #tooLarge})
     * @throws IOException when the success body breaks off ({@link #ioFailure})
     */
    Response received(Response response, Call call) throws IOException {
      rateLimits = readRateLimit(response);
      state.rateLimits(rateLimits);
      if (!response.isSuccessful()) {
        return null;
      }
      Response complete = buffered(response, call);
      attemptOver();
      observed.succeeded(complete); // obs
      return complete;
    }

    /** The failure of a success body above the limit: never retried. */
    TransportFailure tooLarge(BodyTooLarge e) {
      attemptOver();
      observed.failed(e); // obs
      return new TransportFailure(e.getMessage(), null, uncertain || !idempotent, null);
    }

    /**
     * No answer: an I/O failure of the attempt.
     *
     * @param e the failure
     * @param cancelled whether the caller cancelled the call
     * @return the wait before the next attempt
     * @throws IOException when the failure ends the run
     */
    Duration ioFailure(IOException e, boolean cancelled) throws IOException {
      observed.failed(e); // obs
      boolean sent = state.sent();
      uncertain |= sent;
      if (blocking && Thread.currentThread().isInterrupted()) {
        throw new Interrupted("the thread was interrupted during the call", e, uncertain);
      }
      String what = describe(e, boundByOperation);
      if (cancelled) {
        throw new TransportFailure(what + "; the call was cancelled", e, uncertain, null);
      }
      if (boundByOperation && isCallTimeout(e)) {
        throw new TransportFailure(what, e, uncertain, null);
      }
      if (lastAttempt() || !(idempotent || !sent)) {
        throw new TransportFailure(what, e, uncertain, null);
      }
      Duration wait = policy.backoff(attempt);
      if (!deadline.allows(wait)) {
        throw new TransportFailure(
            what + "; no retry: waiting " + wait.toMillis() + " ms would pass " + operationDeadline(),
            e, uncertain, null);
      }
      observed.retrying(sent ? RetryReason.IO_ERROR : RetryReason.NOT_SENT, wait, false); // obs
      return wait;
    }

    /**
     * An error answer ({@link #received} returned null): decoded once, told to the pacer.
     *
     * @return the wait before the next attempt
     * @throws IOException the decoded {@link ApiFailure} when it is not retried, or a failure when a
     *     deadline or an interrupt ends the run
     */
    Duration errorAnswer(Response response, Call call) throws IOException {
      ApiFailure failure = decode(response, call, rateLimits).afterPossiblyProcessedAttempt(uncertain);
      attemptOver(); // the error body is read within the attempt's deadline
      if (idleConnections != null) {
        idleConnections.afterAttempt();
      }
      failure.error().rateLimit().filter(r -> !r.isEmpty()).ifPresent(rateLimitSink);
      observed.failed(failure); // obs
      uncertain |= maybeProcessed(failure.statusCode());
      if (pacer != null && failure.statusCode() == 429) {
        if (failure.error().quotaExhausted()) {
          failure.error().rateLimit().flatMap(RateLimitStatus::resetAt).ifPresent(pacer::quotaExhausted);
        } else {
          pacer.throttled();
          if (failure.retryAfter() != null) {
            pacer.pauseUntil(failure.retryAfter());
          }
        }
      }
      if (failure.statusCode() == 429 && failure.retryAfter() != null && !failure.error().quotaExhausted()) {
        windowsSink.accept(java.util.List.of(RateLimitStatus.builder().remaining(0)
            .resetAt(clock.instant().plus(failure.retryAfter())).window(RETRY_AFTER_WINDOW).build()));
      }
      boolean retryableStatus =
          ApiExceptions.retryableStatus(failure.statusCode())
              && !(failure.statusCode() == 429 && failure.error().quotaExhausted());
      boolean safe =
          idempotent || (failure.statusCode() == 429 && retryableStatus && failure.retryAfter() != null);
      if (lastAttempt() || !retryableStatus || !safe) {
        throw failure;
      }
      Duration wait = failure.retryAfter();
      if (wait != null && wait.compareTo(policy.maxRetryAfter()) > 0) {
        throw failure;
      }
      if (blocking && Thread.currentThread().isInterrupted()) {
        throw new Interrupted("the thread was interrupted during the call", null, uncertain);
      }
      Duration pause = wait != null ? wait : policy.backoff(attempt);
      if (!deadline.allows(pause)) {
        throw new TransportFailure(
            "HTTP " + failure.statusCode() + " and no retry: waiting " + seconds(pause)
                + (wait != null ? " as the vendor asked (Retry-After)" : "")
                + " would pass " + operationDeadline(),
            null, uncertain, failure);
      }
      lastAnswer = failure;
      observed.retrying( // obs
          failure.statusCode() == 429 ? RetryReason.RATE_LIMITED : RetryReason.RETRYABLE_STATUS, pause, wait != null);
      return pause;
    }
  }

  /**
   * The attempt's copy of the request with {@link #attemptHeaders}, which replace any of the same
   * name: a request with no headers of its own (nearly every one Retrofit builds: a body's type is
   * the body's) takes them as they are, without checking them again.
   */
  private Request.Builder withAttemptHeaders(Request request) {
    Request.Builder copy = request.newBuilder();
    if (request.headers().size() == 0) {
      return copy.headers(attemptHeaders);
    }
    for (int i = 0, n = attemptHeaders.size(); i < n; i++) {
      copy.header(attemptHeaders.name(i), attemptHeaders.value(i));
    }
    return copy;
  }

  /** 500, 502 and 504 may come after the vendor (or the service behind a gateway) acted. */
  private static boolean maybeProcessed(int status) {
    return status == 500 || status == 502 || status == 504;
  }

  private String operationDeadline() {
    return "the operation deadline (operationTimeout " + operationTimeout + ")";
  }

  private String describe(IOException e, boolean boundByOperation) {
    String kind = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (isCallTimeout(e)) {
      return (boundByOperation ? operationDeadline() : "the attempt deadline (attemptTimeout " + attemptTimeout + ")")
          + " passed (" + kind + ")";
    }
    return kind;
  }

  /** An attempt's deadline passed ({@link Run#attemptFailed}), not a socket timeout. */
  private static boolean isCallTimeout(IOException e) {
    return e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)
        && "timeout".equals(e.getMessage());
  }

  /** The response with its whole body read within the attempt, up to the size limit. */
  private Response buffered(Response response, Call call) throws IOException {
    ResponseBody body = response.body();
    try (body) {
      long declared = body.contentLength();
      if (declared > maxBodyBytes) {
        call.cancel();
        throw new BodyTooLarge(declared, maxBodyBytes);
      }
      Buffer buffer = new Buffer();
      BufferedSource source = body.source();
      while (source.read(buffer, 8192) != -1) {
        if (buffer.size() > maxBodyBytes) {
          call.cancel();
          throw new BodyTooLarge(-1, maxBodyBytes);
        }
      }
      MediaType type = contentType(response);
      return response.newBuilder().body(ResponseBody.create(buffer, type, buffer.size())).build();
    }
  }

  /** The last {@code Content-Type} of a success and its parse (null before the first). */
  private volatile ParsedType lastType;

  private record ParsedType(String header, MediaType type) {}

  /**
   * The response's {@code Content-Type}, as its body's {@code contentType()} gives it: the same
   * header answers nearly every call, and OkHttp parses it anew (a regular expression) each time.
   */
  private MediaType contentType(Response response) {
    String header = response.header("Content-Type");
    if (header == null) {
      return null;
    }
    ParsedType last = lastType;
    if (last != null && last.header.equals(header)) {
      return last.type;
    }
    MediaType type = MediaType.parse(header);
    lastType = new ParsedType(header, type);
    return type;
  }

  private ApiFailure decode(Response response, Call call, java.util.List<RateLimitStatus> rateLimits) {
    String body = readErrorBody(response.body(), call);
    VendorError error;
    try {
      error = decoder.decode(response.code(), response.headers(), body, rateLimits);
    } catch (RuntimeException e) {
      // A decoder bug must not hide the vendor's answer: keep the status and the raw body.
      error = null;
    }
    if (error == null) {
      error = VendorError.none();
    }
    if (error.requestId().isEmpty()) {
      String fromHeader = requestIdHeader(response);
      if (fromHeader != null) {
        error = error.toBuilder().requestId(fromHeader).build();
      }
    }
    Duration retryAfter =
        RetryAfter.parse(response.header("Retry-After"), clock).or(error::retryAfter).orElse(null);
    String location = response.code() >= 300 && response.code() < 400 ? response.header("Location") : null;
    return new ApiFailure(response.code(), body, error, retryAfter, location);
  }

  /** The common request-id headers, for a vendor error whose body names no request id. */
  private static String requestIdHeader(Response response) {
    return RequestIds.fromHeaders(response).orElse(null);
  }

  /**
   * The error body as far as it arrived, and at most {@link #ERROR_BODY_CAP} bytes of it: the rest
   * is never read (the attempt's call is cancelled, so OkHttp does not drain it either). The status
   * already decides the exception (and whether to retry), so a body that breaks off is no reason to
   * turn the vendor's answer into an I/O failure.
   */
  private static String readErrorBody(ResponseBody responseBody, Call call) {
    Buffer received = new Buffer();
    try (responseBody) {
      BufferedSource source = responseBody.source();
      while (received.size() < ERROR_BODY_CAP
          && source.read(received, Math.min(8192, ERROR_BODY_CAP - received.size())) != -1) {
        // keep reading until the end, the cap, or a failure
      }
      if (received.size() >= ERROR_BODY_CAP && !source.exhausted()) {
        call.cancel();
      }
    } catch (IOException e) {
      // keep what arrived
    }
    MediaType type = responseBody.contentType();
    Charset charset = type == null ? null : type.charset(null);
    return received.readString(charset == null ? StandardCharsets.UTF_8 : charset);
  }

  /** The window name of the pause a 429's {@code Retry-After} implies. */
  static final String RETRY_AFTER_WINDOW = "retry-after";

  /**
   * Reads the rate-limit headers of a response, once: the windows go to the pacer and the sinks,
   * and are returned for the error decoder and kept on the attempt for the provider
   * ({@code HttpTransport.rateLimits(Response)}), so that nothing parses them again.
   */
  private java.util.List<RateLimitStatus> readRateLimit(Response response) {
    try {
      java.util.List<RateLimitStatus> windows = rateLimitParser.windows(response.headers());
      if (windows == null || windows.isEmpty()) {
        return java.util.List.of();
      }
      if (pacer != null) {
        for (RateLimitStatus w : windows) {
          pacer.observe(w, quotaWindows);
        }
      }
      rateLimitSink.accept(windows.get(0));
      windowsSink.accept(windows);
      return windows;
    } catch (RuntimeException e) {
      // Rate-limit headers are informational: never fail a call because of them.
      return java.util.List.of();
    }
  }

  /**
   * Takes the rate-limit slot of an attempt and returns the wait for it (null for none), which the
   * loop waits: the wait counts against the operation's deadline, and one that would pass it is not
   * started (nor is its slot taken). A used-up quota
   * fails at once, without sending, as a 429 {@code quotaExhausted} answer the vendor gave earlier.
   */
  private Duration pace(int attempt, Deadline deadline, boolean uncertain, ApiFailure lastAnswer, boolean honourPause)
      throws IOException {
    if (pacer == null) {
      return null;
    }
    long maxRetryAfter = Deadline.saturatedNanos(policy.maxRetryAfter());
    long wait;
    try {
      wait = pacer.reserve(Math.min(deadline.remainingNanos() - 1, maxRetryAfter), honourPause);
    } catch (Pacer.QuotaExhausted e) {
      VendorError quota = VendorError.builder()
          .quotaExhausted(true)
          .message("the vendor reported its quota used up" + (e.resetAt() != null ? " until " + e.resetAt() : "")
              + "; not sent")
          .build();
      throw new ApiFailure(429, "", quota, null, null).afterPossiblyProcessedAttempt(uncertain);
    }
    if (wait < 0 && -wait > maxRetryAfter && -wait <= deadline.remainingNanos() - 1) {
      // Longer than the policy lets a Retry-After be waited for (a vendor's pause, a window used up
      // until its reset): fail at once as that Retry-After would, without sending and without
      // taking the slot; the exception carries the wait.
      Duration owed = Duration.ofNanos(-wait);
      VendorError limited = VendorError.builder()
          .message("the client's rate-limit budget allows the next request in " + seconds(owed)
              + ", longer than maxRetryAfter " + policy.maxRetryAfter() + "; not sent")
          .build();
      throw new ApiFailure(429, "", limited, owed, null).afterPossiblyProcessedAttempt(uncertain);
    }
    if (wait < 0) {
      throw new TransportFailure(
          "no attempt: the rate-limit wait of " + Duration.ofNanos(-wait).toMillis() + " ms would pass "
              + operationDeadline(), null, uncertain, lastAnswer);
    }
    if (wait > 0) {
      Duration d = Duration.ofNanos(wait);
      observer.rateLimitWaiting(attempt, d); // obs
      return d;
    }
    return null;
  }

  private void pause(Duration wait, Deadline deadline, boolean uncertain) throws IOException {
    pause(wait, deadline, uncertain, "interrupted while waiting to retry");
  }

  /** Sleeps through the sleeper and counts the wait against the operation deadline. */
  private void pause(Duration wait, Deadline deadline, boolean uncertain, String interrupted) throws IOException {
    long start = System.nanoTime();
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      throw new Interrupted(interrupted, e, uncertain);
    } finally {
      deadline.waited(wait, System.nanoTime() - start);
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** A success body beyond the limit. */
  static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLarge(long declared, long limit) {
      super("the response body "
          + (declared >= 0 ? "of " + declared + " bytes (Content-Length) " : "")
          + "exceeds the limit of " + limit + " bytes (maxResponseBodySize); nothing more was read");
    }
  }
}
