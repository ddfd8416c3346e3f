package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The idle bound is kept when a connection is handed out, whether or not OkHttp's cleanup task
 * has run: the pools here keep idle connections 5 minutes, so only {@link IdleConnections} can
 * close one.
 */
class IdleConnectionsTest {
  @RegisterExtension
  static final WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static ConnectionPool pooledOnce() throws IOException {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));
    ConnectionPool pool = new ConnectionPool(5, 5, TimeUnit.MINUTES);
    OkHttpClient client = new OkHttpClient.Builder().connectionPool(pool).build();
    try (Response r = client.newCall(new Request.Builder().url(server.baseUrl() + "/x").build()).execute()) {
      r.body().string();
    }
    assertEquals(1, pool.idleConnectionCount(), "the connection is pooled");
    return pool;
  }

  @Test
  void aConnectionIdleForTheBoundIsClosedBeforeTheNextAttempt() throws Exception {
    ConnectionPool pool = pooledOnce();
    IdleConnections idle = new IdleConnections(pool, Duration.ofMillis(20));
    idle.afterAttempt();
    Thread.sleep(30);
    idle.beforeAttempt();
    assertEquals(0, pool.connectionCount(), "idle past the bound: closed, not handed out");
  }

  @Test
  void aConnectionWithinTheBoundIsKept() throws Exception {
    ConnectionPool pool = pooledOnce();
    IdleConnections idle = new IdleConnections(pool, Duration.ofSeconds(30));
    idle.afterAttempt();
    idle.beforeAttempt();
    assertEquals(1, pool.idleConnectionCount(), "within the bound: kept for reuse");
  }

  /**
   * The bound counts from the latest attempt's end, not from when the client was made. Real time (it
   * reads {@code System.nanoTime}), kept short: the bound is 40 ms and the test waits 60 ms; if the
   * machine stalls so long that the two calls take the bound, it cannot tell and is skipped.
   */
  @Test
  void anAttemptThatEndedJustNowKeepsTheConnectionsHoweverOldTheClient() throws Exception {
    Duration bound = Duration.ofMillis(40);
    ConnectionPool pool = pooledOnce();
    IdleConnections idle = new IdleConnections(pool, bound);
    Thread.sleep(60); // the client is older than the bound; its connection was used just now
    long start = System.nanoTime();
    idle.afterAttempt();
    idle.beforeAttempt();
    long took = System.nanoTime() - start;
    assumeTrue(took < bound.toNanos(), "the two calls took the bound (" + took + " ns): it cannot tell");
    assertEquals(1, pool.idleConnectionCount(), "the attempt just ended: its connection is kept");
  }

  /**
   * An end within {@link IdleConnections#LAG_NANOS} of the recorded one is not written (no shared
   * write per call); a later one is. Real time, kept short: a pause of 2 ms.
   */
  @Test
  void anEndWithinTheLagOfTheRecordedOneIsNotWritten() throws Exception {
    IdleConnections idle = new IdleConnections(new ConnectionPool(), Duration.ofSeconds(30));
    idle.afterAttempt();
    long recorded = RetryFakeVendor.lastUse(idle);
    idle.afterAttempt();
    long took = System.nanoTime() - recorded;
    assumeTrue(took < IdleConnections.LAG_NANOS, "the two calls took the lag (" + took + " ns): it cannot tell");
    assertEquals(recorded, RetryFakeVendor.lastUse(idle), "within the lag: not written again");
    Thread.sleep(2);
    idle.afterAttempt();
    assertTrue(RetryFakeVendor.lastUse(idle) > recorded, "past the lag: written");
  }

  /**
   * The recorded end may be up to the lag old while a later end went unwritten: {@link
   * IdleConnections#beforeAttempt} closes the connections only when even the latest possible end is
   * past the bound. The recorded end is set directly, so no timing decides it.
   */
  @Test
  void aRecordedEndWithinTheBoundPlusTheLagKeepsTheConnections() throws Exception {
    Duration bound = Duration.ofSeconds(10);
    ConnectionPool pool = pooledOnce();
    IdleConnections idle = new IdleConnections(pool, bound);
    recordEnd(idle, System.nanoTime() - bound.toNanos() - IdleConnections.LAG_NANOS / 2);
    idle.beforeAttempt();
    assertEquals(1, pool.idleConnectionCount(), "a later end may be unwritten: kept");
    recordEnd(idle, System.nanoTime() - bound.toNanos() - IdleConnections.LAG_NANOS - 1_000_000);
    idle.beforeAttempt();
    assertEquals(0, pool.connectionCount(), "even the latest possible end is past the bound: closed");
  }

  private static void recordEnd(IdleConnections idle, long nanoTime) {
    try {
      java.lang.reflect.Field f = IdleConnections.class.getDeclaredField("lastUse");
      f.setAccessible(true);
      ((java.util.concurrent.atomic.AtomicLong) f.get(idle)).set(nanoTime);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
