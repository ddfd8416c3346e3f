package dev.polylink.core;

import dev.polylink.core.spi.Checks;
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
  private String apiKey;
  private String baseUrl;
  private OkHttpClient httpClient;
  private Duration timeout;
  private Duration attemptTimeout;
  private Duration operationTimeout;
  private Duration connectionIdleTimeout;
  private Long maxResponseBodySize;
  private boolean allowInsecurePlainHttp;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private String userAgent;
  private Clock clock = Clock.systemUTC();
  private RetryPolicy.Sleeper sleeper = RetryPolicy.Sleeper.SYSTEM;
  private java.util.concurrent.ScheduledExecutorService scheduledExecutorService; // async
  private java.util.concurrent.Executor futureCompletionExecutor = java.util.concurrent.ForkJoinPool.commonPool();
  private final java.util.List<LinkClientListener> listeners = new java.util.ArrayList<>(); // obs
  private boolean wireLog; // obs
  private RateLimit rateLimit = RateLimit.adaptive();
  private int bulkConcurrency = DEFAULT_BULK_CONCURRENCY;
  private RateBudget rateBudget;

  /** Creates the Link client builder. */
  protected LinkClientBuilder() {}

  /**
   * The default of {@link #bulkConcurrency}: 4 requests in flight, enough to reach a vendor's limit
   * under the client's pacing where one request at a time cannot (issue 13's xQR measurements: 1.12
   * times the physical minimum at 4 against 1.57 at 1), without a large pool of threads.
   */
  public static final int DEFAULT_BULK_CONCURRENCY = 4;

  /** The largest {@link #bulkConcurrency}: OkHttp's default limit of requests per host (64). */
  public static final int MAX_BULK_CONCURRENCY = 64;

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
   * documented base URL. A plain {@code http} URL is refused when the client is built (a {@link
   * RequestValidationException}: the API key would travel in clear) unless its host is loopback
   * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}, as for the emulators) or {@link
   * #allowInsecurePlainHttp()} was called.
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
   * from it with {@code newBuilder()}, adding its interceptors, and never shuts it down. It switches
   * off redirects and OkHttp's own connection-failure retries in the derived client, and replaces
   * its call timeout with {@link #attemptTimeout} and {@link #operationTimeout}.
   *
   * <p>The shared pool's keep-alive then decides how long an idle connection is reused (OkHttp's
   * default: 5 minutes). A server that closes idle connections sooner (Node's default: after 5 s)
   * can make a request fail after it was sent, when a create cannot be resent: give the shared
   * client a pool with a shorter keep-alive ({@code new ConnectionPool(5, 4, TimeUnit.SECONDS)}),
   * or set {@link #connectionIdleTimeout}, which gives this client a pool of its own.
   *
   * @param httpClient an OkHttp client to share its connection pool and dispatcher
   * @return this builder
   */
  public B httpClient(OkHttpClient httpClient) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    return self();
  }

  /**
   * The connect, read and write timeout of each socket operation; default 30 s (or the shared
   * client's). It bounds each read, not a call: see {@link #attemptTimeout} and {@link
   * #operationTimeout}.
   *
   * @param timeout the connect, read and write timeout of each socket operation; default 30 s (or
   *     the shared client's)
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
   * The deadline of one attempt, from sending the request to the last byte of the answer, however
   * slowly it trickles in; default 60 s. An attempt past it fails with a {@link
   * TransportException} naming it; a GET, PUT, PATCH or DELETE is then retried per the {@link
   * RetryPolicy}, a POST never (the vendor may have processed it). Like the AWS SDK v2's {@code
   * apiCallAttemptTimeout}.
   *
   * @param attemptTimeout positive
   * @return this builder
   */
  public B attemptTimeout(Duration attemptTimeout) {
    this.attemptTimeout = positive("attemptTimeout", attemptTimeout);
    return self();
  }

  /**
   * The deadline of a whole operation: its attempts, backoff and {@code Retry-After} waits
   * together; default 3 minutes (room for the default {@link RetryPolicy} to wait out a one-minute
   * rate window twice). No wait is started that would end past it: the call fails at once with a
   * {@link TransportException} naming the deadline, whose cause is the vendor's last answer (a
   * {@link RateLimitException}, say). Like the AWS SDK v2's {@code apiCallTimeout}. Each call of a
   * {@code listAll} stream is one operation.
   *
   * @param operationTimeout positive
   * @return this builder
   */
  public B operationTimeout(Duration operationTimeout) {
    this.operationTimeout = positive("operationTimeout", operationTimeout);
    return self();
  }

  /**
   * How long a pooled connection may stay idle and still be reused; default 4 s, below the 5 s
   * after which a Node.js server (SnipURL's, for one) closes an idle connection. A connection idle
   * for longer is closed by the client first, so no request is ever written to a connection the
   * server already closed. With {@link #httpClient} this gives the client a pool of its own.
   *
   * @param connectionIdleTimeout positive
   * @return this builder
   */
  public B connectionIdleTimeout(Duration connectionIdleTimeout) {
    this.connectionIdleTimeout = positive("connectionIdleTimeout", connectionIdleTimeout);
    return self();
  }

  /**
   * The largest success body the client reads, in bytes; default 16 MiB (a CarrierX page of 1,000
   * links with 8,000-character destinations is 8.4 MB). A larger answer fails with a {@link
   * TransportException} without being read further. Error bodies are always kept up to 64 KiB.
   *
   * @param bytes at least 1
   * @return this builder
   */
  public B maxResponseBodySize(long bytes) {
    if (bytes < 1) {
      throw new RequestValidationException(providerId(), "maxResponseBodySize: must be positive (was " + bytes + ")");
    }
    this.maxResponseBodySize = bytes;
    return self();
  }

  /**
   * <strong>Unsafe:</strong> accepts a plain {@code http} base URL on any host, so the API key and
   * every request travel unencrypted and can be read or changed on the way. Only for a trusted
   * network (a proxy in the same pod, say); loopback hosts never need it.
   *
   * @return this builder
   */
  public B allowInsecurePlainHttp() {
    this.allowInsecurePlainHttp = true;
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
   * The clock used for {@code Retry-After} dates, expiry arithmetic and the rate-limit pacing's
   * windows; default UTC system clock. A test that replaces the {@link #sleeper} should pass a clock
   * that the sleeper's waits move (e.g. the test kit's {@code MutableClock} and {@code
   * clock::advance}): pacing measured on a clock that no wait moves would owe each wait again.
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
   * What waits between retries and for the rate-limit budget; replace it in tests so nothing sleeps
   * for real, together with a {@link #clock} that its waits move.
   *
   * @param sleeper what waits between retries; replace it in tests so nothing sleeps for real
   * @return this builder
   */
  public B sleeper(RetryPolicy.Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /**
   * The scheduler on which the {@linkplain LinkClient#async() asynchronous} calls wait between
   * attempts and for the rate-limit budget, as the AWS SDK v2's {@code
   * ClientOverrideConfiguration.scheduledExecutorService}: no thread sleeps while a call waits; the
   * scheduler only starts the next attempt when the wait is over. Default: one daemon thread of the
   * client's own, started at the first wait and shut down by {@link LinkClient#close()}. A scheduler
   * given here is never shut down by the client. The blocking methods wait with the {@link
   * #sleeper} instead. Tests may give one that runs delayed tasks at once and records their delays.
   *
   * @param scheduler the scheduler
   * @return this builder
   */
  public B scheduledExecutorService(java.util.concurrent.ScheduledExecutorService scheduler) {
    this.scheduledExecutorService = Objects.requireNonNull(scheduler, "scheduler");
    return self();
  }

  /**
   * The executor on which the futures of the {@linkplain LinkClient#async() asynchronous client}
   * complete, as the AWS SDK v2's {@code SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR}:
   * dependent stages attached without an executor ({@code thenApply}, {@code whenComplete}, ...)
   * run on it, never on OkHttp's dispatcher threads nor on the client's scheduler, whose threads a
   * slow or blocking continuation would otherwise hold while other calls wait for them. Every
   * future of the asynchronous client is completed on it, single operations, bulk operations and
   * the provider's typed extras alike, and so is every signal of {@link
   * AsyncLinkClient#listAll}'s publisher.
   *
   * <p>Default: {@link java.util.concurrent.ForkJoinPool#commonPool()}, the executor of {@code
   * CompletableFuture}'s own {@code ...Async} stages: the client then starts, sizes and shuts down
   * no thread of its own for it, and nothing is left to close (AWS SDK v2 starts a pool of its own
   * instead). Like any common-pool work, a continuation should not block for long; give an executor
   * of your own for blocking continuations, or {@code Runnable::run} to complete on the thread that
   * finished the work (OkHttp's dispatcher, the scheduler, or the caller's for a request refused
   * before sending), which saves a hand-off and is what AWS recommends only for continuations that
   * never block. When the executor refuses the task (it was shut down), the future is completed on
   * the thread that finished the work. The executor is never shut down by the client.
   *
   * @param executor the executor
   * @return this builder
   */
  public B futureCompletionExecutor(java.util.concurrent.Executor executor) {
    this.futureCompletionExecutor = Objects.requireNonNull(executor, "executor");
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

  /**
   * How the client paces its own requests so that it stays within the vendor's limit whatever the
   * number of threads using it. The default is {@link RateLimit#adaptive()}: seeded from the
   * vendor's documented limit, corrected from its rate-limit headers and 429s; {@link
   * RateLimit#fixed} sets a rate of one's own, {@link RateLimit#none()} turns pacing off. Waits for
   * the budget go through {@link #sleeper} and are measured on {@link #clock}, so a test that
   * injects one should inject both (a sleeper that moves the clock). See {@link RateLimit}.
   *
   * @param rateLimit the setting
   * @return this builder
   */
  public B rateLimit(RateLimit rateLimit) {
    this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
    return self();
  }

  /**
   * One budget shared with other clients of the same account (it replaces {@link #rateLimit}).
   *
   * @param rateBudget the shared budget
   * @return this builder
   */
  public B rateBudget(RateBudget rateBudget) {
    this.rateBudget = Objects.requireNonNull(rateBudget, "rateBudget");
    return self();
  }

  /**
   * How many requests a bulk operation ({@link LinkClient#createAll}, {@link
   * LinkClient#updateAll(java.util.Map)}, {@link LinkClient#updateAll(java.util.Collection,
   * LinkPatch)}, {@link LinkClient#deleteAll}) keeps in flight at once, vendor batches and single
   * requests alike; default {@value #DEFAULT_BULK_CONCURRENCY}. Every request still goes through the
   * client's pacing ({@link #rateLimit}), retries and deadlines, so a higher concurrency never
   * exceeds the paced rate: it only lets the client reach it when one request at a time cannot
   * (latency). The results keep the input order whatever the concurrency. 1 sends one request at a
   * time, in input order. With pacing off ({@link RateLimit#none()}), a higher concurrency finds the
   * vendor's limit by its 429 answers, which the retry policy then waits out.
   *
   * @param bulkConcurrency 1 to {@value #MAX_BULK_CONCURRENCY}
   * @return this builder
   * @throws RequestValidationException outside 1 to {@value #MAX_BULK_CONCURRENCY}
   */
  public B bulkConcurrency(int bulkConcurrency) {
    if (bulkConcurrency < 1 || bulkConcurrency > MAX_BULK_CONCURRENCY) {
      throw new RequestValidationException(providerId(),
          "bulkConcurrency: must be between 1 and " + MAX_BULK_CONCURRENCY + " (was " + bulkConcurrency + ")");
    }
    this.bulkConcurrency = bulkConcurrency;
    return self();
  }

  /**
   * The value given to {@link #bulkConcurrency}.
   *
   * @return the setting
   */
  protected final int bulkConcurrency() {
    return bulkConcurrency;
  }

  /**
   * The value given to {@link #rateLimit}.
   *
   * @return the setting
   */
  protected final RateLimit rateLimitSetting() {
    return rateLimit;
  }

  /**
   * The budget given to {@link #rateBudget}, or null.
   *
   * @return the budget
   */
  protected final RateBudget rateBudget() {
    return rateBudget;
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
   * The base URL given to {@link #baseUrl}, or the vendor's default.
   *
   * @return the URL
   */
  protected final String baseUrl() {
    return baseUrl == null ? defaultBaseUrl() : baseUrl;
  }

  /**
   * The client given to {@link #httpClient}, or null.
   *
   * @return the client
   */
  protected final OkHttpClient httpClient() {
    return httpClient;
  }

  /**
   * The value given to {@link #timeout}, or null for the default.
   *
   * @return the timeout
   */
  protected final Duration timeout() {
    return timeout;
  }

  /**
   * The value given to {@link #attemptTimeout}, or null for the default.
   *
   * @return the deadline
   */
  protected final Duration attemptTimeout() {
    return attemptTimeout;
  }

  /**
   * The value given to {@link #operationTimeout}, or null for the default.
   *
   * @return the deadline
   */
  protected final Duration operationTimeout() {
    return operationTimeout;
  }

  /**
   * The value given to {@link #connectionIdleTimeout}, or null for the default.
   *
   * @return the idle time
   */
  protected final Duration connectionIdleTimeout() {
    return connectionIdleTimeout;
  }

  /**
   * The value given to {@link #maxResponseBodySize}, or null for the default.
   *
   * @return the size in bytes
   */
  protected final Long maxResponseBodySize() {
    return maxResponseBodySize;
  }

  /**
   * Whether {@link #allowInsecurePlainHttp()} was called.
   *
   * @return true when allowed
   */
  protected final boolean insecurePlainHttpAllowed() {
    return allowInsecurePlainHttp;
  }

  /**
   * The policy given to {@link #retryPolicy}.
   *
   * @return the policy
   */
  protected final RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * The suffix given to {@link #userAgent}, or null.
   *
   * @return the suffix
   */
  protected final String userAgent() {
    return userAgent;
  }

  /**
   * The sleeper given to {@link #sleeper}.
   *
   * @return the sleeper
   */
  protected final RetryPolicy.Sleeper sleeper() {
    return sleeper;
  }

  /**
   * The scheduler given to {@link #scheduledExecutorService}.
   *
   * @return the scheduler, or null for the client's own
   */
  protected final java.util.concurrent.ScheduledExecutorService scheduledExecutorService() {
    return scheduledExecutorService;
  }

  /**
   * The executor given to {@link #futureCompletionExecutor}.
   *
   * @return the executor, {@link java.util.concurrent.ForkJoinPool#commonPool()} by default
   */
  protected final java.util.concurrent.Executor futureCompletionExecutor() {
    return futureCompletionExecutor;
  }

  /**
   * The listeners given to {@link #addListener}, in order.
   *
   * @return the listeners
   */
  protected final java.util.List<LinkClientListener> listeners() { // obs
    return java.util.List.copyOf(listeners);
  }

  /**
   * Whether {@link #wireLog(boolean)} switched the wire log on.
   *
   * @return true when on
   */
  protected final boolean wireLogEnabled() { // obs
    return wireLog;
  }

  private Duration positive(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative() || value.isZero()) {
      throw new RequestValidationException(providerId(), field + ": must be positive (was " + value + ")");
    }
    return value;
  }
}
