package dev.polylink.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * One attempt of a request, carried as a request tag. {@link #SENT_MARKER}, a network interceptor,
 * marks it sent when OkHttp has a connection and is about to write the request: a failure before
 * that point (DNS, connect, TLS handshake, no route) provably never reached the vendor, so even a
 * POST may be sent again. A failure after it may have reached the vendor.
 */
final class Attempt {
  /**
   * The key of the request tag, made once: OkHttp 5 keys tags by Kotlin class, and its {@code
   * Class} overloads make a new class reference for every lookup (three per attempt).
   */
  static final kotlin.reflect.KClass<Attempt> TAG = kotlin.jvm.JvmClassMappingKt.getKotlinClass(Attempt.class);

  /** Runs after OkHttp acquired a connection, just before the request is written to it. */
  static final Interceptor SENT_MARKER =
      new Interceptor() {
        @Override
        public Response intercept(Chain chain) throws IOException {
          Attempt attempt = chain.request().tag(TAG);
          if (attempt != null) {
            attempt.sent = true;
          }
          return chain.proceed(chain.request());
        }

        @Override
        public String toString() {
          return "Attempt.SENT_MARKER";
        }
      };

  private volatile boolean sent;
  /** The rate-limit windows read from this attempt's response headers, once; empty before that. */
  private volatile java.util.List<dev.polylink.core.RateLimitStatus> rateLimits = java.util.List.of();

  /** Whether any byte of the request may have been written to a connection. */
  boolean sent() {
    return sent;
  }

  void rateLimits(java.util.List<dev.polylink.core.RateLimitStatus> windows) {
    this.rateLimits = java.util.List.copyOf(windows);
  }

  /**
   * {@return the rate-limit windows the interceptor read from the headers of {@code response}, the
   * answer of one attempt; empty when it read none (or the response is not an attempt's)}
   *
   * @param response an attempt's response, such as Retrofit's {@code raw()}
   */
  static java.util.List<dev.polylink.core.RateLimitStatus> rateLimitsOf(Response response) {
    Attempt attempt = response.request().tag(TAG);
    return attempt == null ? java.util.List.of() : attempt.rateLimits;
  }
}
