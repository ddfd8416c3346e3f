package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
