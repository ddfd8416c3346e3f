package dev.polylink.core.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;

/**
 * Keeps the connection idle timeout of a pool of our own at the moment a connection is handed out,
 * not only when OkHttp's cleanup task runs.
 *
 * <p>OkHttp evicts an idle connection only from its cleanup task, scheduled at {@code idleAt +
 * keepAliveDuration}; the pool never looks at a connection's age when it hands it out. On a loaded
 * machine (or a suspended laptop) that task runs late, and the next request is written to a
 * connection the server has already closed: "unexpected end of stream", after which a POST may not
 * be resent. So before each attempt: if no attempt of this client has ended for at least the idle
 * timeout, every idle connection of the pool was released at least that long ago (a connection is
 * released, its body read, before its attempt ends), and {@link ConnectionPool#evictAll()} closes
 * exactly the connections past the bound (connections in use are left alone). While the client is
 * busy its connections are reused within the bound, and the cleanup task keeps bounding the rest.
 *
 * <p>Only for a pool this client owns: a user's shared pool has the user's keep-alive.
 */
final class IdleConnections {
  private final ConnectionPool pool;
  private final long boundNanos;
  /**
   * When the latest attempt of this client ended (System.nanoTime), at most {@link #LAG_NANOS}
   * late; before the first, the client's creation less that lag (so that the first end is always
   * written and a new client's connections count from its creation).
   */
  private final AtomicLong lastUse = new AtomicLong(System.nanoTime() - LAG_NANOS);

  IdleConnections(ConnectionPool pool, Duration bound) {
    this.pool = pool;
    this.boundNanos = bound.toNanos();
  }

  /**
   * How far {@link #lastUse} may lag behind the latest end: it is written at most once in this
   * time, not on every attempt, where every thread of a busy client would write the one shared
   * value and move its cache line between the cores on each call. A millisecond against a bound of
   * seconds; {@link #beforeAttempt} adds it to the bound, so it never closes a connection released
   * less than the bound ago.
   */
  static final long LAG_NANOS = 1_000_000;

  /** Closes the pool's idle connections if all of them have been idle for the bound or longer. */
  void beforeAttempt() {
    if (System.nanoTime() - lastUse.get() - LAG_NANOS >= boundNanos) {
      pool.evictAll();
    }
  }

  /** An attempt ended: its connection, if any, was released no later than now. */
  void afterAttempt() {
    long now = System.nanoTime();
    if (now - lastUse.get() >= LAG_NANOS) {
      lastUse.accumulateAndGet(now, (a, b) -> b - a > 0 ? b : a);
    }
  }
}
