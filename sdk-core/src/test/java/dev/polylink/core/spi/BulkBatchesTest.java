package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polylink.core.BulkItem;
import dev.polylink.core.BulkResult;
import dev.polylink.core.Capabilities;
import dev.polylink.core.ConflictException;
import dev.polylink.core.Operation;
import dev.polylink.core.RateLimitException;
import dev.polylink.core.RequestValidationException;
import dev.polylink.core.ServerException;
import dev.polylink.core.TransportException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BulkBatchesTest {
  private static final Capabilities BULK_CREATE = Capabilities.builder()
      .operations(Operation.CREATE, Operation.UPDATE).creatableFields(dev.polylink.core.LinkField.DESTINATION)
      .bulk(Operation.CREATE, 100)
      .bulk(Operation.UPDATE, 2)
      .build();
  private static final Capabilities NO_BULK = Capabilities.builder().operations(Operation.CREATE)
      .creatableFields(dev.polylink.core.LinkField.DESTINATION).build();

  /** Items are numbers; negative ones are invalid. */
  private static Integer check(Integer item) {
    if (item < 0) {
      throw new RequestValidationException("t", "item: must not be negative (was " + item + ")");
    }
    return item;
  }

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  @Test
  void splitsIntoVendorSizedBatchesInInputOrder() {
    List<List<Integer>> sent = Collections.synchronizedList(new ArrayList<>());
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, BULK_CREATE)
        .concurrency(1)
        .prepare(BulkBatchesTest::check)
        .batch((batch, answer) -> {
          sent.add(batch);
          for (int p = 0; p < batch.size(); p++) {
            answer.succeeded(p, "v" + batch.get(p));
          }
        })
        .run(range(250));

    assertEquals(List.of(100, 100, 50), sent.stream().map(List::size).toList());
    assertEquals(range(100), sent.get(0));
    assertEquals(range(250).subList(200, 250), sent.get(2));
    assertEquals(250, result.succeededCount());
    for (int i = 0; i < 250; i++) {
      assertEquals(i, result.items().get(i).index());
      assertEquals("v" + i, result.items().get(i).value().orElseThrow());
    }
  }

  @Test
  void invalidItemsFailAloneAndAreNeverSent() {
    List<Integer> sent = Collections.synchronizedList(new ArrayList<>());
    List<Integer> input = new ArrayList<>(List.of(1, -2, 3));
    input.add(null);
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, BULK_CREATE)
        .prepare(BulkBatchesTest::check)
        .batch((batch, answer) -> {
          sent.addAll(batch);
          for (int p = 0; p < batch.size(); p++) {
            answer.succeeded(p, "v" + batch.get(p));
          }
        })
        .run(input);

    assertEquals(List.of(1, 3), sent);
    assertEquals("v1", result.items().get(0).value().orElseThrow());
    assertInstanceOf(RequestValidationException.class, result.items().get(1).failure().orElseThrow());
    assertTrue(result.items().get(1).failure().get().getMessage().contains("was -2"));
    assertEquals("v3", result.items().get(2).value().orElseThrow());
    assertInstanceOf(RequestValidationException.class, result.items().get(3).failure().orElseThrow());
  }

  @Test
  void allInvalidSendsNothing() {
    AtomicInteger calls = new AtomicInteger();
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, BULK_CREATE)
        .prepare(BulkBatchesTest::check)
        .batch((batch, answer) -> calls.incrementAndGet())
        .run(List.of(-1, -2));
    assertEquals(0, calls.get());
    assertEquals(2, result.failedCount());
  }

  @Test
  void aBatchThatFailsAsAWholeFailsEveryItemOfItAndOnlyThose() {
    ServerException boom = new ServerException("t", Operation.CREATE, 500, null, null, null, null, "", true);
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, BULK_CREATE)
        .concurrency(3)
        .prepare(BulkBatchesTest::check)
        .batch((batch, answer) -> {
          for (int p = 0; p < batch.size(); p++) {
            answer.succeeded(p, "v" + batch.get(p));
          }
          if (batch.get(0) == 100) {
            throw boom;
          }
        })
        .run(range(250));

    assertEquals(150, result.succeededCount());
    for (int i = 100; i < 200; i++) {
      assertSame(boom, result.items().get(i).failure().orElseThrow());
    }
    assertTrue(result.items().get(99).succeeded());
    assertTrue(result.items().get(200).succeeded());
  }

  @Test
  void perItemFailuresAndUnaccountedItems() {
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, BULK_CREATE)
        .prepare(BulkBatchesTest::check)
        .batch((batch, answer) -> {
          answer.succeeded(0, "v0");
          answer.failed(1, BulkBatches.itemFailure("t", Operation.CREATE, 409,
              VendorError.builder().errorCode("SLUG_TAKEN").message("taken").requestId("req_1").build(),
              "{\"index\":1}"));
          // position 2 is not reported; position 3 reported twice, differently
          answer.succeeded(3, "v3");
          answer.failed(3, BulkBatches.itemFailure("t", Operation.CREATE, 409, VendorError.none(), "{}"));
        })
        .run(range(4));

    assertEquals("v0", result.items().get(0).value().orElseThrow());
    ConflictException conflict = assertInstanceOf(ConflictException.class, result.items().get(1).failure().orElseThrow());
    assertEquals("SLUG_TAKEN", conflict.errorCode().orElseThrow());
    assertEquals("req_1", conflict.requestId().orElseThrow());
    assertEquals("{\"index\":1}", conflict.responseBody());
    TransportException unaccounted =
        assertInstanceOf(TransportException.class, result.items().get(2).failure().orElseThrow());
    assertTrue(unaccounted.requestMayHaveBeenProcessed());
    assertTrue(unaccounted.getMessage().contains("did not report on this item"), unaccounted.getMessage());
    TransportException twice = assertInstanceOf(TransportException.class, result.items().get(3).failure().orElseThrow());
    assertTrue(twice.getMessage().contains("more than once"), twice.getMessage());
  }

  @Test
  void groupsShareBatchesAndUngroupedItemsGoSingle() {
    List<String> sent = Collections.synchronizedList(new ArrayList<>());
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.UPDATE, BULK_CREATE)
        .concurrency(1)
        .prepare(BulkBatchesTest::check)
        .groupBy(i -> i % 3 == 0 ? null : i % 3)
        .batch((batch, answer) -> {
          sent.add("batch " + batch);
          for (int p = 0; p < batch.size(); p++) {
            answer.succeeded(p, "b" + batch.get(p));
          }
        })
        .single(i -> {
          sent.add("single " + i);
          return "s" + i;
        })
        .run(range(8));

    assertEquals(List.of("single 0", "single 3", "single 6", "batch [1, 4]", "batch [7]", "batch [2, 5]"), sent);
    assertEquals(List.of("s0", "b1", "b2", "s3", "b4", "b5", "s6", "b7"), result.values());
  }

  @Test
  void withoutADeclaredEndpointEveryItemGoesSingle() {
    List<Integer> sent = Collections.synchronizedList(new ArrayList<>());
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, NO_BULK)
        .concurrency(1)
        .prepare(BulkBatchesTest::check)
        .batch((batch, answer) -> { throw new AssertionError("no bulk endpoint declared"); })
        .single(i -> {
          sent.add(i);
          if (i == 2) {
            throw new RateLimitException("t", Operation.CREATE, 429, null, null, null, null, "", null, true);
          }
          return "s" + i;
        })
        .run(range(4));
    assertEquals(range(4), sent);
    assertEquals(List.of("s0", "s1", "s3"), result.values());
    assertInstanceOf(RateLimitException.class, result.items().get(2).failure().orElseThrow());
  }

  @Test
  void singleRequestsRunConcurrentlyUpToTheLimitAndKeepInputOrder() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    CountDownLatch fourStarted = new CountDownLatch(4);
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, NO_BULK)
        .concurrency(4)
        .prepare(BulkBatchesTest::check)
        .single(i -> {
          int now = inFlight.incrementAndGet();
          peak.accumulateAndGet(now, Math::max);
          fourStarted.countDown();
          try {
            // the first four wait for each other: proof that four run at once (bounded wait)
            fourStarted.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          inFlight.decrementAndGet();
          return "s" + i;
        })
        .run(range(20));
    assertEquals(4, peak.get());
    assertEquals(range(20).stream().map(i -> "s" + i).toList(), result.values());
    for (int i = 0; i < 20; i++) {
      assertEquals(i, result.items().get(i).index());
    }
  }

  @Test
  void aBugIsRethrown() {
    IllegalStateException bug = new IllegalStateException("bug");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, NO_BULK)
            .concurrency(2)
            .prepare(BulkBatchesTest::check)
            .single(i -> { throw bug; })
            .run(range(3)));
    assertSame(bug, thrown);
  }

  @Test
  void concurrencyIsChecked() {
    RequestValidationException e = assertThrows(RequestValidationException.class,
        () -> BulkBatches.plan("t", Operation.CREATE, NO_BULK).concurrency(0));
    assertTrue(e.getMessage().contains("bulkConcurrency"), e.getMessage());
    assertThrows(RequestValidationException.class,
        () -> BulkBatches.plan("t", Operation.CREATE, NO_BULK).concurrency(65));
    BulkBatches.plan("t", Operation.CREATE, NO_BULK).concurrency(64);
  }

  @Test
  void anInterruptedCallerSendsNothingMore() {
    List<Integer> sent = Collections.synchronizedList(new ArrayList<>());
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, NO_BULK)
        .concurrency(1)
        .prepare(BulkBatchesTest::check)
        .single(i -> {
          sent.add(i);
          if (i == 1) {
            Thread.currentThread().interrupt();
          }
          return "s" + i;
        })
        .run(range(4));
    assertTrue(Thread.interrupted(), "the interrupt flag is set again");
    assertEquals(List.of(0, 1), sent);
    assertEquals(List.of("s0", "s1"), result.values());
    BulkItem<String> notSent = result.items().get(2);
    TransportException e = assertInstanceOf(TransportException.class, notSent.failure().orElseThrow());
    assertFalse(e.requestMayHaveBeenProcessed());
    assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
  }

  @Test
  void itemsConfirmedWithoutAValueSucceedWithoutOne() {
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, BULK_CREATE)
        .prepare(BulkBatchesTest::check)
        .batch((batch, answer) -> {
          answer.succeededWithoutValue(0);
          answer.succeeded(1, "v1");
          answer.succeededWithoutValue(2);
          answer.failed(2, BulkBatches.itemFailure("t", Operation.CREATE, 409, VendorError.none(), "{}"));
        })
        .run(range(3));

    BulkItem<String> confirmed = result.items().get(0);
    assertTrue(confirmed.succeeded());
    assertTrue(confirmed.confirmedWithoutValue());
    assertTrue(confirmed.value().isEmpty());
    assertTrue(confirmed.failure().isEmpty());
    assertTrue(confirmed.toString().contains("without value"), confirmed.toString());
    assertEquals(List.of("v1"), result.values());
    assertEquals(2, result.succeededCount());
    assertInstanceOf(TransportException.class, result.items().get(2).failure().orElseThrow());
    BulkResult<Integer> mapped = result.map(String::length);
    assertTrue(mapped.items().get(0).confirmedWithoutValue());
    assertEquals(2, mapped.items().get(1).value().orElseThrow());
  }

  @Test
  void entriesKeepOrderAndNullIdsFailAlone() {
    List<dev.polylink.core.LinkId> ids = new ArrayList<>();
    ids.add(dev.polylink.core.LinkId.of("a"));
    ids.add(null);
    dev.polylink.core.LinkPatch patch = dev.polylink.core.LinkPatch.builder().enabled(true).build();
    var entries = BulkBatches.entries(ids, patch);
    assertEquals(2, entries.size());
    assertSame(patch, entries.get(1).getValue());
    assertEquals(null, entries.get(1).getKey());
    assertThrows(RequestValidationException.class, () -> BulkBatches.requireId("t", null));
  }

  @Test
  void anAnswerKnowsItsSizeAndWhichPositionsWereReported() {
    BulkBatches.Answer<String> answer = new BulkBatches.Answer<>(4);
    assertEquals(4, answer.size());
    for (int p = 0; p < 4; p++) {
      assertFalse(answer.reported(p), "position " + p);
    }
    answer.succeeded(0, "a");
    answer.failed(1, new RequestValidationException("p", "bad"));
    answer.succeededWithoutValue(2);
    assertTrue(answer.reported(0));
    assertTrue(answer.reported(1));
    assertTrue(answer.reported(2));
    assertFalse(answer.reported(3));
    assertThrows(IndexOutOfBoundsException.class, () -> answer.reported(4));
    assertEquals("a", answer.item(10, 0, "p", Operation.CREATE, "b").value().orElseThrow());
    assertInstanceOf(RequestValidationException.class, answer.item(11, 1, "p", Operation.CREATE, "b").failure().orElseThrow());
    BulkItem<String> confirmed = answer.item(12, 2, "p", Operation.CREATE, "b");
    assertTrue(confirmed.succeeded());
    assertEquals(12, confirmed.index());
    assertTrue(answer.item(13, 3, "p", Operation.CREATE, "b").failure().orElseThrow().getMessage().contains("did not report"));
  }

  @Test
  void anItemReportedAsSuccessAfterAFailureOrAConfirmationIsUnaccounted() {
    BulkBatches.Answer<String> answer = new BulkBatches.Answer<>(3);
    answer.failed(0, new RequestValidationException("p", "bad"));
    answer.succeeded(0, "a");
    answer.succeededWithoutValue(1);
    answer.succeeded(1, "b");
    answer.succeeded(2, "c");
    answer.succeeded(2, "c");
    assertTrue(answer.item(0, 0, "p", Operation.UPDATE, "b").failure().orElseThrow().getMessage().contains("more than once"));
    assertTrue(answer.item(1, 1, "p", Operation.UPDATE, "b").failure().orElseThrow().getMessage().contains("more than once"));
    assertEquals("c", answer.item(2, 2, "p", Operation.UPDATE, "b").value().orElseThrow(), "the same success twice is one");
  }

  @Test
  void requireIdGivesTheIdOrRefusesNull() {
    dev.polylink.core.LinkId id = dev.polylink.core.LinkId.of("x");
    assertSame(id, BulkBatches.requireId("p", id));
    RequestValidationException e = assertThrows(RequestValidationException.class, () -> BulkBatches.requireId("p", null));
    assertTrue(e.getMessage().contains("id: must not be null"), e.getMessage());
  }
}
