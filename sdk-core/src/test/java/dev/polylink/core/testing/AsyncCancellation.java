package dev.polylink.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Checks that cancelling an asynchronous operation's future cancels its HTTP call in flight: the
 * operation's request is answered only after 5 s (a WireMock {@code withFixedDelay}); once it has
 * reached WireMock, the future is cancelled, and the client's OkHttp dispatcher (the test's own
 * {@link OkHttpClient}, given to the builder) must then have no call running well before the
 * answer would have come.
 */
public final class AsyncCancellation {
  /** The answer delay the stubs of a cancellation case must use, in milliseconds. */
  public static final int ANSWER_DELAY_MILLIS = 5_000;

  private AsyncCancellation() {}

  /**
   * Starts the operation, waits until its request reached WireMock, cancels it and checks that the
   * call ended.
   *
   * @param http the OkHttp client the client under test was built with
   * @param wm the WireMock server whose stub delays the answer by {@link #ANSWER_DELAY_MILLIS}
   * @param start starts the operation
   * @throws InterruptedException when interrupted while polling
   */
  public static void cancelsTheCallInFlight(OkHttpClient http, WireMockExtension wm, Supplier<CompletableFuture<?>> start)
      throws InterruptedException {
    int before = wm.getAllServeEvents().size();
    CompletableFuture<?> future = start.get();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
    while (wm.getAllServeEvents().size() == before && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(before + 1, wm.getAllServeEvents().size(), "the request reached the server");
    assertEquals(1, http.dispatcher().runningCallsCount(), "the call is in flight");
    long cancelled = System.nanoTime();
    assertTrue(future.cancel(true));
    assertTrue(future.isCancelled());
    while (http.dispatcher().runningCallsCount() > 0 && System.nanoTime() - cancelled < TimeUnit.SECONDS.toNanos(3)) {
      Thread.sleep(5);
    }
    assertEquals(0, http.dispatcher().runningCallsCount(), "the HTTP call was cancelled, not left to finish");
    assertTrue(System.nanoTime() - cancelled < TimeUnit.MILLISECONDS.toNanos(ANSWER_DELAY_MILLIS - 1_000),
        "the call ended before its answer came");
    assertEquals(before + 1, wm.getAllServeEvents().size(), "nothing more was sent");
  }
}
