package dev.polylink.core.spi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.polylink.core.Operation;
import dev.polylink.core.RetryPolicy;
import dev.polylink.core.TransportException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Call;
import retrofit2.http.GET;

/**
 * What {@link HttpTransport#close()} ends: the connections of a pool of its own (a user's pool is
 * left alone), and the asynchronous waits a closed transport would start (no scheduler outlives it).
 */
class HttpTransportClosedTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  interface Api {
    @GET("things/1")
    Call<JsonNode> get();
  }

  @Test
  void closeEmptiesAPoolOfItsOwnAndLeavesAUsersPoolAlone() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(
        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\": \"1\"}")));
    HttpTransport own = HttpTransport.builder("closed2").baseUrl(wm.baseUrl() + "/api").authorization("Bearer k").build();
    own.execute(Operation.GET, own.create(Api.class).get());
    okhttp3.ConnectionPool pool = own.okHttpClient().connectionPool();
    assertEquals(1, pool.idleConnectionCount());
    own.close();
    assertEquals(0, pool.idleConnectionCount());
    OkHttpClient users = new OkHttpClient();
    try {
      HttpTransport shared = HttpTransport.builder("closed3").baseUrl(wm.baseUrl() + "/api").authorization("Bearer k")
          .httpClient(users).build();
      shared.execute(Operation.GET, shared.create(Api.class).get());
      shared.close();
      assertEquals(1, users.connectionPool().idleConnectionCount(), "the user's pool is the user's to close");
    } finally {
      users.dispatcher().executorService().shutdown();
      users.connectionPool().evictAll();
    }
  }

  @Test
  void aWaitAfterCloseFailsTheCallInsteadOfRetrying() throws Exception {
    wm.stubFor(any(anyUrl()).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("ok"));
    wm.stubFor(any(anyUrl()).inScenario("retry").whenScenarioStateIs("ok").willReturn(
        aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\": \"1\"}")));
    OkHttpClient users = new OkHttpClient(); // its dispatcher outlives the transport
    HttpTransport transport = HttpTransport.builder("closed1").baseUrl(wm.baseUrl() + "/api")
        .authorization("Bearer k").httpClient(users)
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(2)).build())
        .build();
    try {
      transport.close();
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> transport.executeAsync(Operation.GET, transport.create(Api.class).get()).get(5, TimeUnit.SECONDS));
      TransportException failure = assertInstanceOf(TransportException.class, e.getCause());
      assertTrue(failure.getMessage().contains("closed"), failure.getMessage());
      assertEquals(1, wm.getAllServeEvents().size(), "no attempt after the wait");
    } finally {
      users.dispatcher().executorService().shutdown();
      users.connectionPool().evictAll();
    }
  }
}
