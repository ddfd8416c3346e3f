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
  /** Runs after OkHttp acquired a connection, just before the request is written to it. */
  static final Interceptor SENT_MARKER =
      new Interceptor() {
        @Override
        public Response intercept(Chain chain) throws IOException {
          Attempt attempt = chain.request().tag(Attempt.class);
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

  /** Whether any byte of the request may have been written to a connection. */
  boolean sent() {
    return sent;
  }
}
