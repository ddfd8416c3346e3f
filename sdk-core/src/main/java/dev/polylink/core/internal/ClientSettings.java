package dev.polylink.core.internal;

import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.spi.ErrorDecoder;
import dev.polylink.core.spi.RateLimitParser;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Everything {@link OkHttpFactory} needs to build the OkHttp client of one LinkClient, resolved:
 * no field is null except {@link #shared} (no user client) and {@link #socketTimeout} /
 * {@link #connectionIdleTimeout} (keep what the user's client says).
 */
public final class ClientSettings {
  final OkHttpClient shared;
  final Duration socketTimeout;
  final Duration attemptTimeout;
  final Duration operationTimeout;
  final Duration connectionIdleTimeout;
  final long maxResponseBodyBytes;
  final String authorization;
  final String userAgent;
  final RetryPolicy retryPolicy;
  final RetryPolicy.Sleeper sleeper;
  final Clock clock;
  final ErrorDecoder errorDecoder;
  final RateLimitParser rateLimitParser;
  final Consumer<RateLimitStatus> rateLimitSink;
  final EventDispatcher observer; // obs: listeners, logging, the wire log
  final Pacer pacer; // null: no pacing
  final java.util.Set<String> quotaWindows;
  final Consumer<java.util.List<RateLimitStatus>> windowsSink;

  private ClientSettings(Builder b) {
    this.shared = b.shared;
    this.socketTimeout = b.socketTimeout;
    this.attemptTimeout = b.attemptTimeout;
    this.operationTimeout = b.operationTimeout;
    this.connectionIdleTimeout = b.connectionIdleTimeout;
    this.maxResponseBodyBytes = b.maxResponseBodyBytes;
    this.authorization = b.authorization;
    this.userAgent = b.userAgent;
    this.retryPolicy = b.retryPolicy;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.errorDecoder = b.errorDecoder;
    this.rateLimitParser = b.rateLimitParser;
    this.rateLimitSink = b.rateLimitSink;
    this.pacer = b.pacer;
    this.quotaWindows = b.quotaWindows;
    this.windowsSink = b.windowsSink != null ? b.windowsSink : w -> { };
    this.observer = b.observer != null ? b.observer : new EventDispatcher("unknown", java.util.List.of(), false);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fills a {@link ClientSettings}; every setter takes the resolved value. */
  public static final class Builder {
    private OkHttpClient shared;
    private Duration socketTimeout;
    private Duration attemptTimeout;
    private Duration operationTimeout;
    private Duration connectionIdleTimeout;
    private long maxResponseBodyBytes;
    private String authorization;
    private String userAgent;
    private RetryPolicy retryPolicy;
    private RetryPolicy.Sleeper sleeper;
    private Clock clock;
    private ErrorDecoder errorDecoder;
    private RateLimitParser rateLimitParser;
    private Consumer<RateLimitStatus> rateLimitSink;
    private EventDispatcher observer; // obs
    private Pacer pacer;
    private java.util.Set<String> quotaWindows = java.util.Set.of();
    private Consumer<java.util.List<RateLimitStatus>> windowsSink;

    /** The client-side rate limiter applied before every attempt; null for none. */
    public Builder pacer(Pacer pacer) {
      this.pacer = pacer;
      return this;
    }

    /** The names of the windows that are quotas (used up: fail at once), e.g. xQR's monthly one. */
    public Builder quotaWindows(java.util.Set<String> quotaWindows) {
      this.quotaWindows = java.util.Set.copyOf(quotaWindows);
      return this;
    }

    /** Told every window of each response's headers, read once. */
    public Builder windowsSink(Consumer<java.util.List<RateLimitStatus>> windowsSink) {
      this.windowsSink = windowsSink;
      return this;
    }

    private Builder() {}

    public Builder shared(OkHttpClient shared) {
      this.shared = shared;
      return this;
    }

    public Builder socketTimeout(Duration socketTimeout) {
      this.socketTimeout = socketTimeout;
      return this;
    }

    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = attemptTimeout;
      return this;
    }

    public Builder operationTimeout(Duration operationTimeout) {
      this.operationTimeout = operationTimeout;
      return this;
    }

    public Builder connectionIdleTimeout(Duration connectionIdleTimeout) {
      this.connectionIdleTimeout = connectionIdleTimeout;
      return this;
    }

    public Builder maxResponseBodyBytes(long maxResponseBodyBytes) {
      this.maxResponseBodyBytes = maxResponseBodyBytes;
      return this;
    }

    public Builder authorization(String authorization) {
      this.authorization = authorization;
      return this;
    }

    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    public Builder sleeper(RetryPolicy.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder errorDecoder(ErrorDecoder errorDecoder) {
      this.errorDecoder = errorDecoder;
      return this;
    }

    public Builder rateLimitParser(RateLimitParser rateLimitParser) {
      this.rateLimitParser = rateLimitParser;
      return this;
    }

    public Builder rateLimitSink(Consumer<RateLimitStatus> rateLimitSink) {
      this.rateLimitSink = rateLimitSink;
      return this;
    }

    /** Who is told about each attempt, and whether the wire log is on. */
    public Builder observer(EventDispatcher observer) {
      this.observer = observer;
      return this;
    }

    public ClientSettings build() {
      return new ClientSettings(this);
    }
  }
}
