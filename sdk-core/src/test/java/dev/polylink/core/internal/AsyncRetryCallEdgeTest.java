package dev.polylink.core.internal;

import static dev.polylink.core.internal.RetryFakeVendor.body;
import static dev.polylink.core.internal.RetryFakeVendor.request;
import static dev.polylink.core.internal.RetryFakeVendor.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.RateLimitStatus;
import dev.polylink.core.spi.VendorError;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncRetryCall}'s own paths, each on {@link RetryFakeVendor} (no socket): what ends an
 * attempt, a cancel at each point of the loop (before the call, as its attempt's call is made,
 * while a wait is scheduled or pending, during a blocking call), a closed scheduler, a throwing
 * sink or callback. Waits go to a {@link ManualScheduler}, which runs them only when the test says,
 * or to a real scheduler with waits of zero.
 */
class AsyncRetryCallEdgeTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** A scheduler whose waits run when the test runs them, on the test's thread. */
  static final class ManualScheduler extends ScheduledThreadPoolExecutor {
    final ConcurrentLinkedDeque<Wait> waits = new ConcurrentLinkedDeque<>();
    /** Runs inside {@code schedule}, before it returns: as if another thread did it meanwhile. */
    volatile Runnable onSchedule = () -> { };
    /** False: a wait cannot be cancelled any more, as one whose task has begun. */
    volatile boolean cancellable = true;

    ManualScheduler() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      Wait w = new Wait(task, unit.toNanos(delay));
      waits.add(w);
      onSchedule.run();
      return w;
    }

    /** Waits (at most 5 s) until {@code n} waits were scheduled, and returns the last. */
    Wait awaitWaits(int n) throws InterruptedException {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (waits.size() < n) {
        assertTrue(System.nanoTime() < end, "no wait within 5 s");
        Thread.sleep(1);
      }
      return waits.peekLast();
    }

    final class Wait extends FutureTask<Void> implements ScheduledFuture<Void> {
      final long delayNanos;

      Wait(Runnable task, long delayNanos) {
        super(task, null);
        this.delayNanos = delayNanos;
      }

      @Override
      public long getDelay(TimeUnit unit) {
        return unit.convert(delayNanos, TimeUnit.NANOSECONDS);
      }

      @Override
      public int compareTo(Delayed o) {
        return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
      }

      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        return cancellable && super.cancel(mayInterruptIfRunning);
      }
    }
  }

  private final RetryFakeVendor vendor = new RetryFakeVendor();
  private final ManualScheduler manual = new ManualScheduler();
  private final ScheduledExecutorService real = Executors.newSingleThreadScheduledExecutor();
  private final IdleConnections idle = new IdleConnections(new ConnectionPool(), Duration.ofHours(1));

  @AfterEach
  void close() {
    manual.shutdownNow();
    real.shutdownNow();
    vendor.inner.dispatcher().executorService().shutdownNow();
  }

  private RetryInterceptor retry(UnaryOperator<ClientSettings.Builder> customize) {
    return new RetryInterceptor(vendor.inner, customize.apply(RetryFakeVendor.settings().clock(CLOCK)).build(), idle);
  }

  private AsyncRetryCall call(RetryInterceptor retry, String method, ScheduledExecutorService scheduler) {
    return new AsyncRetryCall(request(method), vendor.inner, retry, () -> scheduler);
  }

  /** Enqueues {@code call}; the future completes with its callback's answer. */
  private static CompletableFuture<Response> enqueue(Call call) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    call.enqueue(new Callback() {
      @Override
      public void onResponse(Call c, Response response) {
        result.complete(response);
      }

      @Override
      public void onFailure(Call c, IOException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private static IOException failure(CompletableFuture<Response> result) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class, () -> result.get(5, TimeUnit.SECONDS));
    return assertInstanceOf(IOException.class, e.getCause());
  }


  // ------------------------------------------------------------------ how attempts end

  @Test
  void aSuccessIsAnsweredAndItsAttemptsEndIsRecorded() throws Exception {
    long created = RetryFakeVendor.lastUse(idle);
    vendor.answer(200, "{\"id\": 7}");
    try (Response response = enqueue(call(retry(b -> b), "GET", real)).get(5, TimeUnit.SECONDS)) {
      assertEquals("{\"id\": 7}", response.body().string());
    }
    assertTrue(RetryFakeVendor.lastUse(idle) > created);
  }

  @Test
  void aSentPostThatFailsIsNotResentAndItsAttemptsEndIsRecorded() throws Exception {
    long created = RetryFakeVendor.lastUse(idle);
    vendor.fail(new IOException("reset"));
    TransportFailure e = assertInstanceOf(TransportFailure.class, failure(enqueue(call(retry(b -> b), "POST", real))));
    assertEquals("IOException: reset", e.getMessage());
    assertTrue(e.mayHaveBeenProcessed());
    assertTrue(RetryFakeVendor.lastUse(idle) > created);
    assertEquals(1, vendor.attempts());
  }

  @Test
  void aSuccessBodyAboveTheLimitFailsAndItsAttemptsEndIsRecorded() throws Exception {
    long created = RetryFakeVendor.lastUse(idle);
    vendor.then(chain -> response(chain, 200, body(11, 11, 11)));
    TransportFailure e = assertInstanceOf(TransportFailure.class,
        failure(enqueue(call(retry(b -> b.maxResponseBodyBytes(10)), "GET", real))));
    assertTrue(e.getMessage().startsWith("the response body of 11 bytes"), e.getMessage());
    assertTrue(RetryFakeVendor.lastUse(idle) > created);
    assertTrue(vendor.calls.get(0).isCanceled());
  }

  @Test
  void aSuccessBodyThatBreaksOffIsAnIoFailureOfItsAttempt() throws Exception {
    long created = RetryFakeVendor.lastUse(idle);
    vendor.then(chain -> response(chain, 201, RetryFakeVendor.brokenBody("{\"id\"", new IOException("broken"))));
    TransportFailure post = assertInstanceOf(TransportFailure.class, failure(enqueue(call(retry(b -> b), "POST", real))));
    assertEquals("IOException: broken", post.getMessage());
    assertTrue(post.mayHaveBeenProcessed());
    assertTrue(RetryFakeVendor.lastUse(idle) > created);

    vendor.then(chain -> response(chain, 200, RetryFakeVendor.brokenBody("{", new IOException("broken"))))
        .answer(200, "{}");
    try (Response response = enqueue(call(retry(b -> b), "GET", real)).get(5, TimeUnit.SECONDS)) {
      assertEquals("{}", response.body().string(), "a GET is tried again");
    }
  }

  @Test
  void aSinkThatThrowsFailsTheCallWithItsException() throws Exception {
    IllegalStateException bug = new IllegalStateException("sink bug");
    vendor.answer(404, "");
    RetryInterceptor retry = retry(b -> b
        .errorDecoder((status, headers, body) ->
            VendorError.builder().rateLimit(RateLimitStatus.builder().remaining(0).build()).build())
        .rateLimitSink(s -> {
          throw bug;
        }));
    IOException e = failure(enqueue(call(retry, "GET", real)));
    assertSame(bug, e.getCause());
  }

  @Test
  void aCallbackWhoseOnResponseThrowsIsToldTheFailure() throws Exception {
    vendor.answer(200, "{}");
    IOException thrown = new IOException("the caller could not use it");
    CompletableFuture<IOException> told = new CompletableFuture<>();
    call(retry(b -> b), "GET", real).enqueue(new Callback() {
      @Override
      public void onResponse(Call c, Response response) throws IOException {
        response.close();
        throw thrown;
      }

      @Override
      public void onFailure(Call c, IOException e) {
        told.complete(e);
      }
    });
    assertSame(thrown, told.get(5, TimeUnit.SECONDS));
  }

  // ------------------------------------------------------------------ before the first attempt

  @Test
  void aCallCancelledBeforeItIsEnqueuedSendsNothing() throws Exception {
    AsyncRetryCall call = call(retry(b -> b), "GET", real);
    call.cancel();
    assertTrue(call.isCanceled());
    assertEquals("Canceled", failure(enqueue(call)).getMessage());
    assertEquals(0, vendor.attempts());
  }

  @Test
  void anOperationDeadlineAlreadyPassedFailsOnTheCallersThread() throws Exception {
    CompletableFuture<Response> result = enqueue(call(retry(b -> b.operationTimeout(Duration.ZERO)), "GET", real));
    assertTrue(result.isDone(), "failed before enqueue returned");
    assertEquals("the operation deadline (operationTimeout PT0S) passed", failure(result).getMessage());
    assertEquals(0, vendor.attempts());
  }

  // ------------------------------------------------------------------ cancels and waits

  @Test
  void aCancelAsTheAttemptsCallIsMadeCancelsThatCall() throws Exception {
    vendor.answer(200, "{}");
    AsyncRetryCall call = call(retry(b -> b), "GET", real);
    vendor.onNewCall = call::cancel;
    TransportFailure e = assertInstanceOf(TransportFailure.class, failure(enqueue(call)));
    assertEquals("IOException: Canceled; the call was cancelled", e.getMessage());
    assertEquals(0, vendor.attempts(), "the cancelled call sent nothing");
  }

  @Test
  void aCancelThatComesTooLateToStopTheBudgetWaitStopsTheAttempt() throws Exception {
    vendor.answer(200, "{}");
    RetryInterceptor retry = retry(b -> b.pacer(Pacer.fixed(CLOCK, 1, Duration.ofSeconds(20))));
    retry.execute(request("GET"), () -> false).close(); // takes the budget's one slot
    AsyncRetryCall call = call(retry, "GET", manual);
    CompletableFuture<Response> result = enqueue(call);
    ManualScheduler.Wait wait = manual.awaitWaits(1);
    assertEquals(TimeUnit.SECONDS.toNanos(20), wait.delayNanos);
    manual.cancellable = false;
    call.cancel();
    assertFalse(result.isDone(), "the wait could not be stopped");
    wait.run();
    assertEquals("Canceled", failure(result).getMessage());
    assertEquals(1, vendor.attempts(), "the first call only");
  }

  @Test
  void aCancelWhileAWaitIsBeingScheduledFailsTheCall() throws Exception {
    vendor.answer(503, "");
    AsyncRetryCall call = call(retry(b -> b), "GET", manual);
    manual.onSchedule = call::cancel;
    IOException e = failure(enqueue(call));
    assertEquals("Canceled", e.getMessage());
    assertTrue(manual.waits.peekLast().isCancelled());
    assertEquals(1, vendor.attempts());
  }

  @Test
  void aCancelDuringAPendingWaitFailsAtOnce() throws Exception {
    vendor.answer(503, "");
    AsyncRetryCall call = call(retry(b -> b), "GET", manual);
    CompletableFuture<Response> result = enqueue(call);
    ManualScheduler.Wait wait = manual.awaitWaits(1);
    assertFalse(result.isDone());
    call.cancel();
    assertTrue(result.isDone(), "at once, on the cancelling thread");
    assertEquals("Canceled", failure(result).getMessage());
    assertTrue(wait.isCancelled());
    assertEquals(1, vendor.attempts());
  }

  @Test
  void aWaitRunsTheNextAttempt() throws Exception {
    vendor.answer(503, "").answer(200, "{}");
    CompletableFuture<Response> result = enqueue(call(retry(b -> b), "GET", manual));
    manual.awaitWaits(1).run();
    result.get(5, TimeUnit.SECONDS).close();
    assertEquals(2, vendor.attempts());
  }

  @Test
  void aClosedSchedulerFailsTheCallThatWouldWait() throws Exception {
    vendor.answer(503, "");
    real.shutdown();
    TransportFailure e = assertInstanceOf(TransportFailure.class, failure(enqueue(call(retry(b -> b), "GET", real))));
    assertEquals("the client was closed while the call waited to retry", e.getMessage());
    assertInstanceOf(RejectedExecutionException.class, e.getCause());
    assertEquals(503, e.lastAnswer().statusCode());
  }

  // ------------------------------------------------------------------ the blocking path

  @Test
  void aBlockingCallCancelledDuringAFailedAttemptIsNotRetried() {
    AsyncRetryCall[] call = new AsyncRetryCall[1];
    vendor.then(chain -> {
      call[0].cancel();
      throw new IOException("reset");
    });
    call[0] = call(retry(b -> b), "GET", real);
    TransportFailure e = assertThrows(TransportFailure.class, call[0]::execute);
    assertEquals("IOException: reset; the call was cancelled", e.getMessage());
    assertEquals(1, vendor.attempts());
  }

  @Test
  void aBlockingCallCancelledWhileItsAnswerArrivesDiscardsIt() {
    AsyncRetryCall[] call = new AsyncRetryCall[1];
    vendor.then(chain -> {
      call[0].cancel();
      return response(chain, 200, okhttp3.ResponseBody.create("{}", RetryFakeVendor.JSON));
    });
    call[0] = call(retry(b -> b), "GET", real);
    IOException e = assertThrows(IOException.class, call[0]::execute);
    assertEquals("Canceled", e.getMessage());
    assertEquals(1, vendor.attempts());
  }

  // ------------------------------------------------------------------ the operation's scope and deadline

  @Test
  void everyStepRunsInTheOperationsScope() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    EventDispatcher dispatcher = new EventDispatcher("test", List.of(new dev.polylink.core.LinkClientListener() {
      @Override
      public void attemptFinished(AttemptFinished e) {
        events.add("attempt " + e.attempt() + " " + e.status().getAsInt());
      }

      @Override
      public void retryScheduled(RetryScheduled e) {
        events.add("retry " + e.attempt());
      }
    }), false);
    AsyncScope scope = new AsyncScope(dispatcher, dispatcher.begin(dev.polylink.core.Operation.GET));
    vendor.answer(503, "").answer(200, "{}");
    AsyncRetryCall call = call(retry(b -> b.observer(dispatcher)), "GET", manual);
    CompletableFuture<Response> result = scope.call(() -> enqueue(call));
    manual.awaitWaits(1).run(); // on this thread, outside the scope: the wait enters it again
    result.get(5, TimeUnit.SECONDS).close();
    assertEquals(List.of("attempt 1 503", "retry 1", "attempt 2 200"), events);
  }

  @Test
  void aScheduledWaitCountsAgainstTheOperationDeadlineAsItWasAsked() throws Exception {
    vendor.answer(429, "", "Retry-After", "30").answer(429, "", "Retry-After", "30");
    RetryInterceptor retry = retry(b -> b.operationTimeout(Duration.ofSeconds(50)));
    CompletableFuture<Response> result = enqueue(call(retry, "GET", manual));
    ManualScheduler.Wait wait = manual.awaitWaits(1);
    assertEquals(TimeUnit.SECONDS.toNanos(30), wait.delayNanos);
    wait.run(); // at once: the 30 s count all the same, and a second 30 s would pass the 50
    TransportFailure e = assertInstanceOf(TransportFailure.class, failure(result));
    assertTrue(e.getMessage().contains("waiting 30 s as the vendor asked (Retry-After) would pass"), e.getMessage());
    assertEquals(1, manual.waits.size());
    assertEquals(2, vendor.attempts());
  }
}
