package dev.polylink.core.spi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.polylink.core.Operation;
import dev.polylink.core.PolylinkException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.TransportException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.Request;
import okio.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.http.GET;

/**
 * How a failure that is not the vendor's answer reaches the caller: an interrupt is kept on the
 * caller's thread only when the caller's thread ran the call (never on a thread that completes an
 * asynchronous one), and an SDK exception passes through as itself.
 */
class HttpTransportFailureTest {
  @RegisterExtension
  static final WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  interface Api {
    @GET("things/1")
    Call<JsonNode> get();
  }

  /** A call that fails as told, without any I/O, on the thread that runs it. */
  private static final class FailingCall implements Call<JsonNode> {
    private final Throwable failure;

    FailingCall(Throwable failure) {
      this.failure = failure;
    }

    @Override public Response<JsonNode> execute() { throw FailingCall.<RuntimeException>sneaky(failure); }
    @Override public void enqueue(Callback<JsonNode> callback) { callback.onFailure(this, failure); }
    @Override public boolean isExecuted() { return false; }
    @Override public void cancel() { }
    @Override public boolean isCanceled() { return false; }
    @Override public Call<JsonNode> clone() { return new FailingCall(failure); }
    @Override public Request request() { return new Request.Builder().url("http://127.0.0.1:1/things/1").build(); }
    @Override public Timeout timeout() { return Timeout.NONE; }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
      throw (E) e;
    }
  }

  /** A call whose answer never comes; it records being cancelled. */
  private static final class PendingCall implements Call<JsonNode> {
    volatile boolean cancelled;

    @Override public Response<JsonNode> execute() { throw new UnsupportedOperationException(); }
    @Override public void enqueue(Callback<JsonNode> callback) { }
    @Override public boolean isExecuted() { return true; }
    @Override public void cancel() { cancelled = true; }
    @Override public boolean isCanceled() { return cancelled; }
    @Override public Call<JsonNode> clone() { return new PendingCall(); }
    @Override public Request request() { return new Request.Builder().url("http://127.0.0.1:1/things/1").build(); }
    @Override public Timeout timeout() { return Timeout.NONE; }
  }

  private final HttpTransport transport = HttpTransport.builder("demo").baseUrl(wm.baseUrl() + "/api")
      .authorization("Bearer k").rateLimit(dev.polylink.core.RateLimit.fixed(1, java.time.Duration.ofSeconds(10)))
      .sleeper(d -> {
        throw new InterruptedException("test");
      }).build();

  @AfterEach
  void close() {
    transport.close();
    Thread.interrupted();
  }

  /**
   * The SDK's own interrupt, as an interrupted wait for the rate-limit budget makes it (the flag it
   * set is cleared): one request in 10 s, so the second waits.
   */
  private InterruptedIOException interruptedWait() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{}")));
    transport.execute(Operation.GET, transport.create(Api.class).get());
    TransportException e = assertThrows(TransportException.class,
        () -> transport.execute(Operation.GET, transport.create(Api.class).get()));
    assertTrue(Thread.interrupted(), "an interrupted blocking call keeps the interrupt");
    assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
    assertFalse(e.getMessage().contains("may have processed"), "nothing was sent while it waited: " + e.getMessage());
    assertFalse(e.requestMayHaveBeenProcessed());
    return assertInstanceOf(InterruptedIOException.class, e.getCause());
  }

  private Throwable asyncFailure(CompletableFuture<?> future) {
    assertNotNull(future);
    return assertThrows(ExecutionException.class, future::get).getCause();
  }

  @Test
  void anInterruptedBlockingCallInterruptsTheCallersThread() {
    InterruptedIOException interrupted = interruptedWait();
    TransportException again = assertThrows(TransportException.class,
        () -> transport.exchange(Operation.GET, new FailingCall(interrupted)));
    assertTrue(Thread.interrupted(), "the interrupt is put back on the caller's thread");
    assertSame(interrupted, again.getCause());
  }

  @Test
  void anInterruptedAsynchronousCallLeavesTheCompletingThreadAlone() {
    InterruptedIOException interrupted = interruptedWait();
    Throwable failure = asyncFailure(transport.exchangeAsync(Operation.GET, new FailingCall(interrupted)));
    assertSame(interrupted, assertInstanceOf(TransportException.class, failure).getCause());
    assertFalse(Thread.interrupted(), "the thread that completed the future is not interrupted");
  }

  @Test
  void aSneakyInterruptedExceptionInterruptsOnlyABlockingCaller() {
    InterruptedException interrupted = new InterruptedException("sneaky");
    TransportException blocking = assertThrows(TransportException.class,
        () -> transport.exchange(Operation.GET, new FailingCall(interrupted)));
    assertSame(interrupted, blocking.getCause());
    assertTrue(Thread.interrupted());
    Throwable failure = asyncFailure(transport.exchangeAsync(Operation.GET, new FailingCall(interrupted)));
    assertSame(interrupted, assertInstanceOf(TransportException.class, failure).getCause());
    assertFalse(Thread.interrupted());
  }

  @Test
  void cancellingTheFutureCancelsTheCallInFlight() {
    PendingCall call = new PendingCall();
    CompletableFuture<Response<JsonNode>> future = transport.exchangeAsync(Operation.GET, call);
    assertFalse(call.cancelled);
    assertTrue(future.cancel(true));
    assertTrue(call.cancelled, "the attempt in flight is cancelled with the future");
  }

  @Test
  void theListenersAreToldHowAnAsynchronousOperationEnded() {
    java.util.List<dev.polylink.core.LinkClientListener.OperationFinished> finished =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    PolylinkException invalid = new RequestValidationException("demo", "slug: too short");
    try (HttpTransport told = HttpTransport.builder("demo").baseUrl(wm.baseUrl() + "/api").authorization("Bearer k")
        .listeners(java.util.List.of(new dev.polylink.core.LinkClientListener() {
          @Override
          public void operationFinished(OperationFinished event) {
            finished.add(event);
          }
        })).build()) {
      asyncFailure(told.exchangeAsync(Operation.UPDATE, new FailingCall(invalid)));
    }
    assertEquals(1, finished.size());
    assertEquals(Operation.UPDATE, finished.get(0).operation());
    assertTrue(finished.get(0).asynchronous());
    assertSame(invalid, finished.get(0).failure().orElseThrow());
  }

  @Test
  void anSdkExceptionPassesThroughAsItself() {
    PolylinkException invalid = new RequestValidationException("demo", "slug: too short");
    assertSame(invalid, assertThrows(RequestValidationException.class,
        () -> transport.exchange(Operation.GET, new FailingCall(invalid))));
    assertSame(invalid, asyncFailure(transport.exchangeAsync(Operation.GET, new FailingCall(invalid))));
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
