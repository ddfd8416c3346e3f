package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The blocking path runs its attempts straight from the call factory ({@code AsyncRetryCall.execute}
 * to {@code RetryInterceptor.execute}), without an outer OkHttp call: what that call did stays
 * done. Only the attempt's own call is registered with the dispatcher, a caller's {@code cancel()}
 * discards the answer, and an attempt cancelled by its dispatcher is not retried.
 */
class BlockingCallTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private static final String BODY = "{\"id\":\"7\"}";

  @Test
  void aBlockingCallIsOneCallOfTheDispatcherAndReturnsTheWholeBody() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/things/7")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(BODY).withFixedDelay(80)));
    OkHttpClient shared = new OkHttpClient();
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/", b -> b.httpClient(shared))) {
      CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> h.call("GET"));
      awaitRequests(1);
      assertEquals(1, shared.dispatcher().runningCallsCount(), "the attempt's call only");
      JsonNode body = (JsonNode) result.get(5, TimeUnit.SECONDS);
      assertEquals("7", body.get("id").asText());
      assertEquals(0, shared.dispatcher().runningCallsCount());
    }
  }

  @Test
  void aCallCancelledWhileItsAttemptRunsDiscardsTheAnswer() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/things/7")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(BODY).withFixedDelay(80)));
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/", b -> {})) {
      retrofit2.Call<JsonNode> call = h.api.get("7");
      CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
        try {
          h.transport.execute(Operation.GET, call);
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      });
      awaitRequests(1);
      call.cancel();
      TransportException e = assertInstanceOf(TransportException.class, failure.get(5, TimeUnit.SECONDS));
      assertTrue(e.getMessage().contains("Canceled"), e.getMessage());
      assertTrue(call.isCanceled());
      assertEquals(1, wm.findAll(anyRequestedFor(anyUrl())).size(), "sent once, not retried");
    }
  }

  @Test
  void aGetWhoseAttemptTheDispatcherCancelsIsNotRetried() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/things/7")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(BODY).withFixedDelay(80)));
    OkHttpClient shared = new OkHttpClient();
    try (TransportHarness h = new TransportHarness(wm.baseUrl() + "/", b -> b.httpClient(shared))) {
      CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
        try {
          h.call("GET");
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      });
      awaitRequests(1);
      shared.dispatcher().cancelAll();
      TransportException e = assertInstanceOf(TransportException.class, failure.get(5, TimeUnit.SECONDS));
      assertTrue(e.getMessage().contains("the call was cancelled"), e.getMessage());
      assertFalse(e.getMessage().contains("deadline"), e.getMessage());
      assertEquals(1, wm.findAll(anyRequestedFor(anyUrl())).size(), "sent once, not retried");
      assertTrue(h.waits.isEmpty(), "no backoff: " + h.waits);
    }
  }

  /** Waits (polling, at most 5 s) until the server has received {@code n} requests. */
  private static void awaitRequests(int n) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (wm.findAll(anyRequestedFor(anyUrl())).size() < n && System.nanoTime() < end) {
      Thread.sleep(2);
    }
    assertEquals(n, wm.findAll(anyRequestedFor(anyUrl())).size());
  }
}
