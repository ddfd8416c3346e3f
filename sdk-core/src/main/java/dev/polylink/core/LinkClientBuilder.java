package dev.polylink.core;

import dev.polylink.core.spi.Checks;
import dev.polylink.core.spi.HttpTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The settings every provider's client builder shares. Every setter returns the concrete builder,
 * so {@code ShortpenClient.builder().apiKey(k).baseUrl(u).defaultDomainId(1).build()} compiles and
 * returns a {@code ShortpenClient}.
 *
 * @param <B> the concrete builder
 * @param <C> the client it builds
 */
public abstract class LinkClientBuilder<B extends LinkClientBuilder<B, C>, C extends LinkClient> {
  /** The timeout applied to connecting, reading and writing unless {@link #timeout} says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private String apiKey;
  private String baseUrl;
  private OkHttpClient httpClient;
  private Duration timeout;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private String userAgent;
  private Clock clock = Clock.systemUTC();
  private RetryPolicy.Sleeper sleeper = RetryPolicy.Sleeper.SYSTEM;

  /** Creates the Link client builder. */
  protected LinkClientBuilder() {}

  /** {@return the provider id of the client this builder builds, for messages} */
  protected abstract String providerId();

  /** {@return the vendor's documented base URL} */
  protected abstract String defaultBaseUrl();

  /**
   * Builds the client.
   *
   * @return a new client; close it when done
   */
  public abstract C build();

  /** {@return this builder, as its own type} */
  @SuppressWarnings("unchecked")
  protected final B self() {
    return (B) this;
  }

  /**
   * The API key or token, sent as {@code Authorization: Bearer <key>}. Never logged or shown.
   * Surrounding whitespace is stripped; a blank key, or one with a character that an HTTP header
   * cannot carry (a control character or non-ASCII), is a {@link RequestValidationException} that
   * does not show the key.
   *
   * @param apiKey the API key or token, sent as {@code Authorization: Bearer <key>}
   * @return this builder
   */
  public B apiKey(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new RequestValidationException(providerId(), "apiKey: must not be blank");
    }
    String stripped = apiKey.strip();
    if (stripped.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      // Said without the value: it is a secret.
      throw new RequestValidationException(
          providerId(), "apiKey: must be printable ASCII, without control characters (the key is not shown)");
    }
    this.apiKey = stripped;
    return self();
  }

  /**
   * The API's base URL; the vendor's documented paths are appended to it. Defaults to the vendor's
   * documented base URL.
   *
   * @param baseUrl the API's base URL; the vendor's documented paths are appended to it
   * @return this builder
   */
  public B baseUrl(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Checks.httpUrl(providerId(), "baseUrl", baseUrl);
    this.baseUrl = baseUrl.strip();
    return self();
  }

  /**
   * An OkHttp client to share its connection pool and dispatcher. Polylink derives its own client
   * from it with {@code newBuilder()}, adding its interceptors, and never shuts it down.
   *
   * @param httpClient an OkHttp client to share its connection pool and dispatcher
   * @return this builder
   */
  public B httpClient(OkHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return self();
  }

  /**
   * The connect, read and write timeout; default {@link #DEFAULT_TIMEOUT}.
   *
   * @param timeout the connect, read and write timeout; default {@link #DEFAULT_TIMEOUT}
   * @return this builder
   */
  public B timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new RequestValidationException(providerId(), "timeout: must be positive (was " + timeout + ")");
    }
    this.timeout = timeout;
    return self();
  }

  /**
   * How failed requests are retried; default {@link RetryPolicy#defaults()}.
   *
   * @param retryPolicy how failed requests are retried; default {@link RetryPolicy#defaults()}
   * @return this builder
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return self();
  }

  /**
   * Appended to the {@code User-Agent} header after {@code polylink-java/<version> (<provider>)}.
   *
   * @param userAgent appended to the {@code User-Agent} header after {@code polylink-java/<version>
   *     (<provider>)}
   * @return this builder
   */
  public B userAgent(String userAgent) {
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw new RequestValidationException(
          providerId(), "userAgent: must be non-blank printable ASCII");
    }
    this.userAgent = userAgent.strip();
    return self();
  }

  /**
   * The clock used for {@code Retry-After} dates and expiry arithmetic; default UTC system clock.
   *
   * @param clock the clock used for {@code Retry-After} dates and expiry arithmetic; default UTC
   *     system clock
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * What waits between retries; replace it in tests so nothing sleeps for real.
   *
   * @param sleeper what waits between retries; replace it in tests so nothing sleeps for real
   * @return this builder
   */
  public B sleeper(RetryPolicy.Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /** {@return the API key, if one was given} */
  protected final java.util.Optional<String> apiKey() {
    return java.util.Optional.ofNullable(apiKey);
  }

  /**
   * The {@code Authorization} header value: {@code Bearer <apiKey>} unless a provider overrides it
   * (CarrierX's basic auth).
   *
   * @return the {@code Authorization} header value: {@code Bearer <apiKey>} unless a provider
   *     overrides it (CarrierX's basic auth)
   * @throws RequestValidationException when no credentials were given
   */
  protected String authorization() {
    if (apiKey == null) {
      throw new RequestValidationException(providerId(), "apiKey: is required");
    }
    return "Bearer " + apiKey;
  }

  /** {@return the clock given to {@link #clock(Clock)}} */
  protected final Clock clock() {
    return clock;
  }

  /**
   * {@return A transport builder holding these settings, for the provider to add its error decoder
   * and rate-limit parser to}
   */
  protected final HttpTransport.Builder transport() {
    return HttpTransport.builder(providerId())
        .baseUrl(baseUrl == null ? defaultBaseUrl() : baseUrl)
        .authorization(authorization())
        .httpClient(httpClient)
        .timeout(timeout)
        .retryPolicy(retryPolicy)
        .userAgent(userAgent)
        .clock(clock)
        .sleeper(sleeper);
  }
}
