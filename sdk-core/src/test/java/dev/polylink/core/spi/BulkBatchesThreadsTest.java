package dev.polylink.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link BulkBatches.Plan#run}'s threads: the caller is one of the workers, the others are daemons,
 * the caller's interrupt reaches them and is kept, a bug stops the thread that met it. Every wait is
 * bounded; none is reached when the plan behaves.
 */
class BulkBatchesThreadsTest {
  private static final Capabilities NO_BULK = Capabilities.builder().operations(Operation.CREATE)
      .creatableFields(LinkField.DESTINATION).build();

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().collect(Collectors.toList());
  }

  private static BulkResult<String> run(int concurrency, int items, Function<Integer, String> single) {
    return BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, NO_BULK)
        .concurrency(concurrency)
        .prepare(i -> i)
        .single(single)
        .run(range(items));
  }

  @AfterEach
  void clearTheInterruptFlag() {
    Thread.interrupted();
  }

  @Test
  void withAConcurrencyOfOneEveryItemIsSentOnTheCallingThread() {
    Thread caller = Thread.currentThread();
    List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch second = new CountDownLatch(1);
    BulkResult<String> result = run(1, 3, i -> {
      threads.add(Thread.currentThread());
      if (i == 0) {
        try {
          // Another thread would take item 1 meanwhile; the calling thread cannot.
          second.await(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else {
        second.countDown();
      }
      return "s" + i;
    });
    assertEquals(List.of(caller, caller, caller), threads);
    assertEquals(List.of("s0", "s1", "s2"), result.values());
    assertFalse(Thread.currentThread().isInterrupted(), "a run that was not interrupted leaves the flag clear");
  }

  @Test
  void theOtherWorkersAreNamedDaemonsAndTheFlagStaysClear() {
    Thread caller = Thread.currentThread();
    CountDownLatch both = new CountDownLatch(2);
    List<Thread> others = Collections.synchronizedList(new ArrayList<>());
    BulkResult<String> result = run(2, 2, i -> {
      both.countDown();
      try {
        both.await(5, TimeUnit.SECONDS); // two at once: one of them is not the caller
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (Thread.currentThread() != caller) {
        others.add(Thread.currentThread());
        pause(20); // the caller, done first, must wait for this item
      }
      return "s" + i;
    });
    assertEquals(1, others.size());
    assertTrue(others.get(0).isDaemon(), "a worker never keeps the JVM alive");
    assertEquals("polylink-bulk-t-1", others.get(0).getName());
    assertEquals(List.of("s0", "s1"), result.values());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  /** Runs two items, one on the caller and one on the other worker, each with its own body. */
  private static BulkResult<String> onBoth(Runnable onCaller, Runnable onWorker) {
    Thread caller = Thread.currentThread();
    return run(2, 2, i -> {
      (Thread.currentThread() == caller ? onCaller : onWorker).run();
      return "s" + i;
    });
  }

  @Test
  void aCallerInterruptedAfterItsLastItemInterruptsTheOtherWorkerAndKeepsTheFlag() {
    CountDownLatch workerStarted = new CountDownLatch(1);
    AtomicBoolean workerInterrupted = new AtomicBoolean();
    BulkResult<String> result = onBoth(() -> {
      try {
        workerStarted.await(5, TimeUnit.SECONDS); // so that the other worker takes the other item
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      Thread.currentThread().interrupt();
    }, () -> {
      workerStarted.countDown();
      workerInterrupted.set(awaitInterrupt());
    });
    assertTrue(Thread.interrupted(), "the caller's interrupt is kept");
    assertTrue(workerInterrupted.get(), "the other worker was interrupted");
    assertEquals(List.of("s0", "s1"), result.values());
  }

  @Test
  void aCallerInterruptedWhileWaitingForTheOtherWorkerInterruptsItAndKeepsTheFlag() {
    Thread caller = Thread.currentThread();
    CountDownLatch workerStarted = new CountDownLatch(1);
    AtomicBoolean callerDone = new AtomicBoolean();
    AtomicBoolean workerInterrupted = new AtomicBoolean();
    BulkResult<String> result = onBoth(() -> {
      try {
        workerStarted.await(5, TimeUnit.SECONDS); // so that the other worker takes the other item
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      callerDone.set(true);
    }, () -> {
      workerStarted.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      // wait (bounded) until the caller has sent its item and waits for this worker to end
      while (!(callerDone.get() && caller.getState() == Thread.State.WAITING) && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
      caller.interrupt();
      workerInterrupted.set(awaitInterrupt());
    });
    assertTrue(Thread.interrupted(), "the caller's interrupt is kept");
    assertTrue(workerInterrupted.get(), "the other worker was interrupted");
    assertEquals(List.of("s0", "s1"), result.values());
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits up to 5 s for an interrupt; whether it came. */
  private static boolean awaitInterrupt() {
    try {
      Thread.sleep(5_000);
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }

  @Test
  void aBugStopsTheThreadThatMetItFromSendingMore() {
    List<Integer> sent = Collections.synchronizedList(new ArrayList<>());
    IllegalStateException bug = new IllegalStateException("bug");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> run(1, 3, i -> {
      sent.add(i);
      if (i == 0) {
        throw bug;
      }
      return "s" + i;
    }));
    assertSame(bug, thrown);
    assertEquals(List.of(0), sent);
  }

  @Test
  void aCheckedExceptionThrownSneakilyIsNotReportedAsAnItemNeverSent() {
    // The item's request may have gone out before the exception: calling it "not sent" (safe to
    // retry) would be a lie, so the run fails as it would on one thread, with the exception kept.
    java.io.IOException sneaky = new java.io.IOException("sent, then failed");
    java.lang.reflect.UndeclaredThrowableException thrown = assertThrows(
        java.lang.reflect.UndeclaredThrowableException.class, () -> run(2, 2, i -> {
          if (i == 1) {
            BulkBatchesThreadsTest.<RuntimeException>sneakyThrow(sneaky);
          }
          return "s" + i;
        }));
    assertSame(sneaky, thrown.getCause());
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  @Test
  void anUnreportedItemNamesItsBatch() {
    Capabilities bulk = Capabilities.builder().operations(Operation.CREATE).creatableFields(LinkField.DESTINATION)
        .bulk(Operation.CREATE, 2).build();
    BulkResult<String> result = BulkBatches.<Integer, Integer, String>plan("t", Operation.CREATE, bulk)
        .prepare(i -> i)
        .batch((batch, answer) -> answer.succeeded(0, "v" + batch.get(0)))
        .run(range(4));
    assertEquals(List.of("v0", "v2"), result.values());
    TransportException e = assertInstanceOf(TransportException.class, result.items().get(3).failure().orElseThrow());
    assertTrue(e.getMessage().contains("the bulk request of 2 item(s), input indexes 2 to 3 did not report"),
        e.getMessage());
  }
}
