package dev.polylink.core.internal;

import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.spi.ErrorDecoder;
import dev.polylink.core.spi.RateLimitParser;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/** Builds the OkHttp client of one LinkClient: the user's (derived, never modified) or a new one. */
public final class OkHttpFactory {
  private OkHttpFactory() {}

  public static OkHttpClient create(
      OkHttpClient shared,
      Duration timeout,
      String authorization,
      String userAgent,
      RetryPolicy retryPolicy,
      RetryPolicy.Sleeper sleeper,
      Clock clock,
      ErrorDecoder errorDecoder,
      RateLimitParser rateLimitParser,
      Consumer<RateLimitStatus> rateLimitSink,
      EventDispatcher events) {
    OkHttpClient.Builder builder = shared == null ? new OkHttpClient.Builder() : shared.newBuilder();
    if (timeout != null) {
      builder.connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout);
    }
    builder
        // OkHttp would otherwise silently resend requests, POSTs included, on some connection
        // failures; RetryInterceptor alone decides what is safe to resend.
        .retryOnConnectionFailure(false)
        .addInterceptor(new HeadersInterceptor(authorization, userAgent))
        .addInterceptor(
            new RetryInterceptor(retryPolicy, sleeper, clock, errorDecoder, rateLimitParser, rateLimitSink, events));
    events.wireLog().ifPresent(builder::addInterceptor); // obs: after the retry loop, so it sees every attempt
    return builder.build();
  }
}
