package dev.polylink.core.spi;

import dev.polylink.core.Operation;
import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.TransportException;
import dev.polylink.core.internal.ApiExceptions;
import dev.polylink.core.internal.ApiFailure;
import dev.polylink.core.internal.ClientSettings;
import dev.polylink.core.internal.EventDispatcher;
import dev.polylink.core.internal.Interrupted;
import dev.polylink.core.internal.OkHttpFactory;
import dev.polylink.core.internal.PlainHttp;
import dev.polylink.core.internal.TransportFailure;
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
 * {@link #execute} (or, without blocking, {@link #executeAsync} within an {@link #observeAsync}
 * operation). Retrofit's calls come from a call factory of the transport's own: a blocking {@code
 * execute()} runs the attempts on the caller's thread, an {@code enqueue()} runs the same attempts
 * as OkHttp asynchronous calls with every wait on a scheduler. A Retrofit method whose path holds
 * an id takes it as {@code @Url} from an {@link IdPath}, tagged with it, rather than {@code @Path}.
 */
public final class HttpTransport implements AutoCloseable {
  /** The connect, read and write (socket) timeout of a client of our own: 30 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The deadline of one attempt, from sending to the last byte of the body: 60 s. (The AWS SDK v2
   * has no default for its {@code apiCallAttemptTimeout}, OkHttp none for its call timeout, and
   * stripe-java bounds only each read, at 80 s; a trickling body would then hold a call for ever,
   * one byte per read timeout.)
   */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(60);

  /**
   * The deadline of a whole operation, its attempts, backoff and {@code Retry-After} waits
   * together: 3 minutes, enough for {@link RetryPolicy#defaults()} to wait out two one-minute rate
   * windows (three attempts).
   */
  public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofMinutes(3);

  /** How long a connection of our own pool may stay idle before it is closed: 4 s (see below). */
  public static final Duration DEFAULT_CONNECTION_IDLE_TIMEOUT = OkHttpFactory.DEFAULT_CONNECTION_IDLE_TIMEOUT;

  /**
   * The largest success body read: 16 MiB. The biggest legitimate one is a CarrierX page of 1,000
   * links; CarrierX's documented link object is about 420 bytes, and a destination URL may be as
   * long as the 8,000 octets RFC 9110 asks HTTP software to support: 1,000 x (420 + 8,000) bytes is
   * 8.4 MB, doubled for margin.
   */
  public static final long DEFAULT_MAX_RESPONSE_BODY_SIZE = 16L * 1024 * 1024;

  private static final JacksonConverterFactory CONVERTERS = JacksonConverterFactory.create(Json.mapper());

  private final String providerId;
  private final OkHttpClient okHttp;
  private final boolean ownsDispatcher;
  private final boolean ownsPool;
  private final Retrofit retrofit;
  private final Clock clock;
  private final AtomicReference<RateLimitStatus> lastRateLimit = new AtomicReference<>();
  /**
   * The latest state of each window the vendor reported, by name ("" for an unnamed one). Every
   * response replaces one to three of them from whichever thread read it, so each window's state
   * is an {@link AtomicReference} of its own, set without a lock; the map gains an entry only the
   * first time a window is seen (a {@code ConcurrentHashMap.put} of an existing key locks its bin).
   */
  private final java.util.concurrent.ConcurrentMap<String, AtomicReference<RateLimitStatus>> windows =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final dev.polylink.core.internal.Pacer pacer;
  private final java.util.Set<String> quotaWindows;
  private final EventDispatcher events; // obs: listeners and logging
  /** The user's scheduler of asynchronous waits (never shut down here), or null for one of our own. */
  private final java.util.concurrent.ScheduledExecutorService userScheduler;
  /** The scheduler of our own, made at the first asynchronous wait; shut down by {@link #close()}. */
  private final AtomicReference<java.util.concurrent.ScheduledExecutorService> ownScheduler = new AtomicReference<>();
  private volatile boolean closed;
  private final int bulkConcurrency;
  private final java.util.concurrent.Executor futureCompletionExecutor;

