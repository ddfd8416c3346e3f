package dev.polylink.core.spi;

import dev.polylink.core.Operation;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.TransportException;
import dev.polylink.core.internal.ApiExceptions;
import dev.polylink.core.internal.ApiFailure;
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

  private HttpTransport(Builder b) {
    this.providerId = b.providerId;
    this.clock = b.clock;
    this.ownsOkHttp = b.httpClient == null;
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
            lastRateLimit::set);
    String base = b.baseUrl.endsWith("/") ? b.baseUrl : b.baseUrl + "/";
    this.retrofit =
        new Retrofit.Builder().baseUrl(base).client(okHttp).addConverterFactory(CONVERTERS).build();
  }

  /**
   * A builder of the transport of one provider.
   *
   * @param providerId the provider's id, such as {@code "xqr"}
   * @return a new builder
   */
  public static Builder builder(String providerId) {
    return new Builder(providerId);
  }

  /**
   * Creates a Retrofit service; call once per client, not per request.
   *
   * @param <T> the type of the value
   * @param service the Retrofit interface
   * @return a proxy implementing {@code service}
   */
  public <T> T create(Class<T> service) {
    return retrofit.create(service);
  }

  /**
   * Runs a call and returns its body: {@code null} for a {@code Void} call and for an answer
   * without content (204, 205); use {@link #executeForBody} where a body is required.
   *
   * @param <T> the type of the value
   * @param operation the operation that was attempted
   * @param call the Retrofit call, not yet executed
   * @return the body, or {@code null}
   * @throws dev.polylink.core.ApiException for an error status, after the retries the policy allows
   * @throws TransportException for I/O failures and unreadable bodies
   */
  public <T> T execute(Operation operation, Call<T> call) {
    return exchange(operation, call).body();
  }

  /**
   * Like {@link #execute} but requires a body: an empty one is a {@link TransportException}.
   *
   * @param <T> the type of the value
   * @param operation the operation that was attempted
   * @param call the Retrofit call, not yet executed
   * @return the body, never {@code null}
   */
  public <T> T executeForBody(Operation operation, Call<T> call) {
    T body = execute(operation, call);
    if (body == null) {
      throw new TransportException(providerId, operation, "the response had no body", null);
    }
    return body;
  }

  /**
   * Runs a call and returns the whole successful response (headers included).
   *
   * @param <T> the type of the value
   * @param operation the operation that was attempted
   * @param call the Retrofit call, not yet executed
   * @return the successful response
   */
  public <T> Response<T> exchange(Operation operation, Call<T> call) {
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

  /**
   * Records a rate-limit state read from a response body, replacing the one from headers.
   *
   * @param status the HTTP status of the response
   */
  public void recordRateLimit(RateLimitStatus status) {
    if (!status.isEmpty()) {
      lastRateLimit.set(status);
    }
  }

  /**
   * {@return the rate-limit state of the most recent response that reported one; empty before that}
   */
  public Optional<RateLimitStatus> lastRateLimit() {
    return Optional.ofNullable(lastRateLimit.get());
  }

  /** {@return the clock the client was built with} */
  public Clock clock() {
    return clock;
  }

  /** {@return the OkHttp client in use (for tests and advanced callers)} */
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

    private Builder(String providerId) {
      this.providerId = Objects.requireNonNull(providerId, "providerId");
    }

    /**
     * Sets the API's base URL, which every relative path of the Retrofit services resolves against.
     *
     * @param baseUrl the API's base URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /**
     * The full {@code Authorization} header value.
     *
     * @param authorization the full {@code Authorization} header value
     * @return this builder
     */
    public Builder authorization(String authorization) {
      this.authorization = Objects.requireNonNull(authorization, "authorization");
      return this;
    }

    /**
     * The user's client to derive from, or null for a client of our own.
     *
     * @param httpClient the user's client to derive from, or null for a client of our own
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Null keeps the user's client's timeouts, or the default for our own.
     *
     * @param timeout null keeps the user's client's timeouts, or the default for our own
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the retry policy.
     *
     * @param retryPolicy the value
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Appended to the User-Agent; null for none.
     *
     * @param userAgent appended to the User-Agent; null for none
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Sets the clock for rate-limit reset times and retry waits.
     *
     * @param clock the clock for timestamps and rate-limit windows
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets what waits between retries; tests replace it so that nothing sleeps for real.
     *
     * @param sleeper what waits between retries
     * @return this builder
     */
    public Builder sleeper(RetryPolicy.Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the provider's reader of error responses.
     *
     * @param errorDecoder the value
     * @return this builder
     */
    public Builder errorDecoder(ErrorDecoder errorDecoder) {
      this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder");
      return this;
    }

    /**
     * Sets the provider's reader of rate-limit headers.
     *
     * @param rateLimitParser the value
     * @return this builder
     */
    public Builder rateLimitParser(RateLimitParser rateLimitParser) {
      this.rateLimitParser = Objects.requireNonNull(rateLimitParser, "rateLimitParser");
      return this;
    }

    /**
     * Builds the {@code HttpTransport}.
     *
     * @return a new, immutable {@code HttpTransport}
     */
    public HttpTransport build() {
      Objects.requireNonNull(baseUrl, "baseUrl");
      return new HttpTransport(this);
    }
  }
}
