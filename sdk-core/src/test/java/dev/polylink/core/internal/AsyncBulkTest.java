package dev.polylink.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkResult;
import dev.polylink.core.NotFoundException;
import dev.polylink.core.Operation;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link AsyncBulk}: checks first, bounded concurrency in input order, failures alone, cancellation. */
class AsyncBulkTest {
  /** Items started and not yet completed by the test, in the order they were started. */
  private final List<CompletableFuture<String>> started = new ArrayList<>();
  private final List<Integer> sentItems = new ArrayList<>();

  private CompletableFuture<String> send(Integer item) {
    CompletableFuture<String> f = new CompletableFuture<>();
    synchronized (this) {
      started.add(f);
      sentItems.add(item);
    }
    return f;
  }

  private static void check(Integer item) {
    if (item < 0) {
      throw new RequestValidationException("test", "item: must not be negative (was " + item + ")");
    }
  }

  @Test
  void everyItemIsCheckedFirstAndAtMostTheBoundIsInFlight() {
    List<Integer> items = List.of(1, -2, 3, 4, 5, -6, 7);
    CompletableFuture<BulkResult<String>> result = AsyncBulk.run("test", Operation.CREATE, items, AsyncBulkTest::check, this::send, 2);
    assertEquals(List.of(1, 3), sentItems, "two in flight, in input order, the invalid one skipped");
    started.get(1).complete("three");
    assertEquals(List.of(1, 3, 4), sentItems, "one ended, the next starts");
    started.get(0).completeExceptionally(new NotFoundException("test", Operation.GET, 404, null, "gone", null, null, ""));
    started.get(2).complete("four");
    started.get(3).complete("five");
    assertFalse(result.isDone());
    started.get(4).complete("seven");
    BulkResult<String> done = result.join();
    assertEquals(List.of(1, 3, 4, 5, 7), sentItems);
    assertEquals(7, done.items().size());
    assertInstanceOf(NotFoundException.class, done.items().get(0).failure().orElseThrow());
    assertInstanceOf(RequestValidationException.class, done.items().get(1).failure().orElseThrow());
    assertEquals("three", done.items().get(2).value().orElseThrow());
    assertEquals("four", done.items().get(3).value().orElseThrow());
    assertEquals("five", done.items().get(4).value().orElseThrow());
    assertInstanceOf(RequestValidationException.class, done.items().get(5).failure().orElseThrow());
    assertEquals("seven", done.items().get(6).value().orElseThrow());
    assertEquals(IntStream.range(0, 7).boxed().collect(Collectors.toList()),
        done.items().stream().map(i -> i.index()).collect(Collectors.toList()));
  }

  @Test
  void itemsThatCompleteAtOnceDoNotRecurseWithoutBound() {
    List<Integer> items = IntStream.range(0, 20_000).boxed().collect(Collectors.toList());
    BulkResult<Integer> result =
        AsyncBulk.run("test", Operation.CREATE, items, i -> { }, (Integer i) -> CompletableFuture.completedFuture(i * 2), 8).join();
    assertEquals(20_000, result.items().size());
    assertEquals(39_998, result.items().get(19_999).value().orElseThrow());
  }

  @Test
  void cancellingTheBulkCancelsTheItemsInFlightAndStartsNoMore() {
    CompletableFuture<BulkResult<String>> result = AsyncBulk.run("test", Operation.CREATE, List.of(1, 2, 3, 4), i -> { }, this::send, 2);
    assertTrue(result.cancel(true));
    assertTrue(started.get(0).isCancelled());
    assertTrue(started.get(1).isCancelled());
    assertEquals(List.of(1, 2), sentItems, "nothing after the cancel");
  }

