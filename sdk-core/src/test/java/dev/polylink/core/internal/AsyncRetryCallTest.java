package dev.polylink.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AsyncRetryCall} as an OkHttp {@link Call}: its state, tags, timeout and clone. */
class AsyncRetryCallTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final OkHttpClient client = OkHttpFactory.create(ClientSettings.builder()
      .socketTimeout(java.time.Duration.ofSeconds(5)).attemptTimeout(java.time.Duration.ofSeconds(5))
      .operationTimeout(java.time.Duration.ofSeconds(10)).maxResponseBodyBytes(1 << 20)
      .authorization("Bearer k").userAgent("test").retryPolicy(dev.polylink.core.RetryPolicy.defaults())
      .sleeper(d -> { }).clock(java.time.Clock.systemUTC())
      .errorDecoder((status, headers, body) -> dev.polylink.core.spi.VendorError.none())
      .rateLimitParser(dev.polylink.core.spi.RateLimitParser.NONE).rateLimitSink(s -> { }).build());
  private final Call.Factory factory = OkHttpFactory.callFactory(client, () -> scheduler);

  @AfterEach
  void close() {
    scheduler.shutdownNow();
    client.dispatcher().executorService().shutdownNow();
    client.connectionPool().evictAll();
  }

  private Request request() {
    return new Request.Builder().url(wm.baseUrl() + "/things/7").build();
  }

  @Test
  void aCallIsExecutedOnceAndNotCanceledUntilAsked() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/things/7")).willReturn(aResponse().withStatus(200).withBody("ok")));
    Request request = request();
    Call call = factory.newCall(request);
    assertSame(request, call.request());
    assertFalse(call.isExecuted());
    assertFalse(call.isCanceled());
    try (Response response = call.execute()) {
      assertEquals(200, response.code());
      assertEquals("ok", response.body().string());
    }
    assertTrue(call.isExecuted());
    IllegalStateException again = assertThrows(IllegalStateException.class, call::execute);
    assertEquals("Already Executed", again.getMessage());
    call.cancel();
    assertTrue(call.isCanceled());
  }

  @Test
  void aCloneIsANewUnexecutedCallOfTheSameRequest() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/things/7")).willReturn(aResponse().withStatus(200).withBody("ok")));
    Call call = factory.newCall(request());
    call.execute().close();
    Call clone = call.clone();
    assertNotSame(call, clone);
    assertSame(call.request(), clone.request());
    assertFalse(clone.isExecuted());
    try (Response response = clone.execute()) {
      assertEquals("ok", response.body().string());
    }
  }

  @Test
  void tagsAreTheCallsOwnAndComputedOnce() {
    Call call = factory.newCall(request());
    assertNull(call.tag(String.class));
    assertEquals("first", call.tag(String.class, () -> "first"));
    assertEquals("first", call.tag(String.class, () -> "second"));
    assertEquals("first", call.tag(String.class));
    assertEquals("first", call.tag(kotlin.jvm.JvmClassMappingKt.getKotlinClass(String.class)));
    assertEquals(7, call.tag(kotlin.jvm.JvmClassMappingKt.getKotlinClass(Integer.class), () -> 7));
    assertEquals(7, call.tag(Integer.class));
    assertNull(factory.newCall(request()).tag(String.class), "not shared between calls");
  }

  @Test
  void theCallHasNoTimeoutOfItsOwn() {
    assertSame(Timeout.NONE, factory.newCall(request()).timeout());
  }

  @Test
  void aCanceledCallDoesNotReturnAnAnswer() {
    wm.stubFor(get(urlPathEqualTo("/things/7")).willReturn(aResponse().withStatus(200).withBody("ok")));
    Call call = factory.newCall(request());
    call.cancel();
    assertThrows(java.io.IOException.class, call::execute);
  }

  @Test
  void theFactoryNeedsAClientOfOkHttpFactory() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OkHttpFactory.callFactory(new OkHttpClient(), () -> scheduler));
    assertEquals("not a client of OkHttpFactory", e.getMessage());
  }
}
