package dev.polylink.core.spi;

import dev.polylink.core.Operation;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.TransportException;
import dev.polylink.core.internal.ApiExceptions;
import dev.polylink.core.internal.ApiFailure;
import dev.polylink.core.internal.EventDispatcher;
import dev.polylink.core.internal.OkHttpFactory;
import dev.polylink.core.internal.Version;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The HTTP layer of one LinkClient: one OkHttp client (the user's, derived, or its own), one
 * Retrofit, the shared Jackson mapper, the retry interceptor, error decoding and rate-limit
 * tracking. Providers create their Retrofit interfaces from it once and run every call through
 * {@link #execute}.
 */
public final class HttpTransport implements AutoCloseable {
  private static final JacksonConverterFactory CONVERTERS = JacksonConverterFactory.create(Json.mapper());

  private final String providerId;
  private final OkHttpClient okHttp;
  private final boolean ownsOkHttp;
  private final Retrofit retrofit;
  private final Clock clock;
  private final AtomicReference<RateLimitStatus> lastRateLimit = new AtomicReference<>();
  private final EventDispatcher events; // obs: listeners and logging

  private HttpTransport(Builder b) {
    this.providerId = b.providerId;
    this.clock = b.clock;
    this.ownsOkHttp = b.httpClient == null;
    this.events = new EventDispatcher(providerId, b.listeners, b.wireLog); // obs
    String userAgent =
        "polylink-java/" + Version.get() + " (" + providerId + ")" + (b.userAgent == null ? "" : " " + b.userAgent);
    this.okHttp =
        OkHttpFactory.create(
            b.httpClient,
            b.timeout != null ? b.timeout : (ownsOkHttp ? dev.polylink.core.LinkClientBuilder.DEFAULT_TIMEOUT : null),
            Objects.requireNonNull(b.authorization, "authorization"),
            userAgent,
            b.retryPolicy,
            b.sleeper,
            b.clock,
            b.errorDecoder,
            b.rateLimitParser,
            this::rateLimitRead, // obs: was lastRateLimit::set
            events);
    String base = b.baseUrl.endsWith("/") ? b.baseUrl : b.baseUrl + "/";
    this.retrofit =
        new Retrofit.Builder().baseUrl(base).client(okHttp).addConverterFactory(CONVERTERS).build();
  }

  public static Builder builder(String providerId) {
    return new Builder(providerId);
  }

  /** Creates a Retrofit service; call once per client, not per request. */
  public <T> T create(Class<T> service) {
    return retrofit.create(service);
  }

  /**
   * Runs a call and returns its body: {@code null} for a {@code Void} call and for an answer
   * without content (204, 205); use {@link #executeForBody} where a body is required.
   *
   * @throws dev.polylink.core.ApiException for an error status, after the retries the policy allows
   * @throws TransportException for I/O failures and unreadable bodies
   */
  public <T> T execute(Operation operation, Call<T> call) {
    return exchange(operation, call).body();
  }

  /** Like {@link #execute} but requires a body: an empty one is a {@link TransportException}. */
  public <T> T executeForBody(Operation operation, Call<T> call) {
    T body = execute(operation, call);
    if (body == null) {
      throw new TransportException(providerId, operation, "the response had no body", null);
    }
    return body;
  }

  /** Runs a call and returns the whole successful response (headers included). */
  public <T> Response<T> exchange(Operation operation, Call<T> call) {
    return events.operation(operation, () -> exchangeObserved(operation, call)); // obs
  }

  private <T> Response<T> exchangeObserved(Operation operation, Call<T> call) {
    try {
      return call.execute();
    } catch (ApiFailure failure) {
      throw ApiExceptions.create(providerId, operation, failure);
    } catch (IOException e) {
      throw new TransportException(providerId, operation, describe(e), e);
    } catch (RuntimeException e) {
      if (e instanceof dev.polylink.core.PolylinkException) {
        throw e;
      }
      throw new TransportException(providerId, operation, describe(e), e);
    }
  }

  /** Records a rate-limit state read from a response body, replacing the one from headers. */
  public void recordRateLimit(RateLimitStatus status) {
    if (!status.isEmpty()) {
      rateLimitRead(status);
    }
  }

  // ---- obs: operation scopes for listeners and logging (lane/obs) ----

  /**
   * Runs one client operation so that the builder's listeners and the SDK's log see it whole: its
   * start, every HTTP attempt made through {@link #exchange} while it runs, and its end with its
   * outcome, including a failure before any request (validation). Every public client method runs
   * through it; an {@link #exchange} outside one is an operation of its own.
   *
   * @param <T> the result type
   * @param operation the operation
   * @param body the operation's work
   * @return what {@code body} returns
   */
  public <T> T observe(Operation operation, java.util.function.Supplier<T> body) {
    return events.operation(operation, body);
  }

  /**
   * {@link #observe(Operation, java.util.function.Supplier)} for an operation without a result.
   *
   * @param operation the operation
   * @param body the operation's work
   */
  public void observe(Operation operation, Runnable body) {
    events.operation(operation, () -> {
      body.run();
      return null;
    });
  }

  private void rateLimitRead(RateLimitStatus status) {
    lastRateLimit.set(status);
    events.rateLimitRead(status);
  }

  // ---- end obs ----

  public Optional<RateLimitStatus> lastRateLimit() {
    return Optional.ofNullable(lastRateLimit.get());
  }

  /** The clock the client was built with. */
  public Clock clock() {
    return clock;
  }

  /** The OkHttp client in use (for tests and advanced callers). */
  public OkHttpClient okHttpClient() {
    return okHttp;
  }

  /** Shuts down the pool and threads this transport created; a user's client is left alone. */
  @Override
  public void close() {
    if (ownsOkHttp) {
      okHttp.dispatcher().executorService().shutdown();
      okHttp.connectionPool().evictAll();
    }
  }

  private static String describe(Throwable e) {
    String kind = e.getClass().getSimpleName();
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException) {
      return "the response body could not be read as the expected JSON (" + kind + ": "
          + ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage() + ")";
    }
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }

  /** Builds an {@link HttpTransport}; usually started from {@code LinkClientBuilder.transport()}. */
  public static final class Builder {
    private final String providerId;
    private String baseUrl;
    private String authorization;
    private OkHttpClient httpClient;
    private Duration timeout;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String userAgent;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy.Sleeper sleeper = RetryPolicy.Sleeper.SYSTEM;
    private ErrorDecoder errorDecoder = (status, headers, body) -> VendorError.none();
    private RateLimitParser rateLimitParser = RateLimitParser.NONE;
    private java.util.List<dev.polylink.core.LinkClientListener> listeners = java.util.List.of(); // obs
    private boolean wireLog; // obs

    private Builder(String providerId) {
      this.providerId = Objects.requireNonNull(providerId, "providerId");
    }

    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** The full {@code Authorization} header value. */
    public Builder authorization(String authorization) {
      this.authorization = Objects.requireNonNull(authorization, "authorization");
      return this;
    }

    /** The user's client to derive from, or null for a client of our own. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /** Null keeps the user's client's timeouts, or the default for our own. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Appended to the User-Agent; null for none. */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder sleeper(RetryPolicy.Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public Builder errorDecoder(ErrorDecoder errorDecoder) {
      this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder");
      return this;
    }

    public Builder rateLimitParser(RateLimitParser rateLimitParser) {
      this.rateLimitParser = Objects.requireNonNull(rateLimitParser, "rateLimitParser");
      return this;
    }

    /**
     * The listeners told about every operation and attempt, in order.
     *
     * @param listeners the listeners
     * @return this builder
     */
    public Builder listeners(java.util.List<dev.polylink.core.LinkClientListener> listeners) {
      this.listeners = java.util.List.copyOf(listeners);
      return this;
    }

    /**
     * Whether to log each attempt's request and response, redacted, at TRACE.
     *
     * @param wireLog true to log the wire
     * @return this builder
     */
    public Builder wireLog(boolean wireLog) {
      this.wireLog = wireLog;
      return this;
    }

    public HttpTransport build() {
      Objects.requireNonNull(baseUrl, "baseUrl");
      return new HttpTransport(this);
    }
  }
}
