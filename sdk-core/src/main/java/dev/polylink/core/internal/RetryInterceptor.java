package dev.polylink.core.internal;

import dev.polylink.core.LinkClientListener.RetryReason;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.spi.ErrorDecoder;
import dev.polylink.core.spi.RateLimitParser;
import dev.polylink.core.spi.VendorError;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The one place that retries, as an OkHttp application interceptor. It also decodes every error
 * response once (the decision to retry depends on it) and hands the result on as an {@link
 * ApiFailure}, and reports rate-limit headers of every response.
 *
 * <p>The decoder's request id wins; where the body names none, an {@code X-Request-Id} or {@code
 * Request-Id} response header fills it.
 *
 * <p>GET, PUT, PATCH and DELETE are retried after I/O errors and retryable statuses. A POST is
 * retried only when the vendor provably did not process it: a burst 429 carrying {@code
 * Retry-After}, or a connection that never opened. OkHttp's own connection-failure retry is switched
 * off by the transport so that it cannot resend a POST behind this rule's back.
 */
final class RetryInterceptor implements Interceptor {
  private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS");

  private final RetryPolicy policy;
  private final RetryPolicy.Sleeper sleeper;
  private final Clock clock;
  private final ErrorDecoder decoder;
  private final RateLimitParser rateLimitParser;
  private final Consumer<RateLimitStatus> rateLimitSink;
  private final AttemptObserver observer; // obs: listeners and logging

  RetryInterceptor(
      RetryPolicy policy,
      RetryPolicy.Sleeper sleeper,
      Clock clock,
      ErrorDecoder decoder,
      RateLimitParser rateLimitParser,
      Consumer<RateLimitStatus> rateLimitSink) {
    this(policy, sleeper, clock, decoder, rateLimitParser, rateLimitSink, AttemptObserver.NONE);
  }

  RetryInterceptor(
      RetryPolicy policy,
      RetryPolicy.Sleeper sleeper,
      Clock clock,
      ErrorDecoder decoder,
      RateLimitParser rateLimitParser,
      Consumer<RateLimitStatus> rateLimitSink,
      AttemptObserver observer) {
    this.observer = observer;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.decoder = decoder;
    this.rateLimitParser = rateLimitParser;
    this.rateLimitSink = rateLimitSink;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean idempotent = IDEMPOTENT.contains(request.method());
    for (int attempt = 1; ; attempt++) {
      boolean lastAttempt = attempt >= policy.maxAttempts();
      Response response;
      AttemptObserver.Attempt observed = observer.started(request, attempt); // obs
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        observed.failed(e); // obs
        if (lastAttempt || chain.call().isCanceled() || !(idempotent || neverSent(e))) {
          throw e;
        }
        Duration backoff = policy.backoff(attempt);
        observed.retrying(idempotent ? RetryReason.IO_ERROR : RetryReason.NOT_SENT, backoff, false); // obs
        pause(backoff);
        continue;
      }
      readRateLimit(response);
      if (response.isSuccessful()) {
        observed.succeeded(response); // obs
        return response;
      }
      ApiFailure failure = decode(response);
      failure.error().rateLimit().filter(r -> !r.isEmpty()).ifPresent(rateLimitSink);
      observed.failed(failure); // obs
      boolean retryableStatus =
          ApiExceptions.retryableStatus(failure.statusCode())
              && !(failure.statusCode() == 429 && failure.error().quotaExhausted());
      boolean safe =
          idempotent || (failure.statusCode() == 429 && retryableStatus && failure.retryAfter() != null);
      if (lastAttempt || !retryableStatus || !safe) {
        throw failure;
      }
      Duration wait = failure.retryAfter();
      if (wait != null && wait.compareTo(policy.maxRetryAfter()) > 0) {
        throw failure;
      }
      Duration pause = wait != null ? wait : policy.backoff(attempt);
      observed.retrying( // obs
          failure.statusCode() == 429 ? RetryReason.RATE_LIMITED : RetryReason.RETRYABLE_STATUS, pause, wait != null);
      pause(pause);
    }
  }

  private ApiFailure decode(Response response) {
    String body = readBody(response.body());
    VendorError error;
    try {
      error = decoder.decode(response.code(), response.headers(), body);
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
    return new ApiFailure(response.code(), body, error, retryAfter);
  }

  /** The common request-id headers, for a vendor error whose body names no request id. */
  private static String requestIdHeader(Response response) {
    return RequestIds.fromHeaders(response).orElse(null);
  }

  /**
   * The error body as far as it arrived. The status already decides the exception (and whether to
   * retry), so a body that breaks off is no reason to turn the vendor's answer into an I/O failure.
   */
  private static String readBody(ResponseBody responseBody) {
    if (responseBody == null) {
      return "";
    }
    Buffer received = new Buffer();
    try (responseBody) {
      BufferedSource source = responseBody.source();
      while (source.read(received, 8192) != -1) {
        // keep reading until the end, or until the connection fails
      }
    } catch (IOException e) {
      // keep what arrived
    }
    MediaType type = responseBody.contentType();
    Charset charset = type == null ? null : type.charset(null);
    return received.readString(charset == null ? StandardCharsets.UTF_8 : charset);
  }

  private void readRateLimit(Response response) {
    try {
      Optional<RateLimitStatus> status = rateLimitParser.parse(response.headers());
      status.filter(s -> !s.isEmpty()).ifPresent(rateLimitSink);
    } catch (RuntimeException e) {
      // Rate-limit headers are informational: never fail a call because of them.
    }
  }

  private void pause(Duration wait) throws IOException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while waiting to retry");
      io.initCause(e);
      throw io;
    }
  }

  /** Failures that happen before a single byte of the request reached the vendor. */
  private static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException;
  }
}