  @Test
  void aFailureThatIsNoPolylinkExceptionFailsTheWholeBulk() {
    IllegalStateException bug = new IllegalStateException("bug");
    CompletableFuture<BulkResult<String>> result = AsyncBulk.run("test", Operation.CREATE, List.of(1, 2), i -> { }, this::send, 1);
    started.get(0).completeExceptionally(bug);
    CompletionException e = assertThrows(CompletionException.class, result::join);
    assertSame(bug, e.getCause());
    assertEquals(List.of(1), sentItems);
  }

  @Test
  void aNullItemFailsAloneAsTheBlockingPathFailsIt() {
    List<Integer> items = new ArrayList<>();
    items.add(1);
    items.add(null);
    CompletableFuture<BulkResult<String>> result = AsyncBulk.run("test", Operation.CREATE, items, AsyncBulkTest::check, this::send, 2);
    started.get(0).complete("one");
    BulkResult<String> done = result.join();
    RequestValidationException e = assertInstanceOf(RequestValidationException.class, done.items().get(1).failure().orElseThrow());
    assertEquals(List.of("items[1]: must not be null"), e.violations());
    assertEquals(List.of(1), sentItems);
  }

  @Test
  void anEmptyInputIsAnEmptyResult() {
    assertEquals(0, AsyncBulk.run("test", Operation.CREATE, List.<Integer>of(), i -> { }, this::send, 4).join().items().size());
  }

  @Test
  void anItemWhoseOwnFutureIsCancelledFailsAloneAndTheBulkStillCompletes() {
    // Cancelled by its client (closed, say), not by the bulk: the bulk took it for its own
    // cancellation, recorded nothing, and List.copyOf of the results threw in a callback, so the
    // result never completed.
    CompletableFuture<BulkResult<String>> result = AsyncBulk.run("test", Operation.UPDATE, List.of(1, 2, 3), i -> { },
        this::send, 3);
    started.get(1).cancel(true);
    started.get(0).complete("one");
    started.get(2).complete("three");
    assertTrue(result.isDone(), "not left pending");
    BulkResult<String> done = result.join();
    TransportException e = assertInstanceOf(TransportException.class, done.items().get(1).failure().orElseThrow());
    assertTrue(e.requestMayHaveBeenProcessed());
    assertEquals(Operation.UPDATE, e.operation());
    assertTrue(e.getMessage().contains("the request was cancelled; whether the vendor processed it is unknown"),
        e.getMessage());
    assertEquals("one", done.items().get(0).value().orElseThrow());
    assertEquals("three", done.items().get(2).value().orElseThrow());
  }

  @Test
  void aCancellationThrownWhileStartingAnItemIsABugThatFailsTheBulk() {
    // Thrown by send itself, as any RuntimeException other than a PolylinkException: a bug, as on
    // the blocking path, not the bulk's own cancellation (it failed the bulk with a
    // NullPointerException from List.copyOf instead).
    CancellationException thrown = new CancellationException("joined a cancelled future");
    List<CompletableFuture<String>> inFlight = new ArrayList<>();
    CompletableFuture<BulkResult<String>> result = AsyncBulk.run("test", Operation.CREATE, List.of(1, 2, 3), i -> { },
        (Integer i) -> {
          if (i == 2) {
            throw thrown;
          }
          CompletableFuture<String> f = new CompletableFuture<>();
          inFlight.add(f);
          return f;
        }, 2);
    assertTrue(result.isCompletedExceptionally());
    assertSame(thrown, assertThrows(CancellationException.class, result::join));
    assertTrue(inFlight.get(0).isCancelled(), "the item in flight is cancelled");
    assertEquals(1, inFlight.size(), "nothing more starts");
  }

  @Test
  void aSendThatReturnsNoFutureIsABugThatFailsTheBulk() {
    CompletableFuture<BulkResult<String>> result = AsyncBulk.run("test", Operation.CREATE, List.of(1), i -> { },
        (Integer i) -> null, 1);
    CompletionException e = assertThrows(CompletionException.class, result::join);
    assertInstanceOf(NullPointerException.class, e.getCause());
  }
}
