package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.RateLimitStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A shared client's interceptors run once per attempt, in the inner call only (the outer call,
 * which only retries, drops them); and {@link ClientSettings} keeps the sinks it is given.
 */
class OkHttpFactoryInterceptorTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  interface Api {
    @retrofit2.http.DELETE("things/1")
    retrofit2.Call<Void> delete();
  }

  @Test
  void theUsersApplicationInterceptorRunsOncePerAttempt() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient shared = new OkHttpClient.Builder().addInterceptor(chain -> {
      seen.incrementAndGet();
      return chain.proceed(chain.request());
    }).build();
    try (dev.polylink.core.spi.HttpTransport transport = dev.polylink.core.spi.HttpTransport.builder("demo")
        .baseUrl(wm.baseUrl() + "/api").authorization("Bearer k").httpClient(shared).sleeper(d -> { }).build()) {
      transport.execute(dev.polylink.core.Operation.DELETE, transport.create(Api.class).delete());
    } finally {
      shared.dispatcher().executorService().shutdown();
    }
    assertEquals(1, seen.get());
    assertEquals(1, wm.getAllServeEvents().size());
  }

  @Test
  void theIdlePoolHoldsAsManyConnectionsAsTheClientRunsCallsAndAtLeastFive() {
    assertEquals(OkHttpFactory.DEFAULT_MAX_REQUESTS, OkHttpFactory.maxIdleConnections(ClientSettings.builder().build()));
    OkHttpClient shared = new OkHttpClient();
    shared.dispatcher().setMaxRequests(12);
    assertEquals(12, OkHttpFactory.maxIdleConnections(ClientSettings.builder().shared(shared).build()));
    shared.dispatcher().setMaxRequests(2);
    assertEquals(5, OkHttpFactory.maxIdleConnections(ClientSettings.builder().shared(shared).build()));
  }

  @Test
  void theWindowsSinkGivenIsKeptAndAMissingOneIsANoOp() {
    Consumer<List<RateLimitStatus>> sink = windows -> { };
    assertSame(sink, ClientSettings.builder().windowsSink(sink).build().windowsSink);
    ClientSettings defaults = ClientSettings.builder().build();
    assertNotNull(defaults.windowsSink);
    defaults.windowsSink.accept(List.of());
  }
}
