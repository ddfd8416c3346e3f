package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.Operation;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link BulkBatches.Plan#runAsync}: the blocking plan's rules, with futures the test completes by hand. */
class BulkBatchesAsyncTest {
  private static final Capabilities BULK = Capabilities.builder()
      .operations(Operation.CREATE, Operation.UPDATE).creatableFields(dev.polylink.core.LinkField.DESTINATION)
      .bulk(Operation.CREATE, 100)
      .build();

  private static Integer check(Integer item) {
    if (item < 0) {
      throw new RequestValidationException("t", "item: must not be negative (was " + item + ")");
    }
    return item;
  }

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  /** A batch call in flight: what it was given and the future the test completes. */
  private static final class Pending {
    final List<Integer> batch;
    final BulkBatches.Answer<String> answer;
    final CompletableFuture<Void> future = new CompletableFuture<>();

    Pending(List<Integer> batch, BulkBatches.Answer<String> answer) {
      this.batch = batch;
      this.answer = answer;
    }

    void succeedAll() {
      for (int p = 0; p < batch.size(); p++) {
        answer.succeeded(p, "v" + batch.get(p));
      }
      future.complete(null);
    }
  }

  private static BulkBatches.Plan<Integer, Integer, String> plan(List<Pending> pending, int concurrency) {
    return BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, BULK)
        .concurrency(concurrency)
        .prepare(BulkBatchesAsyncTest::check)
        .batchAsync((batch, answer) -> {
          Pending p = new Pending(batch, answer);
          pending.add(p);
          return p.future;
        });
  }

  @Test
  void batchesAreVendorSizedBoundedAndTheResultKeepsInputOrder() throws Exception {
    List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<BulkResult<String>> result = plan(pending, 2).runAsync(range(250));
    assertEquals(2, pending.size(), "at most 2 batches in flight");
    assertEquals(range(100), pending.get(0).batch);
    pending.get(1).succeedAll(); // the second batch answers first
    assertEquals(3, pending.size());
    assertEquals(IntStream.range(200, 250).boxed().collect(Collectors.toList()), pending.get(2).batch);
    pending.get(2).succeedAll();
    assertFalse(result.isDone());
    pending.get(0).succeedAll();
    BulkResult<String> done = result.get(5, TimeUnit.SECONDS);
    assertEquals(250, done.succeededCount());
    for (int i = 0; i < 250; i++) {
      assertEquals(i, done.items().get(i).index());
      assertEquals("v" + i, done.items().get(i).value().orElseThrow());
    }
  }

  @Test
  void everyItemIsCheckedBeforeTheFirstBatchStartsAndFailsAlone() throws Exception {
    List<Integer> checked = Collections.synchronizedList(new ArrayList<>());
    List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
    List<Integer> checkedWhenFirstBatchStarted = new ArrayList<>();
    CompletableFuture<BulkResult<String>> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, BULK)
        .prepare(i -> {
          checked.add(i);
          return check(i);
        })
        .batchAsync((batch, answer) -> {
          checkedWhenFirstBatchStarted.addAll(checked);
          Pending p = new Pending(batch, answer);
          pending.add(p);
          return p.future;
        })
        .runAsync(java.util.Arrays.asList(0, -1, null, 3));
    assertEquals(List.of(0, -1, 3), checkedWhenFirstBatchStarted, "all checked first (null fails before prepare)");
    assertEquals(1, pending.size());
    assertEquals(List.of(0, 3), pending.get(0).batch);
    pending.get(0).succeedAll();
    BulkResult<String> done = result.get(5, TimeUnit.SECONDS);
    assertEquals("v0", done.items().get(0).value().orElseThrow());
    assertInstanceOf(RequestValidationException.class, done.items().get(1).failure().orElseThrow());
    assertTrue(done.items().get(2).failure().orElseThrow().getMessage().contains("items[2]: must not be null"));
    assertEquals("v3", done.items().get(3).value().orElseThrow());

    List<Pending> none = new ArrayList<>();
    BulkResult<String> allInvalid = plan(none, 4).runAsync(List.of(-1, -2)).get(5, TimeUnit.SECONDS);
    assertEquals(0, none.size());
    assertEquals(2, allInvalid.failedCount());
  }

  @Test
  void aBatchFailingAsAWholeFailsEachOfItsItemsAndUnreportedOnesMayHaveBeenProcessed() throws Exception {
    List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<BulkResult<String>> result = plan(pending, 4).runAsync(range(150));
    ServerException boom = new ServerException("t", Operation.CREATE, 500, "INTERNAL", "boom", null, null, "{}", false);
    pending.get(0).answer.succeeded(0, "reported before the failure, discarded");
    pending.get(0).future.completeExceptionally(boom);
    Pending second = pending.get(1);
    second.answer.succeeded(0, "v100");
    second.answer.failed(1, new RequestValidationException("t", "refused"));
    second.future.complete(null); // positions 2.. left unreported
    BulkResult<String> done = result.get(5, TimeUnit.SECONDS);
    for (int i = 0; i < 100; i++) {
      assertSame(boom, done.items().get(i).failure().orElseThrow());
    }
    assertEquals("v100", done.items().get(100).value().orElseThrow());
    assertInstanceOf(RequestValidationException.class, done.items().get(101).failure().orElseThrow());
    for (int i = 102; i < 150; i++) {
      TransportException unaccounted = assertInstanceOf(TransportException.class, done.items().get(i).failure().orElseThrow());
      assertTrue(unaccounted.requestMayHaveBeenProcessed());
    }
  }

  @Test
  void cancellingTheResultCancelsTheBatchesInFlightAndStartsNoMore() {
    List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<BulkResult<String>> result = plan(pending, 2).runAsync(range(500));
    assertEquals(2, pending.size());
    assertTrue(result.cancel(true));
    assertTrue(pending.get(0).future.isCancelled(), "the first batch call was cancelled");
    assertTrue(pending.get(1).future.isCancelled(), "the second batch call was cancelled");
    assertEquals(2, pending.size(), "no further batch was started");
  }

  @Test
  void singlesRunForItemsTheEndpointCannotTakeAndABugFailsTheFuture() throws Exception {
    Capabilities noBulk = Capabilities.builder().operations(Operation.CREATE)
        .creatableFields(dev.polylink.core.LinkField.DESTINATION).build();
    List<CompletableFuture<String>> singles = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<BulkResult<String>> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, noBulk)
        .concurrency(3)
        .prepare(BulkBatchesAsyncTest::check)
        .batchAsync((batch, answer) -> {
          throw new AssertionError("no endpoint declared");
        })
        .singleAsync(i -> {
          CompletableFuture<String> f = new CompletableFuture<>();
          singles.add(f);
          return f;
        })
        .runAsync(range(5));
    assertEquals(3, singles.size());
    singles.get(0).complete("a");
    singles.get(1).complete("b");
    singles.get(2).complete("c");
    singles.get(3).complete("d");
    singles.get(4).complete("e");
    assertEquals(List.of("a", "b", "c", "d", "e"), result.get(5, TimeUnit.SECONDS).items().stream()
        .map(item -> item.value().orElseThrow()).collect(Collectors.toList()));

    CompletableFuture<BulkResult<String>> bug = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, noBulk)
        .prepare(BulkBatchesAsyncTest::check)
        .singleAsync(i -> CompletableFuture.failedFuture(new IllegalStateException("bug")))
        .runAsync(range(2));
    ExecutionException e = assertThrows(ExecutionException.class, () -> bug.get(5, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, e.getCause());
  }
}
