package dev.polylink.core.internal;

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
import java.util.List;
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
  private static final List<String> REQUEST_ID_HEADERS = List.of("X-Request-Id", "Request-Id");

  private final RetryPolicy policy;
  private final RetryPolicy.Sleeper sleeper;
  private final Clock clock;
  private final ErrorDecoder decoder;
  private final RateLimitParser rateLimitParser;
  private final Consumer<RateLimitStatus> rateLimitSink;

  RetryInterceptor(
      RetryPolicy policy,
      RetryPolicy.Sleeper sleeper,
      Clock clock,
      ErrorDecoder decoder,
      RateLimitParser rateLimitParser,
      Consumer<RateLimitStatus> rateLimitSink) {
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
      try {
        response = chain.proceed(request);
      } catch (IOException e) {
        if (lastAttempt || chain.call().isCanceled() || !(idempotent || neverSent(e))) {
          throw e;
        }
        pause(policy.backoff(attempt));
        continue;
      }
      readRateLimit(response);
      if (response.isSuccessful()) {
        return response;
      }
      ApiFailure failure = decode(response);
      failure.error().rateLimit().filter(r -> !r.isEmpty()).ifPresent(rateLimitSink);
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
      pause(wait != null ? wait : policy.backoff(attempt));
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
    for (String name : REQUEST_ID_HEADERS) {
      String value = response.header(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
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
