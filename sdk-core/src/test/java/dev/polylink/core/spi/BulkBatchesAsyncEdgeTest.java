package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.LinkField;
import dev.polylink.core.Operation;
import dev.polylink.core.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class BulkBatchesAsyncEdgeTest {
  private static final Capabilities NO_BULK = Capabilities.builder().operations(Operation.CREATE)
      .creatableFields(LinkField.DESTINATION).build();
  private static final Capabilities BULK = Capabilities.builder().operations(Operation.CREATE)
      .creatableFields(LinkField.DESTINATION).bulk(Operation.CREATE, 100).build();

  /*
   * An item no task recorded a result for cannot be reached (runAsync's inner completion then fails
   * the future as a bug): every valid item is in exactly one task, a task records its items before
   * its future completes, and a task's future that fails otherwise fails the run. A CancellationException
   * thrown while a call starts (a provider's call that joins a cancelled future) came closest: AsyncBulk
   * took it for its own cancellation and recorded nothing; it is a bug now, as on the blocking path.
   */
  @Test
  void aSingleRequestThatThrowsACancellationWhileStartingFailsTheRunAsABug() {
    CancellationException thrown = new CancellationException("a token refresh was cancelled");
    BulkBatches.Plan<Integer, Integer, String> plan = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE,
        NO_BULK)
        .prepare(i -> i)
        .single(i -> {
          if (i == 1) {
            throw thrown;
          }
          return "s" + i;
        })
        .singleAsync(i -> {
          if (i == 1) {
            throw thrown;
          }
          return CompletableFuture.completedFuture("s" + i);
        });
    CompletableFuture<BulkResult<String>> result = plan.runAsync(List.of(0, 1, 2));
    assertTrue(result.isDone(), "not left pending");
    assertSame(thrown, assertThrows(CancellationException.class, result::join));
    assertSame(thrown, assertThrows(CancellationException.class, () -> plan.run(List.of(0, 1, 2))), "as run does");
  }

  @Test
  void aBatchThatThrowsACancellationWhileStartingFailsTheRunAsABug() {
    CancellationException thrown = new CancellationException("a token refresh was cancelled");
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    CompletableFuture<BulkResult<String>> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, BULK)
        .prepare(i -> i)
        .groupBy(i -> i % 2) // two batches: 0 and 2, 1 and 3
        .batchAsync((batch, answer) -> {
          if (batch.contains(1)) {
            throw thrown;
          }
          CompletableFuture<Void> f = new CompletableFuture<>();
          inFlight.add(f);
          return f;
        })
        .runAsync(List.of(0, 1, 2, 3));
    assertTrue(result.isDone(), "not left pending");
    assertSame(thrown, assertThrows(CancellationException.class, result::join));
    assertTrue(inFlight.get(0).isCancelled(), "the other batch in flight is cancelled");
  }

  @Test
  void aBatchCancelledByTheProviderLaterFailsItsItemsAloneAndTheRunCompletes() {
    List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    List<BulkBatches.Answer<String>> answers = new ArrayList<>();
    CompletableFuture<BulkResult<String>> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, BULK)
        .prepare(i -> i)
        .groupBy(i -> i % 2)
        .batchAsync((batch, answer) -> {
          CompletableFuture<Void> f = new CompletableFuture<>();
          inFlight.add(f);
          answers.add(answer);
          return f;
        })
        .runAsync(List.of(0, 1, 2, 3));
    inFlight.get(1).cancel(true);
    answers.get(0).succeeded(0, "v0");
    answers.get(0).succeeded(1, "v2");
    inFlight.get(0).complete(null);
    assertTrue(result.isDone(), "not left pending");
    BulkResult<String> done = result.join();
    for (int index : List.of(1, 3)) {
      TransportException e = assertInstanceOf(TransportException.class, done.items().get(index).failure().orElseThrow());
      assertTrue(e.requestMayHaveBeenProcessed());
      assertTrue(e.getMessage().contains("the request was cancelled"), e.getMessage());
    }
    assertEquals("v0", done.items().get(0).value().orElseThrow());
    assertEquals("v2", done.items().get(2).value().orElseThrow());
  }

  @Test
  void aMisusedPlanFailsTheFutureInsteadOfThrowing() {
    BulkBatches.Plan<Integer, Integer, String> plan = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, NO_BULK)
        .singleAsync(i -> CompletableFuture.completedFuture("s" + i));
    CompletableFuture<BulkResult<String>> noPrepare = plan.runAsync(List.of(1));
    assertInstanceOf(IllegalStateException.class, assertThrows(CompletionException.class, noPrepare::join).getCause());
    CompletableFuture<BulkResult<String>> noItems = plan.prepare(i -> i).runAsync(null);
    assertInstanceOf(NullPointerException.class, assertThrows(CompletionException.class, noItems::join).getCause());
  }
}
