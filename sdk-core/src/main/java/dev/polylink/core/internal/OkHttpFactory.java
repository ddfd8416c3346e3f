package dev.polylink.core.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * Builds the OkHttp client of one LinkClient from its {@link ClientSettings}: the user's client
 * (derived with {@code newBuilder()}, never modified) or a new one.
 *
 * <p>Two clients share one pool and dispatcher. The <em>inner</em> one does the network work of one
 * attempt: redirects off, OkHttp's connection-failure retry off, the {@link Attempt#SENT_MARKER}
 * network interceptor, the user's interceptors. The <em>outer</em> one holds the {@link
 * RetryInterceptor}, which starts one inner call per attempt and adds the credentials, the
 * User-Agent and {@code Accept} to the attempt's request as it builds it; the call factory of
 * {@link #callFactory} runs it directly for a blocking call, without an outer call around it.
 *
 * <p>Idle connections. OkHttp 5 hands out a pooled connection without checking it when it has been
 * idle for less than 10 seconds ({@code RealConnection.isHealthy}, extensive checks only past {@code
 * IDLE_CONNECTION_HEALTHY_NS}); the pool itself never looks at a connection's age when it hands it
 * out and evicts an idle connection only when its cleanup task runs at {@code idleAt +
 * keepAliveDuration} ({@code RealConnectionPool.closeConnections}). A server that closes idle
 * connections earlier (Node's default {@code keepAliveTimeout} is 5 s) thus makes the next request
 * fail with "unexpected end of stream" after it was written, when a POST may not be resent. So a
 * client of our own gets its own pool whose keep-alive is the connection idle timeout (default
 * {@link #DEFAULT_CONNECTION_IDLE_TIMEOUT}, below 5 s): a connection idle for longer is closed by
 * us first. With a user's client the user's pool is shared and its keep-alive applies (OkHttp's
 * default is 5 minutes); an explicit connection idle timeout gives this client a pool of its own
 * with that keep-alive (the dispatcher stays shared). Because the cleanup task may run late on a
 * loaded machine, a pool of our own is also checked before each attempt ({@link IdleConnections}).
 */
public final class OkHttpFactory {
  /** The keep-alive of an idle pooled connection: 4 s, below the 5 s after which Node closes one. */
  public static final Duration DEFAULT_CONNECTION_IDLE_TIMEOUT = Duration.ofSeconds(4);

  /**
   * Idle connections kept by a pool of our own: as many as the client runs requests at once. OkHttp's
   * default of 5 made a client used by 64 threads close and reopen a connection for most calls
   * (about 70,000 connections in a 64-thread benchmark run). The dispatcher's {@code maxRequests}
   * (64 by default, or the user's) is the concurrency the client is built for; synchronous calls are
   * not limited by it, so it is a sizing, not a cap. Idle connections still close after the idle
   * timeout, so the larger bound costs nothing when the client is used less.
   */
  static int maxIdleConnections(ClientSettings s) {
    int concurrency = s.shared != null ? s.shared.dispatcher().getMaxRequests() : DEFAULT_MAX_REQUESTS;
    return Math.max(5, concurrency);
  }

  /** OkHttp's default {@code Dispatcher.maxRequests}, the concurrency of a client of our own. */
  static final int DEFAULT_MAX_REQUESTS = 64;

  private OkHttpFactory() {}

  /** Whether the client built from these settings has a connection pool of its own. */
  public static boolean ownsPool(ClientSettings s) {
    return s.shared == null || s.connectionIdleTimeout != null;
  }

  public static OkHttpClient create(ClientSettings s) {
    OkHttpClient.Builder builder = s.shared == null ? new OkHttpClient.Builder() : s.shared.newBuilder();
    if (s.socketTimeout != null) {
      builder.connectTimeout(s.socketTimeout).readTimeout(s.socketTimeout).writeTimeout(s.socketTimeout);
    }
    if (s.shared == null) {
      // Asynchronous calls are queued by the dispatcher, at most maxRequestsPerHost at once: OkHttp's
      // 5 is a browser's bound; every request of this client goes to its vendor's one host, so the
      // bound is the client's concurrency, as for the pool.
      okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher();
      dispatcher.setMaxRequestsPerHost(DEFAULT_MAX_REQUESTS);
      builder.dispatcher(dispatcher);
    }
    IdleConnections idleConnections = null;
    if (ownsPool(s)) {
      Duration idle = s.connectionIdleTimeout != null ? s.connectionIdleTimeout : DEFAULT_CONNECTION_IDLE_TIMEOUT;
      ConnectionPool pool = new ConnectionPool(maxIdleConnections(s), idle.toMillis(), TimeUnit.MILLISECONDS);
      builder.connectionPool(pool);
      idleConnections = new IdleConnections(pool, idle);
    }
    builder
            // OkHttp would otherwise silently resend requests, POSTs included, on some connection
            // failures; RetryInterceptor alone decides what is safe to resend.
            .retryOnConnectionFailure(false)
            // Never follow a redirect: a 3xx is an error the caller sees (RedirectException).
            .followRedirects(false)
            .followSslRedirects(false)
            // Deadlines are per attempt (set on each attempt's call) and per operation.
            .callTimeout(Duration.ZERO)
            .addNetworkInterceptor(Attempt.SENT_MARKER);
    s.observer.wireLog().ifPresent(builder::addInterceptor); // obs: in the inner call, so each attempt is logged
    OkHttpClient inner = builder.build();
    OkHttpClient.Builder outer = inner.newBuilder();
    outer.interceptors().clear(); // the user's interceptors run once per attempt, in the inner call
    outer.networkInterceptors().clear(); // the outer call never reaches the network
    return outer
        .eventListener(EventListener.NONE)
        .addInterceptor(new RetryInterceptor(inner, s, idleConnections))
        .build();
  }

  /**
   * The call factory Retrofit uses with a client of {@link #create}: a blocking {@code execute()} is
   * the client's own call, an {@code enqueue()} runs the same attempts without blocking, each wait
   * a task on {@code scheduler} (see {@code AsyncRetryCall}).
   *
   * @param client a client {@link #create} built
   * @param scheduler the scheduler of the waits, asked for at the first one
   * @return the factory
   */
  public static okhttp3.Call.Factory callFactory(
      OkHttpClient client, java.util.function.Supplier<java.util.concurrent.ScheduledExecutorService> scheduler) {
    return new AsyncRetryCall.Factory(client, scheduler);
  }
}
