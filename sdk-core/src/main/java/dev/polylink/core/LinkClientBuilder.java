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
  private final java.util.List<LinkClientListener> listeners = new java.util.ArrayList<>(); // obs
  private boolean wireLog; // obs

  protected LinkClientBuilder() {}

  /** The provider id of the client this builder builds, for messages. */
  protected abstract String providerId();

  /** The vendor's documented base URL. */
  protected abstract String defaultBaseUrl();

  /** Builds the client. */
  public abstract C build();

  @SuppressWarnings("unchecked")
  protected final B self() {
    return (B) this;
  }

  /**
   * The API key or token, sent as {@code Authorization: Bearer <key>}. Never logged or shown.
   * Surrounding whitespace is stripped; a blank key, or one with a character that an HTTP header
   * cannot carry (a control character or non-ASCII), is a {@link RequestValidationException} that
   * does not show the key.
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
   */
  public B httpClient(OkHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return self();
  }

  /** The connect, read and write timeout; default {@link #DEFAULT_TIMEOUT}. */
  public B timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new RequestValidationException(providerId(), "timeout: must be positive (was " + timeout + ")");
    }
    this.timeout = timeout;
    return self();
  }

  /** How failed requests are retried; default {@link RetryPolicy#defaults()}. */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return self();
  }

  /** Appended to the {@code User-Agent} header after {@code polylink-java/<version> (<provider>)}. */
  public B userAgent(String userAgent) {
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
      throw new RequestValidationException(
          providerId(), "userAgent: must be non-blank printable ASCII");
    }
    this.userAgent = userAgent.strip();
    return self();
  }

  /** The clock used for {@code Retry-After} dates and expiry arithmetic; default UTC system clock. */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /** What waits between retries; replace it in tests so nothing sleeps for real. */
  public B sleeper(RetryPolicy.Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /**
   * Adds a listener told about every operation, attempt, retry and rate-limit state of the client
   * (see {@link LinkClientListener} for the order of events); several may be added, and are told in
   * the order added.
   *
   * @param listener the listener
   * @return this builder
   */
  public B addListener(LinkClientListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return self();
  }

  /**
   * Whether to log every attempt's request and response at TRACE on SLF4J logger {@code
   * dev.polylink.wire}, with credentials and passwords redacted; default false. Off, the wire log
   * costs nothing; on, it costs nothing while TRACE is disabled for that logger.
   *
   * @param wireLog true to log the wire
   * @return this builder
   */
  public B wireLog(boolean wireLog) {
    this.wireLog = wireLog;
    return self();
  }

  /** The API key, if one was given. */
  protected final java.util.Optional<String> apiKey() {
    return java.util.Optional.ofNullable(apiKey);
  }

  /**
   * The {@code Authorization} header value: {@code Bearer <apiKey>} unless a provider overrides it
   * (CarrierX's basic auth).
   *
   * @throws RequestValidationException when no credentials were given
   */
  protected String authorization() {
    if (apiKey == null) {
      throw new RequestValidationException(providerId(), "apiKey: is required");
    }
    return "Bearer " + apiKey;
  }

  /** The clock given to {@link #clock(Clock)}. */
  protected final Clock clock() {
    return clock;
  }

  /**
   * A transport builder holding these settings, for the provider to add its error decoder and
   * rate-limit parser to.
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
        .sleeper(sleeper)
        .listeners(listeners) // obs
        .wireLog(wireLog); // obs
  }
}
