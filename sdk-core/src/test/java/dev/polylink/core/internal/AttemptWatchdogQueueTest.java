package dev.polylink.core.internal;

import static dev.polylink.core.internal.WatchdogCalls.HOUR;
import static dev.polylink.core.internal.WatchdogCalls.MS;
import static dev.polylink.core.internal.WatchdogCalls.await;
import static dev.polylink.core.internal.WatchdogCalls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import org.junit.jupiter.api.Test;

/**
 * The two tiers: a watch of a timeout of at least {@link AttemptWatchdog#QUEUED_MIN_NANOS} is only
 * queued, dropped by the next drain when it ended, moved into the ordered set when it still runs; a
 * shorter one goes straight into the set. Calls are made but never executed; {@code isCanceled()}
 * shows the watchdog's work. Every wait polls for at most 5 s and returns once its condition holds.
 */
class AttemptWatchdogQueueTest {
  private static final long QUEUED = AttemptWatchdog.QUEUED_MIN_NANOS;

  @Test
  void aQueuedWatchWhoseDeadlinePassesIsCancelledAndItsWatchSaysWhy() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call call = call();
    long start = System.nanoTime();
    AttemptWatchdog.Watch watch = watchdog.watch(call, QUEUED);
    assertEquals(1, watchdog.size());
    await("the deadline", call::isCanceled);
    assertTrue(System.nanoTime() - start >= QUEUED, "cancelled before its deadline");
    assertTrue(watch.expired());
    assertEquals(0, watchdog.size());
    await("taken from the queue", () -> watchdog.queued() == 0);
  }

  @Test
  void aQueuedWatchEndedInTimeIsNeverCancelledAndIsGoneAfterADrain() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call ended = call();
    AttemptWatchdog.Watch watch = watchdog.watch(ended, QUEUED);
    watch.end();
    assertEquals(0, watchdog.size(), "ended at once, not at the next drain");
    await("dropped by a drain", () -> watchdog.queued() == 0);
    // A later deadline that does pass shows that the watchdog ran past the first one.
    Call later = call();
    watchdog.watch(later, QUEUED + 20 * MS);
    await("the later deadline", later::isCanceled);
    assertFalse(ended.isCanceled());
    assertFalse(watch.expired());
    assertEquals(0, watchdog.size());
  }

  @Test
  void aWatchStillRunningAtADrainMovesToTheSetAndIsCancelledAtItsDeadline() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call call = call();
    long start = System.nanoTime();
    AttemptWatchdog.Watch watch = watchdog.watch(call, 150 * MS);
    await("moved by a drain", () -> watchdog.queued() == 0);
    if (System.nanoTime() - start < 150 * MS) {
      assertFalse(call.isCanceled(), "moved, not expired");
      assertEquals(1, watchdog.size(), "in the set");
    }
    await("the deadline", call::isCanceled);
    assertTrue(System.nanoTime() - start >= 150 * MS, "cancelled before its deadline");
    assertTrue(watch.expired());
    assertEquals(0, watchdog.size());
  }

  @Test
  void aMovedWatchThatEndsLeavesTheSetAndIsNeverCancelled() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call moved = call();
    long start = System.nanoTime();
    AttemptWatchdog.Watch watch = watchdog.watch(moved, 150 * MS);
    await("moved by a drain", () -> watchdog.queued() == 0);
    watch.end();
    long ended = System.nanoTime();
    assertEquals(0, watchdog.size(), "removed from the set at once");
    Call later = call();
    watchdog.watch(later, QUEUED + 60 * MS);
    await("the later deadline", later::isCanceled);
    if (ended - start < 150 * MS) {
      assertFalse(moved.isCanceled());
      assertFalse(watch.expired());
    }
    assertEquals(0, watchdog.size());
  }

  @Test
  void aShortTimeoutGoesStraightIntoTheSetAndExpiresThere() throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    Call call = call();
    long start = System.nanoTime();
    AttemptWatchdog.Watch watch = watchdog.watch(call, QUEUED - MS);
    assertEquals(0, watchdog.queued(), "not queued");
    assertEquals(1, watchdog.size());
    await("the deadline", call::isCanceled);
    assertTrue(System.nanoTime() - start >= QUEUED - MS, "cancelled before its deadline");
    assertTrue(watch.expired());
    assertEquals(0, watchdog.size());
    // And one of 20 ms, which a drain every 25 ms would not serve, wakes the thread in time.
    Call soon = call();
    watchdog.watch(call(), HOUR);
    long soonStart = System.nanoTime();
    AttemptWatchdog.Watch soonWatch = watchdog.watch(soon, 20 * MS);
    assertTrue(watchdog.queued() <= 1, "only the hour-long one is queued");
    await("the short deadline", soon::isCanceled);
    assertTrue(System.nanoTime() - soonStart >= 20 * MS, "cancelled before its deadline");
    assertTrue(soonWatch.expired());
  }

  /** One watch of the race test and what its thread did with it. */
  private static final class Made {
    final Call call = call();
    AttemptWatchdog.Watch watch;
    /** When its end returned, 0 while not ended. */
    long endedAt;
    /** When it is to end, 0 for never. */
    long endAt;
  }

  @Test
  void manyThreadsMakingAndEndingQueuedWatchesDuringDrainsLoseNoneAndCancelOnlyTheLate()
      throws Exception {
    AttemptWatchdog watchdog = new AttemptWatchdog(HOUR);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Made>>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Random random = new Random(t);
      done.add(pool.submit(() -> {
        List<Made> all = new ArrayList<>();
        List<Made> pending = new ArrayList<>();
        go.await();
        long start = System.nanoTime();
        // 150 ms of watches (several drains), then the planned ends that are left.
        while (System.nanoTime() - start < 150 * MS || !pending.isEmpty()) {
          if (System.nanoTime() - start < 150 * MS) {
            for (int i = 0; i < 4; i++) {
              Made m = new Made();
              m.watch = watchdog.watch(m.call, QUEUED + random.nextInt(100) * MS);
              all.add(m);
              int kind = random.nextInt(10);
              if (kind < 4) {
                m.watch.end();
                m.endedAt = System.nanoTime();
              } else if (kind < 9) {
                // Ends later: some before the next drain, some after it moved them into the set.
                m.endAt = System.nanoTime() + random.nextInt(80) * MS;
                pending.add(m);
              }
            }
          }
          for (Iterator<Made> it = pending.iterator(); it.hasNext(); ) {
            Made m = it.next();
            if (System.nanoTime() - m.endAt >= 0) {
              m.watch.end();
              m.endedAt = System.nanoTime();
              it.remove();
            }
          }
          Thread.sleep(1);
        }
        return all;
      }));
    }
    go.countDown();
    List<Made> all = new ArrayList<>();
    for (Future<List<Made>> f : done) {
      all.addAll(f.get(10, TimeUnit.SECONDS));
    }
    pool.shutdown();
    await("every watch never ended cancelled",
        () -> all.stream().filter(m -> m.endedAt == 0).allMatch(m -> m.call.isCanceled()));
    int inTime = 0;
    int never = 0;
    for (Made m : all) {
      if (m.endedAt == 0) {
        never++;
        assertTrue(m.watch.expired(), "its deadline passed first");
      } else if (m.endedAt - m.watch.deadline < 0) {
        inTime++;
        assertFalse(m.call.isCanceled(), "ended in time, yet cancelled");
        assertFalse(m.watch.expired());
      }
    }
    assertTrue(inTime > 0 && never > 0, inTime + " ended in time, " + never + " never ended");
    await("nothing left after the last drain", () -> watchdog.queued() == 0 && watchdog.size() == 0);
  }
}
