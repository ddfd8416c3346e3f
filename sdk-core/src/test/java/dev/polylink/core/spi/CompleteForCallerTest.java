package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpTransport#completeForCaller}: the caller's future completes on the completion
 * executor (default the common pool) with the work's value or exception itself, on the completing
 * thread when the executor refuses, and cancelling it cancels the work.
 */
class CompleteForCallerTest {
  private static HttpTransport.Builder transport() {
    return HttpTransport.builder("p").baseUrl("http://127.0.0.1:9/").authorization("Bearer k");
  }

  @Test
  void theDefaultExecutorIsTheCommonPool() {
    try (HttpTransport t = transport().build()) {
      assertSame(ForkJoinPool.commonPool(), t.futureCompletionExecutor());
    }
  }

  @Test
  void theCallersFutureCompletesOnlyWhenTheExecutorRunsTheTask() {
    List<Runnable> tasks = new ArrayList<>();
    try (HttpTransport t = transport().futureCompletionExecutor(tasks::add).build()) {
      CompletableFuture<String> work = new CompletableFuture<>();
      CompletableFuture<String> caller = t.completeForCaller(work);
      work.complete("done");
      assertFalse(caller.isDone(), "not on the thread that finished the work");
      assertEquals(1, tasks.size());
      tasks.get(0).run();
      assertEquals("done", caller.join());

      NotFoundException missing = new NotFoundException("p", Operation.GET, 404, null, "no such link", null, null, "");
      CompletableFuture<String> failing = new CompletableFuture<>();
      CompletableFuture<String> failed = t.completeForCaller(failing);
      failing.completeExceptionally(new CompletionException(missing));
      tasks.get(1).run();
      assertSame(missing, failed.handle((v, e) -> e).join(), "the exception itself, unwrapped");
    }
  }

  @Test
  void aRefusingExecutorCompletesOnTheFinishingThread() {
    try (HttpTransport t = transport().futureCompletionExecutor(r -> {
      throw new RejectedExecutionException("shut down");
    }).build()) {
      assertEquals("x", t.completeForCaller(CompletableFuture.completedFuture("x")).join());
    }
  }

  @Test
  void cancellingTheCallersFutureCancelsTheWork() {
    try (HttpTransport t = transport().build()) {
      CompletableFuture<String> work = new CompletableFuture<>();
      assertTrue(t.completeForCaller(work).cancel(true));
      assertTrue(work.isCancelled());
    }
  }
}