  private HttpTransport(Builder b) {
    this.providerId = b.providerId;
    this.clock = b.clock;
    this.events = new EventDispatcher(providerId, b.listeners, b.wireLog); // obs
    String userAgent =
        "polylink-java/" + Version.get() + " (" + providerId + ")" + (b.userAgent == null ? "" : " " + b.userAgent);
    this.quotaWindows = java.util.Set.copyOf(b.quotaWindows);
    this.bulkConcurrency = b.bulkConcurrency;
    this.futureCompletionExecutor = b.futureCompletionExecutor;
    dev.polylink.core.RateBudget budget =
        b.rateBudget != null ? b.rateBudget : dev.polylink.core.RateBudget.create(b.rateLimit, b.clock);
    this.pacer = dev.polylink.core.internal.Budgets.pacer(budget);
    if (pacer != null) {
      pacer.seed(b.documentedLimits);
    }
    ClientSettings settings =
        ClientSettings.builder()
            .pacer(pacer)
            .quotaWindows(quotaWindows)
            .windowsSink(this::windowsRead)
            .shared(b.httpClient)
            .socketTimeout(b.timeout != null ? b.timeout : (b.httpClient == null ? DEFAULT_TIMEOUT : null))
            .attemptTimeout(b.attemptTimeout)
            .operationTimeout(b.operationTimeout)
            .connectionIdleTimeout(b.connectionIdleTimeout)
            .maxResponseBodyBytes(b.maxResponseBodySize)
            .authorization(Objects.requireNonNull(b.authorization, "authorization"))
            .userAgent(userAgent)
            .retryPolicy(b.retryPolicy)
            .sleeper(b.sleeper)
            .clock(b.clock)
            .errorDecoder(b.errorDecoder)
            .rateLimitParser(b.rateLimitParser)
            .rateLimitSink(this::rateLimitRead) // obs: was lastRateLimit::set
            .observer(events) // obs
            .build();
    this.ownsDispatcher = b.httpClient == null;
    this.ownsPool = OkHttpFactory.ownsPool(settings);
    this.okHttp = OkHttpFactory.create(settings);
    String base = b.baseUrl.endsWith("/") ? b.baseUrl : b.baseUrl + "/";
    this.userScheduler = b.scheduler;
    java.util.function.Supplier<java.util.concurrent.ScheduledExecutorService> waits =
        userScheduler != null ? () -> userScheduler : this::scheduler;
    this.retrofit =
        new Retrofit.Builder().baseUrl(base).callFactory(OkHttpFactory.callFactory(okHttp, waits))
            .addConverterFactory(CONVERTERS).build();
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
   * <p>A DELETE that was sent again after an attempt that may have been processed (its answer was
   * lost) and is then answered 404 returns {@code null} as if it had succeeded: the first attempt
   * deleted it. This is jclouds' rule for deletes; {@link #executeForBody} leaves the 404 to the
   * caller, who needs a body (a bulk delete's count) and knows what it means.
   *
   * @param <T> the type of the value
   * @param operation the operation that was attempted
   * @param call the Retrofit call, not yet executed
   * @return the body, or {@code null}
   * @throws dev.polylink.core.ApiException for an error status, after the retries the policy allows
   * @throws TransportException for I/O failures and unreadable bodies
   */
  public <T> T execute(Operation operation, Call<T> call) {
    return exchange(operation, call, true).body();
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
    T body = exchange(operation, call, false).body();
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
    return exchange(operation, call, false);
  }

  private <T> Response<T> exchange(Operation operation, Call<T> call, boolean goneCountsAsDeleted) {
    return events.operation(operation, () -> exchangeObserved(operation, call, goneCountsAsDeleted)); // obs
  }

  private <T> Response<T> exchangeObserved(Operation operation, Call<T> call, boolean goneCountsAsDeleted) {
    try {
      return call.execute();
    } catch (Exception e) {
      // Retrofit and OkHttp may sneaky-throw checked exceptions, an InterruptedException above all.
      Response<T> deleted = goneAsDeleted(call, e, goneCountsAsDeleted);
      if (deleted != null) {
        return deleted;
      }
      throw failure(operation, e, true);
    }
  }

  /** A 404 to a resent DELETE (see {@link #execute}) as the success it means; else null. */
  private static <T> Response<T> goneAsDeleted(Call<T> call, Throwable e, boolean goneCountsAsDeleted) {
    if (goneCountsAsDeleted && e instanceof ApiFailure && ((ApiFailure) e).statusCode() == 404
        && ((ApiFailure) e).afterPossiblyProcessedAttempt() && "DELETE".equals(call.request().method())) {
      return Response.success(204, null);
    }
    return null;
  }

  /**
   * The exception a failed exchange ends with, the same for the blocking and the asynchronous
   * paths: the vendor's answer as its {@code ApiException}, everything else a {@link
   * TransportException}.
   *
   * @param blocking whether the caller's thread ran the call (an interrupt is then kept on it)
   */
  private RuntimeException failure(Operation operation, Throwable e, boolean blocking) {
    if (e instanceof ApiFailure) {
      return ApiExceptions.create(providerId, operation, (ApiFailure) e);
    }
    if (e instanceof TransportFailure) {
      TransportFailure failure = (TransportFailure) e;
      ApiFailure last = failure.lastAnswer();
      Throwable cause = last != null ? ApiExceptions.create(providerId, operation, last) : failure.getCause();
      return new TransportException(
          providerId, operation, failure.getMessage() + processedNote(failure.mayHaveBeenProcessed()), cause,
          failure.mayHaveBeenProcessed());
    }
    if (e instanceof Interrupted) {
      if (blocking) {
        Thread.currentThread().interrupt();
      }
      Interrupted i = (Interrupted) e;
      return new TransportException(
          providerId, operation, describe(i) + processedNote(i.mayHaveBeenProcessed()), i, i.mayHaveBeenProcessed());
    }
    if (e instanceof dev.polylink.core.PolylinkException) {
      return (dev.polylink.core.PolylinkException) e;
    }
    if (e instanceof InterruptedException && blocking) {
      Thread.currentThread().interrupt();
    }
    return new TransportException(providerId, operation, describe(e), e);
  }

  // ---- async: the non-blocking variants (lane/async) ----

  /**
   * {@link #execute} without blocking: the call's attempts run as OkHttp asynchronous calls and
   * every wait (backoff, {@code Retry-After}, the rate-limit budget) is a task on the client's
   * scheduler, with the same retries, pacing, deadlines and error mapping as {@link #execute}. The
   * future fails with the exception {@link #execute} would throw (never wrapped); cancelling it, or
   * the future of the {@link #observeAsync} operation it runs in, cancels the attempt in flight or
   * the pending wait, and no further attempt is made.
   *
   * @param <T> the type of the value
   * @param operation the operation that is attempted
   * @param call the Retrofit call, not yet executed
   * @return the body, or {@code null}
   */
  public <T> java.util.concurrent.CompletableFuture<T> executeAsync(Operation operation, Call<T> call) {
    if (dev.polylink.core.internal.AsyncScope.current() == null) {
      return observeAsync(operation, () -> executeAsync(operation, call));
    }
    return exchangeAsync(operation, call, true).thenApply(Response::body);
  }

  /**
   * {@link #executeForBody} without blocking, as {@link #executeAsync}.
   *
   * @param <T> the type of the value
   * @param operation the operation that is attempted
   * @param call the Retrofit call, not yet executed
   * @return the body, never {@code null}
   */
  public <T> java.util.concurrent.CompletableFuture<T> executeForBodyAsync(Operation operation, Call<T> call) {
    if (dev.polylink.core.internal.AsyncScope.current() == null) {
      return observeAsync(operation, () -> executeForBodyAsync(operation, call));
    }
    return exchangeAsync(operation, call, false).thenApply(response -> {
      if (response.body() == null) {
        throw new TransportException(providerId, operation, "the response had no body", null);
      }
      return response.body();
    });
  }

  /**
   * {@link #exchange(Operation, Call)} without blocking, as {@link #executeAsync}.
   *
   * @param <T> the type of the value
   * @param operation the operation that is attempted
   * @param call the Retrofit call, not yet executed
   * @return the successful response
   */
  public <T> java.util.concurrent.CompletableFuture<Response<T>> exchangeAsync(Operation operation, Call<T> call) {
    return exchangeAsync(operation, call, false);
  }

  private <T> java.util.concurrent.CompletableFuture<Response<T>> exchangeAsync(
      Operation operation, Call<T> call, boolean goneCountsAsDeleted) {
    dev.polylink.core.internal.AsyncScope scope = dev.polylink.core.internal.AsyncScope.current();
    if (scope == null) {
      return observeAsync(operation, () -> exchangeAsync(operation, call, goneCountsAsDeleted));
    }
    java.util.concurrent.CompletableFuture<Response<T>> result = new java.util.concurrent.CompletableFuture<>();
    scope.onCancel(call::cancel);
    try {
      call.enqueue(new retrofit2.Callback<T>() {
        @Override
        public void onResponse(Call<T> c, Response<T> response) {
          result.complete(response);
        }

        @Override
        public void onFailure(Call<T> c, Throwable e) {
          Response<T> deleted = goneAsDeleted(call, e, goneCountsAsDeleted);
          if (deleted != null) {
            result.complete(deleted);
          } else {
            result.completeExceptionally(failure(operation, e, false));
          }
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(failure(operation, e, false));
    }
    return result;
  }

  /**
   * Runs one asynchronous client operation: the listeners see it whole (its start now, its
   * attempts, its end when the future completes), a failure of {@code body} itself (a validation
   * before any request) fails the returned future instead of being thrown, and cancelling the
   * returned future cancels every exchange {@code body} and its later stages started through
   * {@link #exchangeAsync} (those started while this operation is current on a thread: its own
   * stages are). The returned future completes with the value or the {@code PolylinkException}
   * itself (never a {@code CompletionException}), outside the operation, so that the caller's
   * dependent stages are operations of their own.
   *
   * <p>The returned future completes on the thread that finished the work (OkHttp's dispatcher,
   * the client's scheduler, or the caller's when the operation fails before its first request): it
   * is the provider's own step (a bulk batch, a look-up). A future handed to a caller goes through
   * {@link #completeForCaller} as well, as {@link AsyncClients.Client} does.
   *
   * @param <T> the result type
   * @param operation the operation
   * @param body starts the operation's work and returns its future
   * @return the operation's future
   */
  public <T> java.util.concurrent.CompletableFuture<T> observeAsync(
      Operation operation, java.util.function.Supplier<java.util.concurrent.CompletableFuture<T>> body) {
    dev.polylink.core.internal.AsyncScope scope =
        new dev.polylink.core.internal.AsyncScope(events, events.begin(operation));
    java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<T> work;
    try {
      work = scope.call(body);
    } catch (RuntimeException e) {
      work = java.util.concurrent.CompletableFuture.failedFuture(e);
    }
    work.whenComplete((value, error) -> {
      Throwable outcome = unwrap(error);
      dev.polylink.core.internal.AsyncScope.outside(events, () -> {
        events.end(scope.eventScope(), outcome);
        if (outcome == null) {
          result.complete(value);
        } else {
          result.completeExceptionally(outcome);
        }
      });
    });
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        scope.cancel();
      }
    });
    return result;
  }

  /**
   * The exception inside the {@code CompletionException} or {@code ExecutionException} a dependent
   * stage sees.
   *
   * @param error what a stage saw, or null
   * @return the exception itself, or null
   */
  public static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof java.util.concurrent.CompletionException
        || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * {@return the executor on which the futures the asynchronous client gives its callers complete
   * ({@link dev.polylink.core.LinkClientBuilder#futureCompletionExecutor})}
   */
  public java.util.concurrent.Executor futureCompletionExecutor() {
    return futureCompletionExecutor;
  }

  /**
   * The caller's future of {@code work}: completed with its value or exception on the {@link
   * #futureCompletionExecutor()}, so that the caller's dependent stages never run on OkHttp's
   * dispatcher or the client's scheduler; on the thread {@code work} completed on when that executor
   * refuses the task (it was shut down, or throws). Cancelling the caller's future cancels {@code work}.
   *
   * @param <T> the result type
   * @param work the operation's future, from {@link #observeAsync} or a bulk run
   * @return the caller's future
   */
  public <T> java.util.concurrent.CompletableFuture<T> completeForCaller(java.util.concurrent.CompletableFuture<T> work) {
    java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
    work.whenComplete((value, error) -> {
      Runnable complete = () -> {
        Throwable outcome = unwrap(error);
        if (outcome == null) {
          result.complete(value);
        } else {
          result.completeExceptionally(outcome);
        }
      };
      try {
        futureCompletionExecutor.execute(complete);
      } catch (RuntimeException refused) { // RejectedExecutionException above all: a caller's future always completes
        complete.run();
      }
    });
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        work.cancel(true);
      }
    });
    return result;
  }

  private java.util.concurrent.ScheduledExecutorService scheduler() {
    java.util.concurrent.ScheduledExecutorService s = ownScheduler.get();
    if (s != null) {
      return s;
    }
    java.util.concurrent.ScheduledThreadPoolExecutor created = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "polylink-" + providerId + "-scheduler");
      t.setDaemon(true);
      return t;
    });
    created.setRemoveOnCancelPolicy(true);
    if (ownScheduler.compareAndSet(null, created)) {
      if (closed) {
        created.shutdown();
      }
      return created;
    }
    created.shutdown();
    return ownScheduler.get();
  }

  // ---- end async ----

  private static String processedNote(boolean mayHaveBeenProcessed) {
    return mayHaveBeenProcessed
        ? "; the vendor may have processed the request (requestMayHaveBeenProcessed(): reconcile before sending it again)"
        : "";
  }

  /**
   * Records a rate-limit state read from a response body, replacing the one from headers.
   *
   * @param status the HTTP status of the response
   */
  public void recordRateLimit(RateLimitStatus status) {
    if (!status.isEmpty()) {
      rateLimitRead(status);
      Optional<String> name = status.window();
      if (name.isPresent()) {
        window(name.get()).set(status);
      }
      if (pacer != null) {
        pacer.observe(status, quotaWindows);
      }
    }
  }

  /**
   * {@return the rate-limit windows the client read from the headers of a successful response of
   * {@link #exchange}, in the order of {@link RateLimitParser#windows}; empty when they report none}
   * The headers are parsed once per response: a provider that combines them with its body (xQR's
   * {@code meta.rate_limit}) uses these instead of parsing the headers again.
   *
   * @param response a response {@link #exchange} returned
   */
  public java.util.List<RateLimitStatus> rateLimits(Response<?> response) {
    return dev.polylink.core.internal.AttemptRateLimits.of(response.raw());
  }

  private void windowsRead(java.util.List<RateLimitStatus> read) {
    for (RateLimitStatus w : read) {
      window(w.window().orElse("")).set(w);
    }
  }

  /** {@return the state of the window named {@code name}, added the first time it is seen} */
  private AtomicReference<RateLimitStatus> window(String name) {
    AtomicReference<RateLimitStatus> state = windows.get(name);
    return state != null ? state : windows.computeIfAbsent(name, n -> new AtomicReference<>());
  }

  /**
   * {@return every window the vendor reported, the latest state of each, ordered by window name;
   * a window without a name is the one the vendor does not name}
   */
  public java.util.List<RateLimitStatus> rateLimits() {
    java.util.List<RateLimitStatus> all = new java.util.ArrayList<>(windows.size());
    for (AtomicReference<RateLimitStatus> state : new java.util.TreeMap<>(windows).values()) {
      RateLimitStatus status = state.get();
      if (status != null) { // a window is added just before its first state is set
        all.add(status);
      }
    }
    return java.util.List.copyOf(all);
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

  /**
   * {@return the rate-limit state of the most recent response that reported one; empty before that}
   */
  public Optional<RateLimitStatus> lastRateLimit() {
    return Optional.ofNullable(lastRateLimit.get());
  }

  /**
   * {@return how many requests a bulk operation of this client keeps in flight, for {@link
   * BulkBatches.Plan#concurrency}}
   */
  public int bulkConcurrency() {
    return bulkConcurrency;
  }

  /** {@return the clock the client was built with} */
  public Clock clock() {
    return clock;
  }

  /** The OkHttp client in use, for this package's tests. */
  OkHttpClient okHttpClient() {
    return okHttp;
  }

  /**
   * Shuts down the pool and threads this transport created (the scheduler of asynchronous waits
   * included); a user's client and a user's scheduler are left alone. An asynchronous call still
   * waiting then fails instead of starting another attempt.
   */
  @Override
  public void close() {
    closed = true;
    java.util.concurrent.ScheduledExecutorService own = ownScheduler.get();
    if (own != null) {
      // Waits already scheduled still run (and their attempts then fail, the dispatcher being shut down).
      own.shutdown();
    }
    if (ownsDispatcher) {
      okHttp.dispatcher().executorService().shutdown();
    }
    if (ownsPool) {
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

  /** Builds an {@link HttpTransport}; usually started from {@link ProviderClientBuilder#transport()}. */
  public static final class Builder {
    private final String providerId;
    private String baseUrl;
    private String authorization;
    private OkHttpClient httpClient;
    private Duration timeout;
    private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
    private Duration operationTimeout = DEFAULT_OPERATION_TIMEOUT;
    private Duration connectionIdleTimeout;
    private long maxResponseBodySize = DEFAULT_MAX_RESPONSE_BODY_SIZE;
    private boolean allowPlainHttp;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private String userAgent;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy.Sleeper sleeper = RetryPolicy.Sleeper.SYSTEM;
    private ErrorDecoder errorDecoder = (status, headers, body) -> VendorError.none();
    private RateLimitParser rateLimitParser = RateLimitParser.NONE;
    private java.util.List<dev.polylink.core.LinkClientListener> listeners = java.util.List.of(); // obs
    private boolean wireLog; // obs
    private dev.polylink.core.RateLimit rateLimit = dev.polylink.core.RateLimit.adaptive();
    private dev.polylink.core.RateBudget rateBudget;
    private final java.util.List<dev.polylink.core.internal.Pacer.DocumentedLimit> documentedLimits =
        new java.util.ArrayList<>();
    private final java.util.Set<String> quotaWindows = new java.util.HashSet<>();
    private java.util.concurrent.ScheduledExecutorService scheduler;
    private int bulkConcurrency = BulkBatches.DEFAULT_CONCURRENCY;
    private java.util.concurrent.Executor futureCompletionExecutor = java.util.concurrent.ForkJoinPool.commonPool();

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
     * The deadline of one attempt, body included; default {@link #DEFAULT_ATTEMPT_TIMEOUT}.
     *
     * @param attemptTimeout positive
     * @return this builder
     */
    public Builder attemptTimeout(Duration attemptTimeout) {
      this.attemptTimeout = positive("attemptTimeout", attemptTimeout);
      return this;
    }

    /**
     * The deadline of a whole operation; default {@link #DEFAULT_OPERATION_TIMEOUT}.
     *
     * @param operationTimeout positive
     * @return this builder
     */
    public Builder operationTimeout(Duration operationTimeout) {
      this.operationTimeout = positive("operationTimeout", operationTimeout);
      return this;
    }

    /**
     * The keep-alive of idle pooled connections; null for the default ({@link
     * #DEFAULT_CONNECTION_IDLE_TIMEOUT} for a client of our own, the user's pool otherwise).
     *
     * @param connectionIdleTimeout positive, or null for the default
     * @return this builder
     */
    public Builder connectionIdleTimeout(Duration connectionIdleTimeout) {
      this.connectionIdleTimeout = connectionIdleTimeout == null ? null : positive("connectionIdleTimeout", connectionIdleTimeout);
      return this;
    }

    /**
     * The largest success body read, in bytes; default {@link #DEFAULT_MAX_RESPONSE_BODY_SIZE}.
     *
     * @param bytes at least 1
     * @return this builder
     */
    public Builder maxResponseBodySize(long bytes) {
      if (bytes < 1) {
        throw new RequestValidationException(providerId, "maxResponseBodySize: must be positive (was " + bytes + ")");
      }
      this.maxResponseBodySize = bytes;
      return this;
    }

    /**
     * Whether a plain {@code http} base URL on a host other than loopback is accepted (unsafe).
     *
     * @param allowPlainHttp true to accept it
     * @return this builder
     */
    public Builder allowPlainHttp(boolean allowPlainHttp) {
      this.allowPlainHttp = allowPlainHttp;
      return this;
    }

    /**
     * Sets the retry policy.
     *
     * @param retryPolicy the retry policy
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
     * The scheduler on which asynchronous calls wait (backoff, {@code Retry-After}, the rate-limit
     * budget); null for one daemon thread of the transport's own, made at the first wait and shut
     * down by {@link HttpTransport#close()}. A scheduler given here is never shut down.
     *
     * @param scheduler the scheduler, or null
     * @return this builder
     */
    public Builder scheduledExecutorService(java.util.concurrent.ScheduledExecutorService scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /**
     * The executor on which the asynchronous client's futures complete; default {@link
     * java.util.concurrent.ForkJoinPool#commonPool()} (see {@link
     * dev.polylink.core.LinkClientBuilder#futureCompletionExecutor}).
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder futureCompletionExecutor(java.util.concurrent.Executor executor) {
      this.futureCompletionExecutor = Objects.requireNonNull(executor, "futureCompletionExecutor");
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

    /**
     * How the client paces itself; default {@link dev.polylink.core.RateLimit#adaptive()}.
     *
     * @param rateLimit the setting
     * @return this builder
     */
    public Builder rateLimit(dev.polylink.core.RateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /**
     * A budget shared with other clients of the account; replaces {@link #rateLimit}. Null for a
     * budget of this client's own.
     *
     * @param rateBudget the budget, or null
     * @return this builder
     */
    public Builder rateBudget(dev.polylink.core.RateBudget rateBudget) {
      this.rateBudget = rateBudget;
      return this;
    }

    /**
     * A limit the vendor documents, which seeds adaptive pacing: {@code requests} per {@code
     * period}, {@code burst} of them back to back.
     *
     * @param window the name the provider's rate-limit parser gives this window, or null
     * @param requests requests per period
     * @param period the period
     * @param burst requests allowed back to back; 1 spaces them evenly
     * @return this builder
     */
    public Builder documentedRateLimit(String window, long requests, Duration period, long burst) {
      documentedLimits.add(new dev.polylink.core.internal.Pacer.DocumentedLimit(window, requests, period, burst));
      return this;
    }

    /**
     * How many requests a bulk operation keeps in flight ({@link BulkBatches.Plan#concurrency});
     * default {@link BulkBatches#DEFAULT_CONCURRENCY}.
     *
     * @param bulkConcurrency 1 to {@link BulkBatches#MAX_CONCURRENCY}
     * @return this builder
     */
    public Builder bulkConcurrency(int bulkConcurrency) {
      this.bulkConcurrency = BulkBatches.checkConcurrency(providerId, bulkConcurrency);
      return this;
    }

    /**
     * Names a window that is a quota: when the vendor reports it used up (remaining 0, with a
     * reset), every request fails at once with a {@code quotaExhausted()} {@link
     * dev.polylink.core.RateLimitException} until the reset, without being sent.
     *
     * @param window the window's name
     * @return this builder
     */
    public Builder quotaWindow(String window) {
      quotaWindows.add(Objects.requireNonNull(window, "window"));
      return this;
    }

    /**
     * Builds the transport.
     *
     * @throws RequestValidationException for a plain {@code http} base URL whose host is not
     *     loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) unless {@link
     *     #allowPlainHttp} allowed it: the credentials would travel in clear
     * @return the transport
     */
    public HttpTransport build() {
      Objects.requireNonNull(baseUrl, "baseUrl");
      PlainHttp.check(providerId, baseUrl, allowPlainHttp);
      return new HttpTransport(this);
    }

    private Duration positive(String field, Duration value) {
      Objects.requireNonNull(value, field);
      if (value.isNegative() || value.isZero()) {
        throw new RequestValidationException(providerId, field + ": must be positive (was " + value + ")");
      }
      return value;
    }
  }
}
